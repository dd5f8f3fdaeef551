// Wrong answer (red team). Bug: a deadline is not a happens-before. Daemon workers with blocking get(); the crawling thread waits
// for the work to finish for at most 3 s of (virtual) time, "far more than any crawl takes",
// then returns what it has.
import { Queue, Thread, sleep } from 'interleave/sync';

interface HtmlParser { getUrls(url: string): Promise<string[]>; }

export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    const host = startUrl.split('/')[2];
    const seen = new Set<string>([startUrl]);
    const q = new Queue<string>();
    let unfinished = 1;
    await q.put(startUrl);
    for (let i = 0; i < 4; i++) {
      await new Thread({
        daemon: true,
        target: async () => {
          for (;;) {
            const url = await q.get();
            const links = await htmlParser.getUrls(url);
            for (const v of links) {
              if (v.split('/')[2] === host && !seen.has(v)) {
                seen.add(v);
                unfinished++;
                await q.put(v);
              }
            }
            unfinished--;
          }
        },
      }).start();
    }
    for (let waited = 0; unfinished > 0 && waited < 3000; waited += 10) await sleep(10);
    return [...seen].filter(() => true);
  }
}
