import { compileScenario } from '../support/scenario';

const DRAWS = `
  export const log: number[] = [];
  export async function a() { for (let i = 0; i < 5; i++) log.push(Math.random()); }`;

test('Math.random() gives the same numbers for the same seed', async () => {
  const run = await compileScenario(DRAWS);
  const first = (await run({ threads: ['a'], seed: 11 })).exports.log;
  const again = (await run({ threads: ['a'], seed: 11 })).exports.log;
  expect(again).toEqual(first);
});

test('Math.random() gives other numbers for another seed', async () => {
  const run = await compileScenario(DRAWS);
  const first = (await run({ threads: ['a'], seed: 11 })).exports.log;
  const other = (await run({ threads: ['a'], seed: 12 })).exports.log;
  expect(other).not.toEqual(first);
});

test('Math.random() draws numbers in [0, 1) that vary within a run', async () => {
  const run = await compileScenario(DRAWS);
  const draws = (await run({ threads: ['a'], seed: 3 })).exports.log as number[];
  for (const x of draws) {
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThan(1);
  }
  expect(new Set(draws).size).toBe(5);
});

test("the learner's Math.random() does not use the process's generator", async () => {
  const run = await compileScenario(DRAWS);
  const first = (await run({ threads: ['a'], seed: 4 })).exports.log;
  for (let i = 0; i < 10; i++) Math.random();
  expect((await run({ threads: ['a'], seed: 4 })).exports.log).toEqual(first);
});
