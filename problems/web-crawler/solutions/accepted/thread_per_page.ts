// Accepted. Style: a Thread per page — each visit marks the links it finds (check and mark in one
// step, no await between) and starts a thread for each new one, then joins them.
import { Thread } from 'interleave/sync';

interface HtmlParser {
  getUrls(url: string): Promise<string[]>;
}

export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    const hostname = startUrl.split('/')[2];
    const seen = new Set([startUrl]);
    const visit = async (url: string): Promise<void> => {
      const links = await htmlParser.getUrls(url);
      const children: Thread[] = [];
      for (const link of links) {
        if (link.split('/')[2] !== hostname || seen.has(link)) continue;
        seen.add(link);
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
