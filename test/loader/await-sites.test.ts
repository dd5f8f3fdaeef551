/**
 * Every `await` of a lowered async function tells the judge its place (loader/await-sites.ts):
 * the edit hands the awaited value back untouched, and leaves the `yield`s of the learner's own
 * generators alone.
 */
import { compileFor } from '../../harness/loader/index';
import { instrument } from '../../harness/loader/instrument';
import { compileScenario } from '../support/scenario';
import { logOf, seeds } from '../sync/learner';

test("each await's value goes through the call with its id, and its place is kept; a generator's own yield does not", async () => {
  const source = `export async function a(x: number) {\n  const y = await (x, x + 1);\n  function* own() { yield y; }\n  return [...own()];\n}`;
  const out = instrument((await compileFor('/tmp/await-sites.ts', source)).code);
  expect(out.code).toMatch(/yield \(__il_await\(\(x, x \+ 1\), 0\)\)/);
  expect(out.code).toMatch(/function\* own\(\) \{\s*yield y;/);
  expect(out.awaits).toHaveLength(1);
  const [line] = out.awaits[0];
  expect(out.code.split('\n')[line - 1]).toContain('const y = yield (__il_await(');
});

test('awaited values, sequences, thenables and rejections behave as before', async () => {
  const run = await compileScenario(`
    import { Lock } from 'interleave/sync';
    export const log: string[] = [];
    const lock = new Lock();
    function* pairs() { yield 1; yield 2; }
    async function twice(n: number) { await null; return n * 2; }
    export async function a() {
      let k = 0;
      const v = await (k++, twice(k));
      log.push('v' + v);
      await lock.acquire();
      log.push('own ' + [...pairs()].join(''));
      await lock.release();
      log.push('then ' + (await { then(ok: (v: number) => void) { ok(7); } }));
      try { await Promise.reject(new Error('no')); } catch (e) { log.push('caught ' + (e as Error).message); }
    }`);
  for (const seed of seeds(3)) {
    const r = await run({ threads: ['a'], seed });
    expect(r.verdict).toBe('OK');
    expect(logOf(r)).toEqual(['v2', 'own 12', 'then 7', 'caught no']);
  }
});
