// Accepted. Style: a Queue of pages and four worker threads; queue.join() waits until every page
// put was done (taskDone), then one end marker per worker lets them all return.
import { Queue, Thread } from 'interleave/sync';

interface HtmlParser {
  getUrls(url: string): Promise<string[]>;
}

const END = '';

export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    const hostname = startUrl.split('/')[2];
    const seen = new Set([startUrl]);
    const pages = new Queue<string>();
    const worker = async (): Promise<void> => {
      for (;;) {
        const url = await pages.get();
        if (url === END) return;
        for (const link of await htmlParser.getUrls(url)) {
          if (link.split('/')[2] === hostname && !seen.has(link)) {
            seen.add(link);
            await pages.put(link);
          }
        }
        await pages.taskDone();
      }
    };
    const workers = [1, 2, 3, 4].map((i) => new Thread({ target: worker, name: `worker-${i}` }));
    for (const w of workers) await w.start();
    await pages.put(startUrl);
    await pages.join();
    for (const _ of workers) await pages.put(END);
    for (const w of workers) await w.join();
    return [...seen];
  }
}
