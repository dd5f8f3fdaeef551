// Wrong answer. Bug: links are followed whatever their hostname — a page of another host is fetched.
import { ThreadPoolExecutor } from 'interleave/sync';

interface HtmlParser {
  getUrls(url: string): Promise<string[]>;
}

export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    const pool = new ThreadPoolExecutor(8);
    const seen = new Set([startUrl]);
    let frontier = [startUrl];
    while (frontier.length > 0) {
      const pages = await pool.map((u: string) => htmlParser.getUrls(u), frontier);
      frontier = [];
      for (const link of pages.flat()) {
        if (!seen.has(link)) {
          seen.add(link);
          frontier.push(link);
        }
      }
    }
    await pool.shutdown();
    return [...seen].filter((u) => u.split('/')[2] === startUrl.split('/')[2]);
  }
}
