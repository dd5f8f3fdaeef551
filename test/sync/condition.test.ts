import { compileScenario, runScenario } from '../support/scenario';
import { DfsStrategy } from '../../harness/strategies/dfs';
import { errorSite, everySchedule, lineOf, logOf, seeds } from './learner';

const SPURIOUS_NOTE = 'spurious wake-up';

test('wait() returns once another thread changed the state and called notify()', async () => {
  const run = await compileScenario(
    `import { Condition } from 'interleave/sync';
     export const log: string[] = [];
     const cond = new Condition();
     let item: string | null = null;
     export async function consumer() {
       await cond.acquire();
       while (item === null) await cond.wait();
       log.push('got ' + item);
       await cond.release();
     }
     export async function producer() {
       await cond.acquire();
       item = 'x';
       await cond.notify();
       await cond.release();
     }`,
  );
  for (const seed of seeds(50)) {
    const r = await run({ threads: ['consumer', 'producer'], seed });
    expect({ seed, verdict: r.verdict, log: logOf(r) }).toEqual({ seed, verdict: 'OK', log: ['got x'] });
  }
});

/** Three waiters that wait until `go`; `wake` is what the notifier calls once all three wait. */
function threeWaiters(wake: string): string {
  return `
    import { Condition, yieldThread } from 'interleave/sync';
    export const log: string[] = [];
    const cond = new Condition();
    let waiting = 0;
    let go = false;
    async function waiter(name: string) {
      await cond.acquire();
      waiting++;
      while (!go) await cond.wait();
      log.push(name);
      await cond.release();
    }
    export async function w1() { await waiter('w1'); }
    export async function w2() { await waiter('w2'); }
    export async function w3() { await waiter('w3'); }
    export async function notifier() {
      while (waiting < 3) await yieldThread();
      await cond.acquire();
      go = true;
      await cond.${wake};
      await cond.release();
    }`;
}

test('notifyAll() wakes every waiting thread', async () => {
  const run = await compileScenario(threeWaiters('notifyAll()'));
  for (const seed of seeds(30)) {
    const r = await run({ threads: ['w1', 'w2', 'w3', 'notifier'], seed });
    expect(r.verdict).toBe('OK');
    expect([...logOf(r)].sort()).toEqual(['w1', 'w2', 'w3']);
  }
});

test('notify(n) wakes n waiters and leaves the others waiting', async () => {
  // dfs never injects spurious wake-ups, so only notify() can wake a waiter here.
  const r = await runScenario(threeWaiters('notify(2)'), {
    threads: ['w1', 'w2', 'w3', 'notifier'],
    strategy: new DfsStrategy(1),
  });
  expect(r.verdict).toBe('DL');
  expect(logOf(r)).toHaveLength(2);
  expect(r.blocked).toHaveLength(1);
  expect(r.blocked![0].waitsIn).toBe('Condition.wait()');
});

test('wait() without holding the lock is a run-time error naming the learner line', async () => {
  const source = `
    import { Condition } from 'interleave/sync';
    const cond = new Condition();
    export async function a() {
      await cond.wait(); // no lock
    }`;
  const r = await runScenario(source, { threads: ['a'] });
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('RuntimeError: Condition.wait(): cannot wait on un-acquired lock');
  expect(await errorSite(source, r)).toMatchObject({ line: lineOf(source, 'no lock') });
});

test('waitFor() without holding the lock is a run-time error', async () => {
  const r = await runScenario(
    `import { Condition } from 'interleave/sync';
     const cond = new Condition();
     export async function a() { await cond.waitFor(() => true); }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('Condition.waitFor(): cannot wait on un-acquired lock');
});

test('notify() without holding the lock is a run-time error naming the learner line', async () => {
  const source = `
    import { Condition } from 'interleave/sync';
    const cond = new Condition();
    export async function a() {
      await cond.notify(); // no lock
    }`;
  const r = await runScenario(source, { threads: ['a'] });
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('RuntimeError: Condition.notify(): cannot notify on un-acquired lock');
  expect(await errorSite(source, r)).toMatchObject({ line: lineOf(source, 'no lock') });
});

test('notifyAll() without holding the lock is a run-time error', async () => {
  const r = await runScenario(
    `import { Condition } from 'interleave/sync';
     const cond = new Condition();
     export async function a() { await cond.notifyAll(); }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('Condition.notifyAll(): cannot notify on un-acquired lock');
});

test('notify() is refused to a thread that does not own the RLock, even while another thread holds it', async () => {
  const r = await runScenario(
    `import { Condition, yieldThread } from 'interleave/sync';
     const cond = new Condition();
     let held = false;
     export async function holder() { await cond.acquire(); held = true; }
     export async function other() {
       while (!held) await yieldThread();
       await cond.notify();
     }`,
    { threads: ['holder', 'other'] },
  );
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('in thread other');
});

test('waitFor() re-checks its predicate after every wake-up and returns only once it holds', async () => {
  const run = await compileScenario(
    `import { Condition } from 'interleave/sync';
     export const log: unknown[] = [];
     export const checks = { n: 0, max: 0 };
     const cond = new Condition();
     let x = 0;
     export async function waiter() {
       await cond.acquire();
       const ok = await cond.waitFor(() => { checks.n++; return x >= 2; });
       log.push(ok, x);
       await cond.release();
     }
     export async function bumper() {
       for (let i = 0; i < 2; i++) {
         await cond.acquire();
         x++;
         await cond.notify();
         await cond.release();
       }
     }`,
  );
  let mostChecks = 0;
  for (const seed of seeds(60)) {
    const r = await run({ threads: ['waiter', 'bumper'], seed });
    expect({ seed, verdict: r.verdict, log: r.exports.log }).toEqual({ seed, verdict: 'OK', log: [true, 2] });
    mostChecks = Math.max(mostChecks, (r.exports.checks as { n: number }).n);
  }
  // Some schedule woke the waiter at x = 1: the predicate was checked again and it waited on.
  expect(mostChecks).toBeGreaterThanOrEqual(3);
});

test('wait(timeout) returns false after the timeout, with the lock held again', async () => {
  const r = await runScenario(
    `import { Condition, Lock } from 'interleave/sync';
     export const log: unknown[] = [];
     const lock = new Lock();
     const cond = new Condition(lock);
     export async function a() {
       await cond.acquire();
       const t0 = Date.now();
       log.push(await cond.wait(50), Date.now() - t0, lock.locked());
       await cond.release();
     }`,
    { threads: ['a'], strategy: new DfsStrategy(1) },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([false, 50, true]);
});

test('a timed-out wait() returns only when it can take the lock again', async () => {
  const r = await runScenario(
    `import { Condition, sleep, yieldThread } from 'interleave/sync';
     export const log: unknown[] = [];
     const cond = new Condition();
     let waiting = false;
     export async function a() {
       const t0 = Date.now();
       await cond.acquire();
       waiting = true;
       log.push(await cond.wait(10), Date.now() - t0);
       await cond.release();
     }
     export async function b() {
       while (!waiting) await yieldThread();
       await cond.acquire();
       await sleep(50);
       await cond.release();
     }`,
    { threads: ['a', 'b'], strategy: new DfsStrategy(1) },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([false, 50]);
});

test('waitFor(predicate, timeout) returns false when the predicate stays false', async () => {
  const r = await runScenario(
    `import { Condition } from 'interleave/sync';
     export const log: unknown[] = [];
     const cond = new Condition();
     export async function a() {
       await cond.acquire();
       const t0 = Date.now();
       log.push(await cond.waitFor(() => false, 30), Date.now() - t0);
       await cond.release();
     }`,
    { threads: ['a'], strategy: new DfsStrategy(1) },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([false, 30]);
});

test('notify() may wake any waiter: across seeds both the first and the second to wait are woken first', async () => {
  const run = await compileScenario(
    `import { Condition, yieldThread } from 'interleave/sync';
     export const entered: string[] = [];
     export const woke: string[] = [];
     const cond = new Condition();
     async function waiter(name: string) {
       await cond.acquire();
       entered.push(name);
       await cond.wait();
       woke.push(name);
       await cond.release();
     }
     export async function w1() { await waiter('w1'); }
     export async function w2() { await waiter('w2'); }
     export async function notifier() {
       while (entered.length < 2) await yieldThread();
       await cond.acquire();
       await cond.notify();
       await cond.release();
       while (woke.length < 1) await yieldThread();
       await cond.acquire();
       await cond.notify();
       await cond.release();
     }`,
  );
  const firstWoken = new Set<string>();
  for (const seed of seeds(80)) {
    const r = await run({ threads: ['w1', 'w2', 'notifier'], seed });
    if (r.notes.some((n) => n.includes(SPURIOUS_NOTE))) continue; // only notify() woke them
    expect(r.verdict).toBe('OK');
    const entered = r.exports.entered as string[];
    const woke = r.exports.woke as string[];
    firstWoken.add(woke[0] === entered[0] ? 'first to wait' : 'second to wait');
  }
  expect([...firstWoken].sort()).toEqual(['first to wait', 'second to wait']);
});

test('no hand-off: a notified waiter competes for the lock, and the notifier may take it again first', async () => {
  const run = await compileScenario(
    `import { Condition, yieldThread } from 'interleave/sync';
     export const log: string[] = [];
     const cond = new Condition();
     let waiting = false;
     let ready = false;
     export async function waiter() {
       await cond.acquire();
       waiting = true;
       while (!ready) await cond.wait();
       log.push('waiter');
       await cond.release();
     }
     export async function notifier() {
       while (!waiting) await yieldThread();
       await cond.acquire();
       ready = true;
       await cond.notify();
       await cond.release();
       await cond.acquire();
       log.push('notifier again');
       await cond.release();
     }`,
  );
  const orders = new Set<string>();
  for (const seed of seeds(60)) {
    const r = await run({ threads: ['waiter', 'notifier'], seed });
    expect(r.verdict).toBe('OK');
    orders.add(logOf(r).join(' then '));
  }
  expect([...orders].sort()).toEqual(['notifier again then waiter', 'waiter then notifier again']);
});

const NEVER_NOTIFIED = `
  import { Condition } from 'interleave/sync';
  export const log: string[] = [];
  const cond = new Condition();
  export async function a() {
    await cond.acquire();
    await cond.wait();
    log.push('returned without notify');
    await cond.release();
  }`;

test('under the random strategy wait() sometimes returns without a notify, and the run notes it', async () => {
  const run = await compileScenario(NEVER_NOTIFIED);
  const verdicts = new Set<string>();
  for (const seed of seeds(200)) {
    const r = await run({ threads: ['a'], seed });
    verdicts.add(r.verdict);
    if (r.verdict === 'OK') {
      expect(logOf(r)).toEqual(['returned without notify']);
      expect(r.notes.join('\n')).toContain(SPURIOUS_NOTE);
    } else {
      expect(r.verdict).toBe('DL');
    }
  }
  expect([...verdicts].sort()).toEqual(['DL', 'OK']);
});

test('under dfs wait() never returns without a notify', async () => {
  const run = await compileScenario(NEVER_NOTIFIED);
  const results = await everySchedule(run, new DfsStrategy(1), { threads: ['a'] }, 100);
  expect(results.length).toBeGreaterThan(0);
  expect(results.length).toBeLessThan(100);
  for (const r of results) {
    expect(r.verdict).toBe('DL');
    expect(r.notes).toEqual([]);
  }
});
