/**
 * What a Python submission costs: per scheduling step against a bare two-thread Condition
 * ping-pong in CPython and a bare round trip between this process and Python over two FIFOs
 * (what one step cannot do without), both measured in the same run, and the time to judge the
 * course's files, FooBar and ZeroEvenOdd among them (the goal: each under 5 s on two cores).
 * The round trip is measured between two CPUs and on one; the judging in this process is done on
 * one CPU, as every Python job is (pool/python-jobs.ts pins it). Last line: `python: …`.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
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

/** Python's end of the bare round trip: reads a line, writes a line, until the judge closes. */
const ECHO = `
import os, sys
i = os.open(sys.argv[1], os.O_RDONLY); o = os.open(sys.argv[2], os.O_WRONLY)
while True:
    b = os.read(i, 65536)
    if not b:
        break
    os.write(o, b'[0,"op",12,3,"acquire",[true,null]]\\n')
`;

/** Pins every thread of this process to `cpus` (`0` or `0-1`) with taskset; false where it cannot. */
function pinSelf(cpus: string): boolean {
  const r = spawnSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' });
  return r.status === 0;
}

/** This process's CPUs, as taskset reads them (`0-1`), to unpin to. */
function ownCpus(): string | undefined {
  const r = spawnSync('taskset', ['-c', '-p', String(process.pid)], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split(/\s+/).pop() : undefined;
}

/** A line to Python and a line back, with blocking readSync/writeSync as the judge does: µs each. */
function bareRoundTripUs(python: string, n = 20_000): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-bench-'));
  const to = path.join(dir, 'to');
  const from = path.join(dir, 'from');
  spawnSync('mkfifo', [to, from]);
  const child = spawn(python, ['-c', ECHO, to, from], { stdio: 'ignore' });
  const out = fs.openSync(to, 'w');
  const inp = fs.openSync(from, 'r');
  const buf = Buffer.alloc(1 << 16);
  let t0 = 0;
  for (let i = -2000; i < n; i++) {
    if (i === 0) t0 = performance.now();
    fs.writeSync(out, Buffer.from(JSON.stringify([1, 'ok', true]) + '\n'));
    const got = fs.readSync(inp, buf, 0, buf.length, null);
    JSON.parse(buf.toString('utf8', 0, got - 1));
  }
  const us = ((performance.now() - t0) * 1000) / n;
  fs.closeSync(out);
  fs.closeSync(inp);
  child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
  return us;
}

async function judgeTimed(problem: string, rel: string): Promise<{ ms: number; verdict: string; steps: number }> {
  const file = path.join(packageRoot(), 'problems', problem, 'solutions', rel);
  const t0 = performance.now();
  const r = await judgeSubmission(loadProblem(problem), file, { seed: 1 });
  return { ms: performance.now() - t0, verdict: r.verdict, steps: r.cases.reduce((s, c) => s + c.explored.steps, 0) };
}

/** `node bin/interleave.js run <problem> <file>`, wall clock in seconds. */
function cliSeconds(problem: string, rel: string): number {
  const file = path.join(packageRoot(), 'problems', problem, 'solutions', rel);
  const t0 = performance.now();
  spawnSync(process.execPath, [path.join(packageRoot(), 'bin', 'interleave.js'), 'run', problem, file], { stdio: 'ignore' });
  return (performance.now() - t0) / 1000;
}

async function main(): Promise<void> {
  const python = findPython();
  console.log(`Python ${python.version} (${python.executable})`);
  const bare = bareHandOffUs(python.executable);
  console.log(`bare CPython Condition ping-pong: ${bare.toFixed(2)} µs a hand-off`);
  const apart = bareRoundTripUs(python.executable);
  console.log(`bare Node ↔ Python round trip over two FIFOs, free to run on any CPU: ${apart.toFixed(1)} µs`);
  const all = ownCpus();
  const pinned = all !== undefined && pinSelf(all.split(/[,-]/)[0]);
  const trip = pinned ? bareRoundTripUs(python.executable) : apart;
  if (pinned) console.log(`the same, Node and Python on one CPU (as a job runs): ${trip.toFixed(1)} µs`);
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
  const cliRows: Array<[string, string]> = [];
  for (const [problem, rel, label] of rows) {
    const r = await judgeTimed(problem, rel);
    console.log(`${label}: ${r.verdict} in ${(r.ms / 1000).toFixed(2)} s (${r.steps.toLocaleString('en-US')} steps)`);
    cliRows.push([problem, rel]);
  }
  // As a learner runs it: the command, cold, from start to exit (the job picks its own CPU).
  if (pinned) pinSelf(all!);
  for (const [problem, rel] of cliRows) {
    const cli = cliSeconds(problem, rel);
    worst = Math.max(worst, cli * 1000);
    console.log(`\`interleave run ${problem} ${path.basename(rel)}\`: ${cli.toFixed(2)} s`);
  }
  console.log(
    `python: ${perStep.toFixed(1)} µs a step, ${(perStep / bare).toFixed(1)}× a bare CPython hand-off, ${(perStep / trip).toFixed(1)}× a bare round trip; slowest course file ${(worst / 1000).toFixed(2)} s by interleave run (goal < 5 s)`,
  );
  process.exit(0);
}

void main();
