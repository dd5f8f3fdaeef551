// Accepted (written from the statement by a red team). Style: A plain array frontier; 4 daemon workers spin on it with a doubling sleep (reset after
// each page); a counter of unfinished pages (queued + being fetched) is changed only in steps
// with no await inside. The crawling thread waits for the counter to reach 0 with a setInterval
// tick inside a Promise.
import { Thread, sleep } from 'interleave/sync';

interface HtmlParser { getUrls(url: string): Promise<string[]>; }

export class Solution {
  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {
    const host = new URL(startUrl).hostname;
    const seen = new Set<string>([startUrl]);
    const frontier: string[] = [startUrl];
    let unfinished = 1;

    const worker = async () => {
      let d = 1;
      for (;;) {
        const url = frontier.shift();
        if (url === undefined) {
          await sleep(d);
          d = Math.min(d * 2, 32);
          continue;
        }
        d = 1;
        const links = await htmlParser.getUrls(url);
        for (const v of links) {
          if (new URL(v).hostname === host && !seen.has(v)) {
            seen.add(v);
            frontier.push(v);
            unfinished++;
          }
        }
        unfinished--;
      }
    };

    for (let i = 0; i < 4; i++) {
      await new Thread({ target: worker, daemon: true, name: `w${i}` }).start();
    }
    await new Promise<void>((resolve) => {
      const h = setInterval(() => {
        if (unfinished === 0) {
          clearInterval(h);
          resolve();
        }
      }, 10);
    });
    return [...seen];
  }
}
