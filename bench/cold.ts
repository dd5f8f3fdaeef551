/**
 * `npm run bench:cold`: what a learner waits for. Runs `interleave run` of one accepted course
 * solution and one failing one, each cold (a new process every time, as a learner types it), and
 * a bare `node -e 0`, interleaved in the same run, and breaks the median run down into phases:
 *
 *   process start   Node itself: the bare `node -e 0` (measured, not subtracted from anything)
 *   loading         from Node's start until the command runs: Node and the CLI's modules
 *   setup           arguments, the problem package (checked, its checker: bundled by the build
 *                   for a shipped problem); the sandbox's worker is forked at the beginning of
 *                   this (the `sandbox` mark), and esbuild's service started, both booting meanwhile
 *   compile         reading and compiling the file in the grader (esbuild)
 *   sandbox start   what is left of the worker's boot (Node, the judge, SES lockdown) once the
 *   not hidden      file is compiled: zero when booting took no longer than setup and compile
 *   judging         the worker exploring schedules, and replaying a failure with its trace
 *   stopping        the worker's shutdown
 *   explaining      turning the result into the text a learner reads (trace columns, sites)
 *   printing        writing it out and the process ending
 *
 * Runs print JSON (`--json`), whose `timeMs` is the judge's own time: the wall minus it is what the
 * command adds around judging (process, loading, sandbox, compile, stopping, printing).
 *
 * Options: --runs N (default 7), --file PATH (an accepted file; default the course's FooBar),
 * --failing PATH, --compare DIR (another build of the judge, say an older commit's checkout with
 * `npm run build` done: its runs are interleaved with these, for a before/after on the same
 * load). The last line is `cold: <median wall of the accepted run> ms`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'interleave.js');

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

interface Sample {
  wallMs: number;
  marks: Map<string, number>;
  status: number | null;
  /** The judge's own time for the file (the result's timeMs): the rest of the wall is the command's. */
  judgeMs: number;
}

function once(args: string[], phasesFile?: string, cwd = ROOT): Sample {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  if (phasesFile) env.INTERLEAVE_PHASES = phasesFile;
  else delete env.INTERLEAVE_PHASES;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], cwd });
  const wallMs = performance.now() - t0;
  const marks = new Map<string, number>();
  if (phasesFile && fs.existsSync(phasesFile)) {
    for (const [name, at] of (JSON.parse(fs.readFileSync(phasesFile, 'utf8')) as { marks: Array<[string, number]> }).marks) {
      if (!marks.has(name)) marks.set(name, at);
    }
    fs.rmSync(phasesFile);
  }
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited with ${r.status}: ${r.stderr.toString().slice(0, 2000)}`);
  let judgeMs = NaN;
  try {
    judgeMs = (JSON.parse(r.stdout.toString()) as { timeMs: number }).timeMs;
  } catch {
    // not a run printed as JSON
  }
  return { wallMs, marks, status: r.status, judgeMs };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Phase name → ms on the critical path, from one run's marks (ms since its process started). */
function phases(s: Sample): Array<[string, number]> {
  const m = (k: string): number => s.marks.get(k) ?? NaN;
  return [
    ['loading (Node + the CLI)', m('main')],
    ['setup (arguments, problem)', m('compile') - m('main')],
    ['compile', m('compiled') - m('compile')],
    ['sandbox start not hidden', m('started') - m('compiled')],
    ['judging (incl. traced replay)', m('judged') - m('started')],
    ['stopping the worker', m('closed') - m('judged')],
    ['explaining (text)', m('print') - m('explain')],
    ['printing and exit', s.wallMs - m('print')],
    ['(sandbox started at)', m('sandbox')],
  ];
}

/** Wall time minus the judge's own time (timeMs of the result): what the command adds around judging. */
function overhead(samples: Sample[]): number {
  return median(samples.map((s) => s.wallMs - s.judgeMs));
}

function report(label: string, samples: Sample[], bare: number): number {
  const walls = samples.map((s) => s.wallMs);
  const mid = samples.find((s) => s.wallMs === median(walls)) ?? [...samples].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(samples.length / 2)];
  console.log(`${label}: median ${median(walls).toFixed(0)} ms wall (${Math.min(...walls).toFixed(0)}–${Math.max(...walls).toFixed(0)} over ${walls.length} runs), exit ${mid.status}; the median run:`);
  const rows = phases(mid);
  for (const [name, ms] of rows) console.log(`  ${name.padEnd(32)} ${Number.isFinite(ms) ? ms.toFixed(0).padStart(5) : '    ?'} ms`);
  console.log(`  ${'of which Node alone (node -e 0)'.padEnd(32)} ${bare.toFixed(0).padStart(5)} ms`);
  console.log(`  the judge's own time (the result's timeMs): median ${median(samples.map((s) => s.judgeMs)).toFixed(0)} ms`);
  console.log(`  the command around the judge (wall − the judge's own time): median ${overhead(samples).toFixed(0)} ms`);
  return median(walls);
}

function main(): void {
  const runs = Number(option('--runs', '7'));
  const accepted = option('--file', path.join(ROOT, 'problems', 'foobar', 'solutions', 'accepted', 'semaphores.ts'));
  const failing = option('--failing', path.join(ROOT, 'problems', 'foobar', 'solutions', 'deadlock', 'course_two_events.ts'));
  const compare = process.argv.includes('--compare') ? path.resolve(option('--compare', '')) : undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-bench-cold-'));
  const phasesFile = path.join(tmp, 'phases.json');
  console.log(`interleave run, cold, ${runs} runs each on ${os.availableParallelism()} cores (node ${process.version})`);
  const bare: Sample[] = [];
  const ok: Sample[] = [];
  const bad: Sample[] = [];
  const okThen: Sample[] = [];
  const badThen: Sample[] = [];
  try {
    // Interleaved, so that a change in the machine's load touches all of them alike.
    for (let i = 0; i < runs; i++) {
      bare.push(once(['-e', '0']));
      ok.push(once([CLI, 'run', 'foobar', accepted, '--json'], phasesFile));
      bad.push(once([CLI, 'run', 'foobar', failing, '--json'], phasesFile));
      if (compare) {
        const cli = path.join(compare, 'bin', 'interleave.js');
        okThen.push(once([cli, 'run', 'foobar', accepted, '--json'], phasesFile, compare));
        badThen.push(once([cli, 'run', 'foobar', failing, '--json'], phasesFile, compare));
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const bareMs = median(bare.map((s) => s.wallMs));
  console.log(`node -e 0: median ${bareMs.toFixed(0)} ms`);
  const okMs = report(`accepted (${path.relative(ROOT, accepted)})`, ok, bareMs);
  const badMs = report(`failing (${path.relative(ROOT, failing)})`, bad, bareMs);
  if (compare) {
    const walls = (xs: Sample[]): string =>
      `median ${median(xs.map((x) => x.wallMs)).toFixed(0)} ms wall, judge's own time ${median(xs.map((x) => x.judgeMs)).toFixed(0)} ms, the command around it ${overhead(xs).toFixed(0)} ms`;
    console.log(`the build in ${compare}, same runs interleaved: accepted ${walls(okThen)}; failing ${walls(badThen)}`);
  }
  console.log(`goal: under 1000 ms wall: accepted ${okMs < 1000 ? 'yes' : 'no'}, failing ${badMs < 1000 ? 'yes' : 'no'}`);
  console.log(`cold: ${okMs.toFixed(0)} ms (failing ${badMs.toFixed(0)} ms; ${(okMs / bareMs).toFixed(1)}× a bare node -e 0)`);
}

main();
