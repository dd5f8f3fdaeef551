# Accepted (written by a red team from the statement alone). Style: a fixed pool of worker Threads over a queue.Queue, a pending counter under a Lock, the last worker to finish posts sentinels; the host by urllib.parse.
import threading, queue
from urllib.parse import urlparse

N_WORKERS = 4

class Solution:
    def crawl(self, startUrl, htmlParser):
        hostname = urlparse(startUrl).hostname
        seen = {startUrl}
        lock = threading.Lock()
        work = queue.Queue()
        pending = [1]
        work.put(startUrl)

        def worker():
            while True:
                url = work.get()
                if url is None:
                    return
                try:
                    links = htmlParser.getUrls(url)
                    with lock:
                        for u in links:
                            if urlparse(u).hostname == hostname and u not in seen:
                                seen.add(u)
                                pending[0] += 1
                                work.put(u)
                finally:
                    with lock:
                        pending[0] -= 1
                        last = pending[0] == 0
                    if last:
                        for _ in range(N_WORKERS):
                            work.put(None)

        threads = [threading.Thread(target=worker, name=f"w{i}") for i in range(N_WORKERS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return sorted(seen)
