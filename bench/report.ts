/**
 * Bench of the class report: a synthetic class of 300 students × 10 problems, with realistic
 * failures and traces, rendered by every reporter; prints the file sizes, the render time, and
 * the time to first contentful paint of index.html in headless chromium next to a trivial page
 * measured in the same run.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/report.js [students] [problems]
 *
 * BENCH_DUMP=file.json also writes the synthetic class, to profile a reporter on its own.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { CaseResult, Failure, ProblemResult, TraceStep, Verdict } from '../harness/model/result';
import type { ClassResults, ProblemInfo } from '../harness/model/class-results';
import { writeReports } from '../harness/report/reporter';

const STUDENTS = Number(process.argv[2] ?? 300);
const PROBLEMS = Number(process.argv[3] ?? 10);
const CHROMIUM = '/usr/bin/chromium';
const LOADS = 5;

/** mulberry32: the same class on every run, so figures compare across commits. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(42);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const IDS = ['print-in-order', 'foobar', 'zero-even-odd', 'pipeline', 'race-counter', 'h2o', 'bounded-blocking-queue', 'fizz-buzz', 'dining-philosophers', 'traffic-light'];
const problems: ProblemInfo[] = IDS.slice(0, PROBLEMS).map((id) => ({
  id,
  title: id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
  className: id.replace(/(^|-)(.)/g, (_, __, c: string) => c.toUpperCase()),
  maxScore: 10,
}));
const THREADS = ['foo', 'bar', 'zero', 'even', 'odd', 'producer-1', 'consumer-1', 'consumer-2', 'philosopher-3'];
const OPS: [TraceStep['kind'], string][] = [
  ['op', 'Lock.acquire() → acquired'],
  ['op', 'Lock.release()'],
  ['block', 'Condition.wait() → blocks'],
  ['wake', 'Condition.wait() → woken (spurious)'],
  ['op', 'Condition.notifyAll() → wakes 2'],
  ['op', 'Semaphore.release()'],
  ['block', 'Semaphore.acquire() → blocks'],
  ['emit', 'printNumber(4) → "4"'],
  ['call', 'setMessage("m17")'],
  ['return', 'getMessage() → "m3"'],
  ['op', 'Event.set()'],
];
// Weights of a typical first submission round.
const VERDICTS: [Verdict, number][] = [['AC', 0.55], ['WA', 0.17], ['DL', 0.1], ['TLE', 0.05], ['RTE', 0.06], ['CE', 0.04], ['JE', 0.01]];

function verdict(): Verdict {
  let r = rand();
  for (const [v, w] of VERDICTS) if ((r -= w) < 0) return v;
  return 'AC';
}

function failure(v: Verdict, problem: string, file: string): Failure {
  const threads = THREADS.slice(0, int(2, 5));
  const trace: TraceStep[] = [];
  const n = int(30, 200);
  for (let s = 1; s <= n; s++) {
    const [kind, text] = s <= threads.length ? (['start', 'start'] as const) : pick(OPS);
    trace.push({ step: s, thread: s <= threads.length ? s - 1 : int(0, threads.length - 1), kind, text, site: { file, line: int(5, 60) }, time: s });
  }
  return {
    verdict: v,
    message: v === 'WA' ? 'printed "0102" where "0121" was expected' : v === 'DL' ? 'every thread is blocked' : v === 'TLE' ? 'more than 100,000 steps: busy waiting?' : 'Lock.release() on an unlocked Lock',
    expected: v === 'WA' || v === 'DL' ? '01020304050607080910' : undefined,
    actual: v === 'WA' ? '01020340506070809010' : v === 'DL' ? '010203' : undefined,
    threads,
    startOrder: [...threads].reverse(),
    trace,
    steps: n + (rand() < 0.2 ? int(1000, 90000) : 0),
    blocked: v === 'DL' ? threads.map((t, i) => ({ thread: t, waitsIn: 'Condition.wait()', site: { file, line: 20 + i } })) : undefined,
    stack: v === 'RTE' ? `RuntimeError: Lock.release() on an unlocked Lock\n    at ${problem}.run (${file}:31:9)` : undefined,
    notes: rand() < 0.5 ? ['Condition.wait() returned without a notify (spurious wake-up injected at step 12): wait in a while loop.'] : [],
    replay: `v1.${problem}.${Math.floor(rand() * 1e12).toString(36)}`,
    reproduced: true,
    strategy: pick(['random', 'pct', 'dfs']),
    schedulesToFailure: int(1, 900),
  };
}

function problemResult(info: ProblemInfo, student: string): ProblemResult {
  const file = `submissions/${student}/${info.className}.ts`;
  const v = verdict();
  if (v === 'CE') {
    return { problem: info.id, file, verdict: 'CE', score: 0, maxScore: 10, seed: 42, timeMs: 40, cases: [], error: { message: "';' expected", site: { file, line: 12 }, frame: '> 12 |   await this.lock.acquire()\n     |                   ^' } };
  }
  const count = int(3, 5);
  const failAt = v === 'AC' ? -1 : int(0, count - 1);
  const cases: CaseResult[] = Array.from({ length: count }, (_, i) => {
    const points = i === count - 1 ? 10 - Math.floor(10 / count) * (count - 1) : Math.floor(10 / count);
    const samples = 200;
    const runSteps = Array.from({ length: samples }, () => int(40, 400));
    const c: CaseResult = {
      name: `case ${i + 1}`,
      verdict: i === failAt ? v : 'AC',
      points: i === failAt ? 0 : points,
      maxPoints: points,
      timeMs: int(20, 2000),
      explored: { startOrders: 6, schedules: int(200, 2000), steps: int(10_000, 900_000), strategies: ['random', 'pct'], runMs: runSteps.map((s) => Math.round(s * (0.002 + rand() * 0.002) * 1000) / 1000), runSteps, busyWaiting: v === 'TLE' },
    };
    if (i === failAt) c.failure = failure(v, info.id, file);
    return c;
  });
  const score = cases.reduce((a, c) => a + c.points, 0);
  return { problem: info.id, file, verdict: v, score, maxScore: 10, seed: 42, timeMs: cases.reduce((a, c) => a + c.timeMs, 0), cases, replay: cases.find((c) => c.failure)?.failure?.replay };
}

function syntheticClass(): ClassResults {
  const students = Array.from({ length: STUDENTS }, (_, i) => {
    const name = `student-${String(i + 1).padStart(3, '0')}`;
    const results = problems.filter(() => rand() > 0.02).map((p) => problemResult(p, name));
    return { student: name, problems: results, ignored: [], score: results.reduce((a, r) => a + r.score, 0), maxScore: 10 * problems.length };
  });
  // JSON round trip: drop the undefined fields, as results.json would.
  return JSON.parse(JSON.stringify({ version: 1, generatedAt: new Date(0).toISOString(), seed: 42, problems, students, run: { durationMs: 600_000, workers: 2, judgeVersion: 'bench' } }));
}

const kb = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** First contentful paint and load of each page, LOADS fresh tabs each, medians. */
async function paint(urls: string[]): Promise<{ fcp: number; load: number; open: number | undefined }[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const out = [];
    for (const url of urls) {
      const fcp: number[] = [];
      const load: number[] = [];
      const open: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        const page = await browser.newPage();
        await page.goto(url, { waitUntil: 'load' });
        // A string, evaluated in the page: this file is compiled without the DOM's types.
        // FCP may be reported after the load event on a tiny page: wait for the entry.
        const t = (await page.evaluate(`new Promise((resolve) => new PerformanceObserver((list) => {
          const fcp = list.getEntries().find((e) => e.name === 'first-contentful-paint');
          if (fcp) resolve({ fcp: fcp.startTime, load: performance.getEntriesByType('navigation')[0].loadEventEnd });
        }).observe({ type: 'paint', buffered: true }))`)) as { fcp: number; load: number };
        fcp.push(t.fcp);
        load.push(t.load);
        // Opening one student's details: inflate its blob and draw its swimlanes.
        if (await page.locator('#grid').count()) {
          const t0 = Date.now();
          await page.locator('#grid .c:not(.v-AC):not(.none)').first().click();
          await page.locator('#panel .pr').first().waitFor();
          open.push(Date.now() - t0);
        }
        await page.close();
      }
      out.push({ fcp: median(fcp), load: median(load), open: open.length ? median(open) : undefined });
    }
    return out;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'interleave-bench-report-'));
  try {
    const t0 = performance.now();
    const results = syntheticClass();
    const t1 = performance.now();
    if (process.env.BENCH_DUMP) writeFileSync(process.env.BENCH_DUMP, JSON.stringify(results));
    const outcome = await writeReports(results, dir);
    const t2 = performance.now();
    if (outcome.failed.length) throw new Error(outcome.failed.map((f) => `${f.reporter}: ${f.error.message}`).join('; '));
    const failures = results.students.flatMap((s) => s.problems.flatMap((p) => p.cases.filter((c) => c.failure))).length;
    console.log(`class: ${STUDENTS} students × ${PROBLEMS} problems, ${failures} failing cases with traces (generated in ${(t1 - t0).toFixed(0)} ms)`);
    console.log(`render (validate + json + html + junit + csv): ${(t2 - t1).toFixed(0)} ms`);
    const sizes = Object.fromEntries(outcome.written.map((f) => [path.basename(f), statSync(f).size]));
    for (const [f, s] of Object.entries(sizes)) console.log(`  ${f.padEnd(13)} ${kb(s)}`);
    const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
    const blob = /<script id="details" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1].length ?? 0;
    console.log(`  index.html: ${kb(html.length - blob)} overview markup, CSS and JS + ${kb(blob)} gzip'd details of ${STUDENTS} students`);

    const baseline = path.join(dir, 'baseline.html');
    writeFileSync(baseline, '<!doctype html><html lang="en"><title>baseline</title><h1>Baseline</h1><p>A trivial page.</p></html>');
    let summary = `report bench: ${STUDENTS}×${PROBLEMS}, index.html ${kb(sizes['index.html'])}, render ${(t2 - t1).toFixed(0)} ms`;
    if (existsSync(CHROMIUM)) {
      const [base, report] = await paint([pathToFileURL(baseline).href, pathToFileURL(path.join(dir, 'index.html')).href]);
      console.log(`first contentful paint (median of ${LOADS}): report ${report.fcp.toFixed(0)} ms, baseline ${base.fcp.toFixed(0)} ms`);
      console.log(`load event: report ${report.load.toFixed(0)} ms, baseline ${base.load.toFixed(0)} ms; opening a failing student's details: ${report.open} ms`);
      summary += `, FCP ${report.fcp.toFixed(0)} ms vs baseline ${base.fcp.toFixed(0)} ms (+${(report.fcp - base.fcp).toFixed(0)} ms), details open in ${report.open} ms`;
    } else {
      summary += `, FCP not measured (${CHROMIUM} missing)`;
    }
    console.log(summary);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
