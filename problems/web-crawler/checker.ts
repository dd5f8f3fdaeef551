import { defineChecker, type CheckContext } from 'interleave/checker';

/**
 * The result is every URL reachable from startUrl through pages on startUrl's hostname, each
 * once, in any order; getUrls is called at most once per URL and never for another host; on the
 * cases marked `overlap`, fetches overlap: the virtual time the crawl spent with every thread
 * waiting is at most half the sum of its fetches. A thread of the learner's still blocked when crawl returned is the judge's DL.
 */
function host(url: string): string {
  return url.split('/')[2] ?? '';
}

function isUrlList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((u) => typeof u === 'string');
}

function reachable(ctx: CheckContext): string[] {
  const start = ctx.args.startUrl as string;
  const graph = ctx.args.graph as Record<string, string[]>;
  const seen = new Set([start]);
  const todo = [start];
  while (todo.length > 0) {
    for (const next of graph[todo.pop()!] ?? []) {
      if (host(next) === host(start) && !seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  return [...seen].sort();
}

export default defineChecker({
  expected: (ctx) => reachable(ctx).join(' '),
  start(ctx) {
    const want = reachable(ctx);
    const start = ctx.args.startUrl as string;
    const fetchMs = ctx.args.fetchMs as number;
    const fetched = new Set<string>();
    let result: unknown;
    let returned = false;
    return {
      onEvent(ev) {
        if (ev.kind === 'emit' && ev.callback === 'getUrls') {
          const url = ev.value;
          if (host(url) !== host(start)) return `${ctx.nameOf(ev.thread)} fetched ${url}, which is not on ${host(start)}: crawl only the start URL's hostname`;
          if (fetched.has(url)) return `${ctx.nameOf(ev.thread)} fetched ${url} a second time: getUrls at most once per URL`;
          fetched.add(url);
          return null;
        }
        if (ev.kind !== 'return') return null;
        returned = true;
        result = ev.value;
        if (!isUrlList(result)) return `crawl() returned ${JSON.stringify(result)}, not an array of URLs`;
        const got = result;
        const dup = got.find((u, i) => got.indexOf(u) !== i);
        if (dup !== undefined) return `crawl() returned ${dup} twice: each URL once`;
        const extra = got.filter((u) => !want.includes(u));
        if (extra.length > 0) return `crawl() returned ${extra[0]}, which is not reachable from ${start} on ${host(start)}`;
        const missing = want.filter((u) => !got.includes(u));
        if (missing.length > 0) return `crawl() returned ${got.length} of the ${want.length} URLs: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''} missing`;
        // The time every thread was waiting, not all the time that passed: a schedule may let time
        // pass while a thread could go (a random one, or greedy holding the workers back while the
        // crawler sleeps), and a correct crawler that polls was failed for that schedule's slowness.
        if (ctx.args.overlap === true) {
          const sum = fetched.size * fetchMs;
          const took = ctx.idleTime();
          if (took > sum / 2) {
            return `crawl()'s threads spent ${took} ms of virtual time all waiting, for ${fetched.size} fetches of ${fetchMs} ms (${sum} ms one after another): fetches must overlap, so that the wait is at most half, ${sum / 2} ms`;
          }
        }
        return null;
      },
      actual: () => (isUrlList(result) ? [...result].sort().join(' ') : JSON.stringify(result) ?? 'nothing'),
      explainDeadlock(blocked) {
        if (!returned) return null;
        const names = blocked.map((t) => ctx.nameOf(t));
        return `crawl() had returned, but ${names.join(', ')} ${names.length === 1 ? 'was' : 'were'} still waiting: every thread you start must finish (or be a daemon)`;
      },
    };
  },
});
