// Deadlock. Bug: the queue's workers are never told to stop: crawl returns the right answer, but
// its four (non-daemon) threads stay blocked in pages.get() for ever.
import { Queue, Thread } from 'interleave/sync';

interface HtmlParser {
  getUrls(url: string): Promise<string[]>;
}

export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    const hostname = startUrl.split('/')[2];
    const seen = new Set([startUrl]);
    const pages = new Queue<string>();
    const worker = async (): Promise<void> => {
      for (;;) {
        const url = await pages.get();
        for (const link of await htmlParser.getUrls(url)) {
          if (link.split('/')[2] === hostname && !seen.has(link)) {
            seen.add(link);
            await pages.put(link);
          }
        }
        await pages.taskDone();
      }
    };
    for (let i = 1; i <= 4; i++) await new Thread({ target: worker, name: `worker-${i}` }).start();
    await pages.put(startUrl);
    await pages.join();
    return [...seen];
  }
}
