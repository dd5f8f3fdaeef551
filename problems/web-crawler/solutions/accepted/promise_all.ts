// Accepted. Style: no threads at all — the fetches of a level are started together and awaited
// with Promise.all (they overlap just the same).
interface HtmlParser {
  getUrls(url: string): Promise<string[]>;
}

export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    const hostname = startUrl.split('/')[2];
    const seen = new Set([startUrl]);
    let frontier = [startUrl];
    while (frontier.length > 0) {
      const pages = await Promise.all(frontier.map((u) => htmlParser.getUrls(u)));
      frontier = [];
      for (const link of pages.flat()) {
        if (link.split('/')[2] === hostname && !seen.has(link)) {
          seen.add(link);
          frontier.push(link);
        }
      }
    }
    return [...seen];
  }
}
