// Accepted. Style: breadth first, one level at a time, a ThreadPoolExecutor(8) and Promise.all of
// its futures. Written from the statement alone (red team); it once met a judge error (JE).
import { ThreadPoolExecutor } from 'interleave/sync';

interface HtmlParser { getUrls(url: string): Promise<string[]>; }

const hostOf = (url: string) => url.split('/')[2];

// Level-by-level BFS on a ThreadPoolExecutor: every URL of a level is fetched at once; the
// futures are awaited with Promise.all; the pool is shut down in `finally`.
export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    const host = hostOf(startUrl);
    const seen = new Set<string>([startUrl]);
    const pool = new ThreadPoolExecutor(8);
    try {
      let frontier = [startUrl];
      while (frontier.length > 0) {
        const futures = frontier.map((u) => pool.submit((x: string) => htmlParser.getUrls(x), u));
        const pages = await Promise.all(futures);
        const next: string[] = [];
        for (const links of pages) {
          for (const v of links) {
            if (hostOf(v) === host && !seen.has(v)) {
              seen.add(v);
              next.push(v);
            }
          }
        }
        frontier = next;
      }
    } finally {
      await pool.shutdown();
    }
    return [...seen];
  }
}
