// Accepted. Style: daemon workers polling a Queue with get({ timeout }). Written from the
// statement alone (red team); a timed poll once let time passing starve the other threads (TLE).
import { Lock, Queue, Thread, sleep } from 'interleave/sync';

interface HtmlParser { getUrls(url: string): Promise<string[]>; }

// Worker threads with a timed get(): a timeout is honoured correctly (a worker that times out
// just checks whether the crawl is over and tries again); the main thread polls the counters
// under a Lock with sleep() and tells the workers to stop with a flag; it joins them all.
export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    const host = startUrl.split('/')[2];
    const seen = new Set<string>([startUrl]);
    const q = new Queue<string>();
    const lock = new Lock();
    let outstanding = 1;
    let over = false;
    await q.put(startUrl);

    const worker = async () => {
      while (!over) {
        let url: string;
        try {
          url = await q.get({ timeout: 10 });
        } catch {
          continue; // QueueEmpty: nothing yet, look again
        }
        const links = await htmlParser.getUrls(url);
        await lock.acquire();
        for (const v of links) {
          if (v.split('/')[2] === host && !seen.has(v)) {
            seen.add(v);
            outstanding++;
            await q.put(v);
          }
        }
        outstanding--;
        await lock.release();
      }
    };

    const ts = [0, 1, 2, 3, 4].map((i) => new Thread({ target: worker, name: `crawler-${i}` }));
    for (const t of ts) await t.start();
    for (;;) {
      await lock.acquire();
      const done = outstanding === 0;
      await lock.release();
      if (done) break;
      await sleep(5);
    }
    over = true;
    for (const t of ts) await t.join();
    return [...seen];
  }
}
