/**
 * A pool that keeps every core busy runs each worker's V8 on one thread (`--single-threaded`):
 * helper threads would only take cores from the other workers. A smaller pool keeps them, for
 * the idle cores. A stand-in runner reports the options its worker process started with.
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { fillsTheMachine } from '../../harness/pool/sandbox';
import { judgeWithStandIn } from './stand-in';

const RUNNER = path.join(__dirname, 'fixtures', 'runners', 'exec-argv.js');

/** The options of the worker that judged one job in a real Sandbox of `workers` (see stand-in.ts). */
async function workerOptions(workers: number): Promise<string[]> {
  return JSON.parse((await judgeWithStandIn(RUNNER, { source: 'export class Foo {}\n', workers })).message) as string[];
}

describe('V8 helper threads in sandbox workers', () => {
  test('a pool with a worker per core or more fills the machine; a smaller one does not', () => {
    expect(fillsTheMachine(16, 16)).toBe(true);
    expect(fillsTheMachine(32, 16)).toBe(true);
    expect(fillsTheMachine(1, 1)).toBe(true);
    expect(fillsTheMachine(15, 16)).toBe(false);
    expect(fillsTheMachine(1, 2)).toBe(false);
  });

  test('with a worker per core, each worker runs V8 single-threaded (under its heap limit and permissions as ever)', async () => {
    const options = await workerOptions(availableParallelism());
    expect(options).toContain('--single-threaded');
    expect(options).toContain('--experimental-permission');
    expect(options).toContain('--max-old-space-size=256');
  }, 60_000);

  (availableParallelism() > 1 ? test : test.skip)('a single worker on a machine with idle cores keeps V8 helper threads', async () => {
    const options = await workerOptions(1);
    expect(options).not.toContain('--single-threaded');
    expect(options).toContain('--experimental-permission');
  }, 60_000);
});
