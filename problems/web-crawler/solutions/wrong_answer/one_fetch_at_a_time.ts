// Wrong answer. Bug: a correct breadth-first search, but one fetch after another: on the wide
// site it takes the sum of its fetches.
interface HtmlParser {
  getUrls(url: string): Promise<string[]>;
}

export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    const hostname = startUrl.split('/')[2];
    const seen = new Set([startUrl]);
    const todo = [startUrl];
    while (todo.length > 0) {
      for (const link of await htmlParser.getUrls(todo.shift()!)) {
        if (link.split('/')[2] === hostname && !seen.has(link)) {
          seen.add(link);
          todo.push(link);
        }
      }
    }
    return [...seen];
  }
}
