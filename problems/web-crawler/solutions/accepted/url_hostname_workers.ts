// Hostnames read with URL (a frozen endowment); four worker threads share a queue and stop on
// null sentinels once no URL is queued or being fetched.
import { Thread, Queue, Lock } from 'interleave/sync';

interface HtmlParser { getUrls(url: string): Promise<string[]>; }
const host = (u: string) => new URL(u).hostname;

export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    const h = host(startUrl);
    const seen = new Set<string>([startUrl]);
    const q = new Queue<string | null>();
    const lock = new Lock();
    let outstanding = 1;             // urls queued or being fetched
    const N = 4;
    await q.put(startUrl);
    const worker = async () => {
      for (;;) {
        const url = await q.get();
        if (url === null) return;
        const links = await htmlParser.getUrls(url);
        await lock.acquire();
        for (const l of links) {
          if (host(l) === h && !seen.has(l)) { seen.add(l); outstanding++; await q.put(l); }
        }
        outstanding--;
        if (outstanding === 0) for (let i = 0; i < N; i++) await q.put(null);
        await lock.release();
      }
    };
    const threads = Array.from({ length: N }, () => new Thread({ target: worker }));
    for (const t of threads) await t.start();
    for (const t of threads) await t.join();
    return [...seen];
  }
}
