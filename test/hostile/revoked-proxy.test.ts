/**
 * A revoked Proxy thrown or rejected by learner code is the learner's RTE (or nothing, when the
 * learner catches it), never the judge's: the judge told its own stop signal from learner errors
 * with `instanceof`, which asked the Proxy for its prototype, and the trap threw inside the judge (JE).
 */
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { finished, ROOT, startInterleave } from '../support/cli';
import { orderedFoo } from '../support/ordered-foo';

const PROXY = "const r = Proxy.revocable({}, {}); r.revoke();";

function foo(first: string): string {
  return orderedFoo(first, { imports: ['yieldThread'], preamble: PROXY });
}

describe.each([1, 2, 3])('seed %i', (seed) => {
  test('thrown after an await: RTE in that thread, saying a Proxy was thrown', async () => {
    const r = await judgeFile('print-in-order', path.join(ROOT, 'not-on-disk/thrown.ts'), { source: foo('await yieldThread(); throw r.proxy;'), seed });
    expect(r.verdict).toBe('RTE');
    expect(r.cases[0].failure?.message).toMatch(/first\(\) threw a Proxy object .* in thread first/);
  });

  test('a rejection the learner catches is no failure at all', async () => {
    const source = foo('try { await new Promise((_, reject) => reject(r.proxy)); } catch { /* handled */ }');
    expect((await judgeFile('print-in-order', path.join(ROOT, 'not-on-disk/caught.ts'), { source, seed })).verdict).toBe('AC');
  });
});

test('an Error whose Symbol.toPrimitive never returns is the learner’s RTE, in the sandbox too, never run by the judge (it ran after the run, unguarded: 10 s and a TLE with no line)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'interleave-primitive-'));
  try {
    writeFileSync(
      path.join(dir, 'Foo.ts'),
      orderedFoo('const e = new Error("bad"); (e as unknown as Record<symbol, unknown>)[Symbol.toPrimitive] = () => { for (;;) {} }; throw e;'),
    );
    const r = await finished(startInterleave(['run', 'print-in-order', 'Foo.ts'], dir, process.env));
    expect(r.stdout.split('\n')[1]).toMatch(/^RTE /);
    expect(r.stdout).toMatch(/first\(\) threw Error: bad in thread first/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
