/**
 * What a Python submission costs: per scheduling step against a bare two-thread Condition
 * ping-pong in CPython measured in the same run, and the time to judge the course's FooBar and
 * ZeroEvenOdd (the goal: one course file under 5 s on two cores). Last line: `python: …`.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { judgeSubmission } from '../harness/judge/judge';
import { loadProblem } from '../harness/judge/problems';
import { findPython } from '../harness/loader/python/index';
import { packageRoot } from '../harness/paths';

const PINGPONG = `
import threading, time
N = 50000
c = threading.Condition(); turn = [0]
def w(me):
    for _ in range(N):
        with c:
            while turn[0] != me:
                c.wait()
            turn[0] = 1 - me
            c.notify()
t0 = time.perf_counter()
a = threading.Thread(target=w, args=(0,)); b = threading.Thread(target=w, args=(1,))
a.start(); b.start(); a.join(); b.join()
print((time.perf_counter() - t0) / (2 * N) * 1e6)
`;

function bareHandOffUs(python: string): number {
  const r = spawnSync(python, ['-c', PINGPONG], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

async function judgeTimed(problem: string, rel: string): Promise<{ ms: number; verdict: string; steps: number }> {
  const file = path.join(packageRoot(), 'problems', problem, 'solutions', rel);
  const t0 = performance.now();
  const r = await judgeSubmission(loadProblem(problem), file, { seed: 1 });
  return { ms: performance.now() - t0, verdict: r.verdict, steps: r.cases.reduce((s, c) => s + c.explored.steps, 0) };
}

async function main(): Promise<void> {
  const python = findPython();
  console.log(`Python ${python.version} (${python.executable})`);
  const bare = bareHandOffUs(python.executable);
  console.log(`bare CPython Condition ping-pong: ${bare.toFixed(2)} µs a hand-off`);
  // Warm: the first judging pays for the interpreter's start-up and the checker's bundle.
  await judgeTimed('foobar', 'accepted/semaphores.py');
  const steady = await judgeTimed('foobar', 'accepted/semaphores.py');
  const perStep = (steady.ms * 1000) / steady.steps;
  console.log(`judged FooBar (two semaphores, AC): ${steady.steps.toLocaleString('en-US')} steps in ${(steady.ms / 1000).toFixed(2)} s: ${perStep.toFixed(1)} µs a step`);
  const rows: Array<[string, string, string]> = [
    ['foobar', 'deadlock/course_two_events.py', 'course FooBar (two Events)'],
    ['zero-even-odd', 'accepted/course_wait_for.py', 'course ZeroEvenOdd'],
    ['print-in-order', 'accepted/course_condition.py', 'course Foo'],
    ['race-counter', 'accepted/course_with_lock.py', 'course FakeDatabase'],
    ['pipeline', 'accepted/course_two_locks.py', 'course Pipeline'],
  ];
  let worst = 0;
  for (const [problem, rel, label] of rows) {
    const r = await judgeTimed(problem, rel);
    worst = Math.max(worst, r.ms);
    console.log(`${label}: ${r.verdict} in ${(r.ms / 1000).toFixed(2)} s (${r.steps.toLocaleString('en-US')} steps)`);
  }
  console.log(`python: ${perStep.toFixed(1)} µs a step, ${(perStep / bare).toFixed(1)}× a bare CPython hand-off; slowest course file ${(worst / 1000).toFixed(2)} s (goal < 5 s)`);
  process.exit(0);
}

void main();
