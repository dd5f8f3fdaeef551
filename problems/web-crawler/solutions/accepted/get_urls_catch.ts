// Accepted. Style: getUrls(...).catch(...): an operation is used as the Promise its type says.
// Written from the statement alone (red team); .catch on an operation once was an RTE.
interface HtmlParser { getUrls(url: string): Promise<string[]>; }

// Correct: parallel DFS with Promise.all; a page that fails to load counts as a page with no
// links (.catch on the Promise<string[]> getUrls returns, as its interface says).
export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    const host = startUrl.split('/')[2];
    const seen = new Set<string>([startUrl]);
    const visit = async (url: string): Promise<void> => {
      const links = await htmlParser.getUrls(url).catch(() => [] as string[]);
      const fresh = links.filter((v) => v.split('/')[2] === host && !seen.has(v) && (seen.add(v), true));
      await Promise.all(fresh.map(visit));
    };
    await visit(startUrl);
    return [...seen];
  }
}
