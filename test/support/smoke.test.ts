import { runScenario } from './scenario';

test('a scenario runs its threads under the controlled runtime', async () => {
  const r = await runScenario(
    `import { Lock } from 'interleave/sync';
     export const log: string[] = [];
     const lock = new Lock();
     export async function a() { await lock.acquire(); log.push('a'); await lock.release(); }
     export async function b() { await lock.acquire(); log.push('b'); await lock.release(); }`,
    { threads: ['a', 'b'] },
  );
  expect(r.verdict).toBe('OK');
  expect([...(r.exports.log as string[])].sort()).toEqual(['a', 'b']);
});
