/**
 * Lowered async generators keep the language's queue: a call of `next()` made while an earlier one
 * is still running waits for it. esbuild's own helper (0.28) lost track of the queue once the first
 * call settled, so a third call ran the generator at once and the second then resumed it in the
 * middle of an `await` (in plain Node too; under the judge, a pipeline whose consumers pull from one
 * async generator got RTE). The compiled code is run here in plain Node.
 */
import * as path from 'node:path';
import { compileSubmission } from '../../harness/loader/compile';

const SOURCE = `
export function scenario(): Promise<{ values: number[]; log: string[] }> {
  const log: string[] = [];
  let n = 0;
  async function* numbers() {
    for (;;) {
      log.push('enter ' + n);
      let slept = false;
      await new Promise<void>((r) => setTimeout(() => { slept = true; r(); }, 5));
      log.push(slept ? 'leave ' + n : 'leave ' + n + ' before its await ended');
      yield n++;
    }
  }
  const it = numbers();
  const a = it.next();
  const b = it.next();
  // A third call made as soon as the first settled, while the second still waits its turn.
  return a.then((ra) => {
    const c = it.next();
    return Promise.all([b, c]).then(([rb, rc]) => ({ values: [ra.value, rb.value, rc.value] as number[], log }));
  });
}
`;

test('next() calls of a lowered async generator run one after another, each await ending before the code after it', async () => {
  const compiled = await compileSubmission(path.join(__dirname, 'not-on-disk', 'numbers.ts'), SOURCE);
  const m = { exports: {} as { scenario(): Promise<{ values: number[]; log: string[] }> } };
  new Function('module', 'exports', compiled.code)(m, m.exports);
  const { values, log } = await m.exports.scenario();
  expect(values).toEqual([0, 1, 2]);
  expect(log).toEqual(['enter 0', 'leave 0', 'enter 1', 'leave 1', 'enter 2', 'leave 2']);
});

test('the helper is swapped line for line, so source maps still point at the learner’s lines', async () => {
  const compiled = await compileSubmission(path.join(__dirname, 'not-on-disk', 'numbers.ts'), SOURCE);
  expect(compiled.code).toContain('var before = q');
  const line = compiled.code.split('\n').findIndex((l) => l.includes("log.push('enter ' + n)") || l.includes('log.push("enter " + n)'));
  expect(line).toBeGreaterThan(0);
  // The map still sends that line to the source's line 7.
  const { TraceMap, originalPositionFor } = await import('@jridgewell/trace-mapping');
  const pos = originalPositionFor(new TraceMap(compiled.map), { line: line + 1, column: compiled.code.split('\n')[line].search(/\S/) });
  expect(pos.line).toBe(SOURCE.split('\n').findIndex((l) => l.includes("log.push('enter ' + n)")) + 1);
});
