# Wrong answer on a wide site: wait(FIRST_COMPLETED) hands back every fetch finished by the time
# the crawling thread wakes, but the loop handles one of them and drops the others, with the links
# they found: when fetches finish together, a page is never reached.
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED
from urllib.parse import urlsplit

class Solution:
    def crawl(self, start_url, html_parser):
        host = urlsplit(start_url).hostname
        seen = {start_url}
        with ThreadPoolExecutor(max_workers=4) as pool:
            pending = {pool.submit(html_parser.get_urls, start_url)}
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                fut = next(iter(done))
                for u in fut.result():
                    if urlsplit(u).hostname == host and u not in seen:
                        seen.add(u)
                        pending.add(pool.submit(html_parser.get_urls, u))
        return list(seen)
