// Wrong answer. Bug: the threads are started but never joined: crawl returns what was found so
// far, before the threads fetched the rest.
import { Thread } from 'interleave/sync';

interface HtmlParser {
  getUrls(url: string): Promise<string[]>;
}

export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    const hostname = startUrl.split('/')[2];
    const seen = new Set([startUrl]);
    const visit = async (url: string): Promise<void> => {
      for (const link of await htmlParser.getUrls(url)) {
        if (link.split('/')[2] !== hostname || seen.has(link)) continue;
        seen.add(link);
        await new Thread({ target: visit, args: [link] }).start();
      }
    };
    await visit(startUrl);
    return [...seen];
  }
}
