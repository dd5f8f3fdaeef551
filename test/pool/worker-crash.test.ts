/**
 * A worker that cannot start says why in words a grader can act on: a read the sandbox refused
 * names the file and points at the judge (it said to run `npm run build`, which could not help).
 */
import { explainDeath } from '../../harness/pool/death';
import { crashSummary, Health } from '../../harness/pool/health';

const REFUSED = `node:internal/modules/cjs/loader:1117
  throw err;
  ^

Error: Access to this API has been restricted
    at Object.openSync (node:fs:581:18)
    at Module._extensions..js (node:internal/modules/cjs/loader:1416:18) {
  code: 'ERR_ACCESS_DENIED',
  permission: 'FileSystemRead',
  resource: '/srv/shared/node_modules/acorn/dist/acorn.js'
}

Node.js v20.20.2`;

test('a refused read names the file, and the JE says it is the judge’s to fix, not the build’s', () => {
  const detail = `2 workers crashed while starting: ${crashSummary(REFUSED)}`;
  expect(detail).toBe(
    '2 workers crashed while starting: Error: Access to this API has been restricted (the sandbox may not read /srv/shared/node_modules/acorn/dist/acorn.js)',
  );
  const { verdict, message } = explainDeath({ kind: 'start', attempts: 0, detail });
  expect(verdict).toBe('JE');
  expect(message).toContain('/srv/shared/node_modules/acorn/dist/acorn.js');
  expect(message).toContain('please report it');
  expect(message).not.toContain('npm run build');
});

test('any other crash at start still points at the build', () => {
  const detail = `2 workers crashed while starting: ${crashSummary("Error: Cannot find module '/x/dist/harness/pool/worker.js'\n")}`;
  expect(explainDeath({ kind: 'start', attempts: 0, detail }).message).toContain('npm run build');
});

test('one job whose message crashes every worker it is handed to is that job’s failure, never “the workers cannot start”', () => {
  const health = new Health();
  const big = {};
  // The job's two attempts: each worker dies reading the message, before it announces itself.
  health.workerCrashed(101, 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n');
  health.jobNotStarted(big);
  health.workerCrashed(102, 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n');
  health.jobNotStarted(big);
  expect(health.broken).toBeUndefined();
  // The next student's job is taken by a fresh worker.
  health.workerStarted(103);
  health.workerCrashed(104, '');
  health.jobNotStarted({});
  expect(health.broken).toBeUndefined();
});

test('workers crashing while starting on two different jobs, none ever started, are an installation that cannot start', () => {
  const health = new Health();
  health.workerCrashed(101, "Error: Cannot find module '/x/dist/harness/pool/worker.js'\n");
  health.jobNotStarted({});
  health.workerCrashed(102, "Error: Cannot find module '/x/dist/harness/pool/worker.js'\n");
  health.jobNotStarted({});
  expect(health.broken).toBe("2 workers crashed while starting: Error: Cannot find module '/x/dist/harness/pool/worker.js'");
});
