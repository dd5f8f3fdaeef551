# Wrong answer on a wide site: every page fetched in turn, by the crawling thread alone. It finds
# every URL, but the fetches never overlap, so the crawl takes the sum of its fetches.
class Solution:
    def crawl(self, startUrl, htmlParser):
        host = startUrl.split('/')[2]
        seen = {startUrl}
        todo = [startUrl]
        while todo:
            url = todo.pop()
            for u in htmlParser.getUrls(url):
                if u.split('/')[2] == host and u not in seen:
                    seen.add(u)
                    todo.append(u)
        return list(seen)
