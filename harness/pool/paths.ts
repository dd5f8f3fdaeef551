/** The compiled files the sandbox starts, found beside this file in dist/harness/pool/. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The compiled worker file tinypool starts (tinypool needs JavaScript, not TypeScript). */
export function workerFile(): string {
  return path.join(__dirname, 'worker.js');
}

/**
 * judge-runner.ts and everything it imports, bundled into one file by `npm run build`
 * (scripts/build.js): a worker boots faster from one file than from a hundred.
 */
export const RUNNER_BUNDLE = 'judge-runner.bundle.js';

/** The compiled runner that judges with the real judge: the bundle when the build made it. */
export function defaultRunnerFile(): string {
  const bundle = path.join(__dirname, RUNNER_BUNDLE);
  return fs.existsSync(bundle) ? bundle : path.join(__dirname, 'judge-runner.js');
}
