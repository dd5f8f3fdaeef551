/**
 * One job through a real Sandbox whose workers judge with a stand-in runner
 * (fixtures/runners/*.js), in a fresh Node (jest cannot load tinypool), asynchronously so that a
 * listener in the test's process can accept while the worker runs. The runner's folder is readable.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './cli';

export interface StandInRun {
  /** Whether the workers ran without network (the sandbox's own account). */
  network: { isolated: boolean; note?: string; how?: string };
  /** The message of the runner's result. */
  message: string;
}

/** Judges a file holding `source` with `runner` in a sandbox of `workers`; `env` adds variables. */
export async function judgeWithStandIn(runner: string, o: { source: string; workers?: number; env?: NodeJS.ProcessEnv }): Promise<StandInRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'interleave-stand-in-'));
  try {
    const file = path.join(dir, 'Foo.ts');
    writeFileSync(file, o.source);
    const script = `
      const { Sandbox, limitsFor } = require(${JSON.stringify(path.join(ROOT, 'dist', 'harness', 'pool', 'index.js'))});
      (async () => {
        const sandbox = await Sandbox.create({ workers: ${o.workers ?? 1}, limits: limitsFor(256, 20000), runner: ${JSON.stringify(runner)}, readable: [${JSON.stringify(path.dirname(runner) + path.sep)}] });
        try {
          const r = await sandbox.run({ student: '', problemId: 'print-in-order', file: ${JSON.stringify(file)}, displayName: 'Foo.ts', maxScore: 100 });
          process.stdout.write(JSON.stringify({ network: sandbox.network, message: r.error && r.error.message }));
        } finally {
          await sandbox.close();
        }
      })();`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, ...o.env } });
    return JSON.parse(stdout) as StandInRun;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
