/**
 * `interleave …` as GitHub Actions runs it (see test/support/cli.ts), in a clean environment: the
 * test run's own GITHUB_* variables and CI must not leak in.
 */
import { finished, startInterleave, type Finished } from '../support/cli';

export { ROOT } from '../support/cli';
export type { Finished };

/** `node bin/interleave.js <args>` in `cwd` with `env` added to a clean environment. */
export function interleave(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Finished> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_') && k !== 'CI'));
  return finished(startInterleave(args, cwd, { ...base, ...env }));
}
