/**
 * A pool that keeps every core busy runs each worker's V8 on one thread (`--single-threaded`):
 * helper threads would only take cores from the other workers. A smaller pool keeps them, for
 * the idle cores. A stand-in runner reports the options its worker process started with.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fillsTheMachine } from '../../harness/pool/sandbox';
import { ROOT } from './cli';

const RUNNER = path.join(__dirname, 'fixtures', 'runners', 'exec-argv.js');

/** The options of the worker that judged one job in a real Sandbox of `workers` (in a fresh Node: jest cannot load tinypool). */
function workerOptions(workers: number): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'interleave-argv-'));
  try {
    const file = path.join(dir, 'Foo.ts');
    writeFileSync(file, 'export class Foo {}\n');
    const script = `
      const { Sandbox, limitsFor } = require(${JSON.stringify(path.join(ROOT, 'dist', 'harness', 'pool', 'index.js'))});
      (async () => {
        const sandbox = await Sandbox.create({ workers: ${workers}, limits: limitsFor(256, 20000), runner: ${JSON.stringify(RUNNER)}, readable: [${JSON.stringify(RUNNER)}] });
        try {
          const r = await sandbox.run({ student: '', problemId: 'print-in-order', file: ${JSON.stringify(file)}, displayName: 'Foo.ts', maxScore: 100 });
          process.stdout.write(r.error.message);
        } finally {
          await sandbox.close();
        }
      })();`;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('V8 helper threads in sandbox workers', () => {
  test('a pool with a worker per core or more fills the machine; a smaller one does not', () => {
    expect(fillsTheMachine(16, 16)).toBe(true);
    expect(fillsTheMachine(32, 16)).toBe(true);
    expect(fillsTheMachine(1, 1)).toBe(true);
    expect(fillsTheMachine(15, 16)).toBe(false);
    expect(fillsTheMachine(1, 2)).toBe(false);
  });

  test('with a worker per core, each worker runs V8 single-threaded (under its heap limit and permissions as ever)', () => {
    const options = workerOptions(availableParallelism());
    expect(options).toContain('--single-threaded');
    expect(options).toContain('--experimental-permission');
    expect(options).toContain('--max-old-space-size=256');
  }, 60_000);

  (availableParallelism() > 1 ? test : test.skip)('a single worker on a machine with idle cores keeps V8 helper threads', () => {
    const options = workerOptions(1);
    expect(options).not.toContain('--single-threaded');
    expect(options).toContain('--experimental-permission');
  }, 60_000);
});
