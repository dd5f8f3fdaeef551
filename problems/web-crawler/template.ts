import { Lock, Thread, ThreadPoolExecutor } from 'interleave/sync';

interface HtmlParser {
  /** The links on the page at `url`; a fetch takes virtual time. */
  getUrls(url: string): Promise<string[]>;
}

export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    // TODO: every URL reachable from startUrl on its hostname, each once; fetch in parallel
    return [startUrl];
  }
}
