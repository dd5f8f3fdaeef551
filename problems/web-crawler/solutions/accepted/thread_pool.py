# Accepted. Breadth-first, each level fetched at once by a ThreadPoolExecutor (pool.map): the
# fetches of a level overlap; only the crawling thread touches `seen`.
from concurrent.futures import ThreadPoolExecutor


class Solution:
    def crawl(self, startUrl, htmlParser):
        host = startUrl.split('/')[2]
        seen = {startUrl}
        with ThreadPoolExecutor(max_workers=4) as pool:
            frontier = [startUrl]
            while frontier:
                results = list(pool.map(htmlParser.getUrls, frontier))
                frontier = []
                for urls in results:
                    for u in urls:
                        if u.split('/')[2] == host and u not in seen:
                            seen.add(u)
                            frontier.append(u)
        return list(seen)
