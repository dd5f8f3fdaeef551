// Accepted. Style: a ThreadPoolExecutor, level by level — every page of the frontier is
// submitted at once, the futures are awaited, and the new links on the host form the next level.
import { ThreadPoolExecutor } from 'interleave/sync';

interface HtmlParser {
  getUrls(url: string): Promise<string[]>;
}

function host(url: string): string {
  return url.split('/')[2];
}

export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    const pool = new ThreadPoolExecutor(8);
    const seen = new Set([startUrl]);
    let frontier = [startUrl];
    while (frontier.length > 0) {
      const futures = frontier.map((url) => pool.submit((u: string) => htmlParser.getUrls(u), url));
      const next: string[] = [];
      for (const f of futures) {
        for (const link of await f) {
          if (host(link) === host(startUrl) && !seen.has(link)) {
            seen.add(link);
            next.push(link);
          }
        }
      }
      frontier = next;
    }
    await pool.shutdown();
    return [...seen];
  }
}
