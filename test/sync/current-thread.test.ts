import { compileScenario, runScenario } from '../support/scenario';
import { seeds } from './learner';

test('currentThread() names the thread running the code, after any number of switch points', async () => {
  const run = await compileScenario(
    `import { currentThread, yieldThread } from 'interleave/sync';
     export const log: string[] = [];
     async function helper() { await yieldThread(); return currentThread().name; }
     async function work() {
       const before = currentThread().name;
       await yieldThread();
       const inHelper = await helper();
       log.push(before + '/' + inHelper + '/' + currentThread().name);
     }
     export async function a() { await work(); }
     export async function b() { await work(); }`,
  );
  for (const seed of seeds(30)) {
    const r = await run({ threads: ['a', 'b'], seed });
    expect(r.verdict).toBe('OK');
    expect([...(r.exports.log as string[])].sort()).toEqual(['a/a/a', 'b/b/b']);
  }
});

test('each thread has its own ident', async () => {
  const r = await runScenario(
    `import { currentThread } from 'interleave/sync';
     export const idents: number[] = [];
     export async function a() { idents.push(currentThread().ident); }
     export async function b() { idents.push(currentThread().ident); }
     export async function c() { idents.push(currentThread().ident); }`,
    { threads: ['a', 'b', 'c'] },
  );
  expect(new Set(r.exports.idents as number[]).size).toBe(3);
});

test('activeCount() and enumerate() list the live threads', async () => {
  const r = await runScenario(
    `import { activeCount, enumerate, Event } from 'interleave/sync';
     export const log: unknown[] = [];
     const done = new Event();
     export async function a() { await done.wait(); }
     export async function b() {
       log.push(activeCount(), enumerate().map((t) => t.name).sort().join());
       await done.set();
     }`,
    { threads: ['a', 'b'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([2, 'a,b']);
});
