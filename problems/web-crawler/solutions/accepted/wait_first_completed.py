# Accepted. A ThreadPoolExecutor keeps up to four fetches going; wait(FIRST_COMPLETED) hands back
# every fetch finished by the time the crawling thread wakes, and each of them is handled.
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
                for fut in done:
                    for url in fut.result():
                        if urlsplit(url).hostname == host and url not in seen:
                            seen.add(url)
                            pending.add(pool.submit(html_parser.get_urls, url))
        return list(seen)
