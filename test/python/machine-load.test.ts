/**
 * A Python step's time limit counts the CPU time it uses, not the wall clock: on a loaded machine a
 * step may wait long for a core, and that must not change a verdict. The load is made certain
 * here: the Python process is stopped (SIGSTOP) for longer than the limit in the middle of a long
 * step, as an overloaded machine would hold it.
 */
import { spawn } from 'node:child_process';
import { firstFailure, judgeSource, orderedFoo } from './helpers';

// Half a second to two of CPU, once per process (the module runs afresh each run; `collections` stays).
const BURN = `        import collections
        if not hasattr(collections, '_burned'):
            collections._burned = True
            x = 0
            for i in range(16_000_000):
                x += i`;

/**
 * Once the runner (the supervisor's child, under this process) has used a fifth of a second of
 * CPU more than when first seen, so is inside the burn, stops it for `seconds`, then lets it go on.
 */
function holdRunnerMidStep(seconds: number): Promise<string> {
  // Each runner against its own first sight: another runner of this jest worker (an earlier test
  // file's, idle) seen first set the mark, the judging runner never passed it, and the test timed
  // out after a full suite's load.
  const script = `
declare -A first
for i in $(seq 3000); do
  for sup in $(pgrep -P ${process.pid} -f interleave_runner); do
    for r in $(pgrep -P "$sup"); do
      t=$(awk '{print $14 + $15}' /proc/$r/stat 2>/dev/null)
      [ -z "$t" ] && continue
      [ -z "\${first[$r]}" ] && first[$r]=$t
      if [ "$t" -ge $((first[$r] + 20)) ]; then kill -STOP $r; sleep ${seconds}; kill -CONT $r; echo held; exit 0; fi
    done
  done
  sleep 0.02
done
echo never`;
  const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('close', () => resolve(out.trim())));
}

test('a step held off its core past the limit is not a time-limit failure', async () => {
  const held = holdRunnerMidStep(5);
  const r = await judgeSource('print-in-order', 'Foo.py', orderedFoo(BURN), { schedules: 3 });
  expect(await held).toBe('held');
  expect([r.verdict, firstFailure(r)?.message]).toEqual(['AC', undefined]);
}, 120_000);

test('a step that computes past the limit is still stopped, at its line', async () => {
  const source = orderedFoo('        while True:\n            x = sum(range(1000))');
  const r = await judgeSource('print-in-order', 'Foo.py', source, { stopAtFirstFailure: true });
  expect(r.verdict).toBe('TLE');
  expect(firstFailure(r)?.message).toMatch(/more than 3 s at Foo\.py:10 without reaching a switch point/);
}, 60_000);

test('code that holds the interpreter past the limit is stopped by the supervisor', async () => {
  const r = await judgeSource('print-in-order', 'Foo.py', orderedFoo('        sum(range(10 ** 12))'), { stopAtFirstFailure: true });
  expect(r.verdict).toBe('TLE');
  expect(firstFailure(r)?.message).toMatch(/held the interpreter/);
}, 60_000);
