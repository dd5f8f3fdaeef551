/** The compiled files the sandbox starts, found beside this file in dist/harness/pool/. */
import * as path from 'node:path';

/** The compiled worker file tinypool starts (tinypool needs JavaScript, not TypeScript). */
export function workerFile(): string {
  return path.join(__dirname, 'worker.js');
}

/** The compiled runner that judges with the real judge. */
export function defaultRunnerFile(): string {
  return path.join(__dirname, 'judge-runner.js');
}
