import { compileScenario } from '../support/scenario';
import { seeds } from './learner';

test('a ThreadLocal holds a value per thread: each thread reads back what it set', async () => {
  const run = await compileScenario(
    `import { ThreadLocal, yieldThread } from 'interleave/sync';
     export const log: string[] = [];
     const local = new ThreadLocal<string>();
     async function work(name: string) {
       for (let i = 0; i < 3; i++) {
         local.value = name + i;
         await yieldThread();
         log.push(name + ' reads ' + local.value);
       }
     }
     export async function a() { await work('a'); }
     export async function b() { await work('b'); }
     export async function c() { await work('c'); }`,
  );
  for (const seed of seeds(30)) {
    const r = await run({ threads: ['a', 'b', 'c'], seed });
    expect(r.verdict).toBe('OK');
    for (const entry of r.exports.log as string[]) {
      const [who, , value] = entry.split(' ');
      expect(value.startsWith(who)).toBe(true);
    }
  }
});

test('a thread that never set the ThreadLocal reads undefined, whatever the others set', async () => {
  const run = await compileScenario(
    `import { ThreadLocal, yieldThread } from 'interleave/sync';
     export const log: unknown[] = [];
     const local = new ThreadLocal<number>();
     export async function setter() { local.set(42); await yieldThread(); log.push(local.get()); }
     export async function reader() { await yieldThread(); log.push(local.value); }`,
  );
  for (const seed of seeds(20)) {
    const r = await run({ threads: ['setter', 'reader'], seed });
    expect([...(r.exports.log as unknown[])].sort()).toEqual([42, undefined]);
  }
});
