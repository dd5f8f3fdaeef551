# Accepted. A threading.Thread per page: each fetches its page, marks the new URLs under a lock
# (checked and added in one critical section) and starts a thread for each; crawl() joins them all.
import threading


class Solution:
    def crawl(self, startUrl, htmlParser):
        host = startUrl.split('/')[2]
        seen = {startUrl}
        lock = threading.Lock()
        threads = []

        def visit(url):
            for u in htmlParser.get_urls(url):
                if u.split('/')[2] != host:
                    continue
                with lock:
                    if u in seen:
                        continue
                    seen.add(u)
                    t = threading.Thread(target=visit, args=(u,))
                    threads.append(t)
                t.start()

        visit(startUrl)
        # Threads started by threads: join until no new one appears.
        joined = 0
        while True:
            with lock:
                if joined == len(threads):
                    break
                t = threads[joined]
            t.join()
            joined += 1
        return list(seen)
