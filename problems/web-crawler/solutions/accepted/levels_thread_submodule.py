# Accepted, in Python. Style: level by level, a pool fetching each level's pages at once.
# ThreadPoolExecutor is imported from the submodule that defines it (concurrent.futures.thread), as
# some students copy it: that import was an RTE ("'concurrent.futures' is not a package").
from concurrent.futures.thread import ThreadPoolExecutor


class Solution:
    def crawl(self, startUrl, htmlParser):
        host = startUrl.split('/')[2]
        seen = {startUrl}
        with ThreadPoolExecutor(8) as pool:
            level = [startUrl]
            while level:
                fetches = [pool.submit(htmlParser.getUrls, url) for url in level]
                level = []
                for fetch in fetches:
                    for url in fetch.result():
                        if url.split('/')[2] == host and url not in seen:
                            seen.add(url)
                            level.append(url)
        return list(seen)
