// Wrong answer. Bug: a page is marked as seen only after it was fetched, so two threads that find
// the same link meanwhile both fetch it.
import { Thread } from 'interleave/sync';

interface HtmlParser {
  getUrls(url: string): Promise<string[]>;
}

export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    const hostname = startUrl.split('/')[2];
    const seen = new Set<string>();
    const visit = async (url: string): Promise<void> => {
      if (seen.has(url)) return;
      const links = await htmlParser.getUrls(url);
      seen.add(url);
      const children: Thread[] = [];
      for (const link of links) {
        if (link.split('/')[2] !== hostname || seen.has(link)) continue;
        const t = new Thread({ target: visit, args: [link] });
        await t.start();
        children.push(t);
      }
      for (const t of children) await t.join();
    };
    await visit(startUrl);
    return [...seen];
  }
}
