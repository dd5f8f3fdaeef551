/**
 * A revoked Proxy thrown or rejected by learner code is the learner's RTE (or nothing, when the
 * learner catches it), never the judge's: the judge told its own stop signal from learner errors
 * with `instanceof`, which asked the Proxy for its prototype, and the trap threw inside the judge (JE).
 */
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import { ROOT } from '../support/cli';

const PROXY = "const r = Proxy.revocable({}, {}); r.revoke();";

function foo(first: string): string {
  return [
    "import { yieldThread, Event } from 'interleave/sync';",
    PROXY,
    'export class Foo {',
    '  private e1 = new Event();',
    '  private e2 = new Event();',
    `  async first(p: () => void) { ${first} p(); await this.e1.set(); }`,
    '  async second(p: () => void) { await this.e1.wait(); p(); await this.e2.set(); }',
    '  async third(p: () => void) { await this.e2.wait(); p(); }',
    '}',
  ].join('\n');
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
