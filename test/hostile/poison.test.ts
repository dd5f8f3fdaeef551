/**
 * "No job touches another" (DESIGN.md 2d, issue 9 item 2). Poisoning submissions (each correct,
 * and AC itself) patch every shared thing they can reach; the correct solutions judged AFTER them
 * in the SAME sandbox worker must get exactly the verdicts they get in a fresh worker. Then one
 * small class with a poisoner is graded by the real CLI three ways (--workers 1, --workers 2, and
 * the students in reverse order), which must give identical results.json verdicts, scores and
 * replay tokens.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ProblemResult } from '../../harness/model/result';
import { DIST, ROOT, childCall, fixture, nodeJson, type Summary } from './support';

interface Job {
  key: string;
  student: string;
  problemId: string;
  file: string;
  displayName: string;
  maxScore: number;
}

function job(key: string, problemId: string, file: string): Job {
  return { key, student: '', problemId, file, displayName: path.basename(file), maxScore: 100 };
}

/** The shipped accepted solutions of a problem. */
function accepted(problemId: string): Job[] {
  const dir = path.join(ROOT, 'problems', problemId, 'solutions', 'accepted');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => job(`${problemId}/accepted/${f}`, problemId, path.join(dir, f)));
}

const POISONERS: Job[] = [
  job('poison_scheduler', 'foobar', fixture('foobar', 'poison_scheduler')),
  job('poison_globals', 'print-in-order', fixture('print-in-order', 'poison_globals')),
];

/** Correct on their own; each reads something a poisoner may have left (the clock, marks, timer ids). */
const SENSITIVE: Job[] = [
  job('victim_clock', 'foobar', fixture('foobar', 'victim_clock')),
  job('observer_marker', 'foobar', fixture('foobar', 'observer_marker')),
  job('observer_timer_id', 'foobar', fixture('foobar', 'observer_timer_id')),
];

const VICTIMS: Job[] = [...accepted('foobar'), ...accepted('print-in-order'), ...SENSITIVE];

describe('a poisoning job changes no later job in the same worker', () => {
  let fresh: Record<string, Summary>;
  let shared: Record<string, Summary>;
  let pids: number[];

  beforeAll(async () => {
    const limits = { memoryMb: 256, wallMs: 120_000 };
    const out = await nodeJson<{ fresh: Record<string, Summary>; shared: Record<string, Summary>; pids: number[]; crash?: string }>(
      childCall({ dist: DIST, limits, fresh: VICTIMS, shared: [...POISONERS, ...VICTIMS] }),
      1_500_000,
    );
    if (out.crash) throw new Error(out.crash);
    ({ fresh, shared, pids } = out);
  }, 1_600_000);

  test('every job ran in one and the same worker', () => {
    expect(pids).toHaveLength(1);
  });

  test.each(POISONERS.map((p) => [p.key]))('the poisoner %s is a correct solution: AC', (key) => {
    expect({ key, verdict: shared[key]?.verdict, score: shared[key]?.score }).toEqual({ key, verdict: 'AC', score: 100 });
  });

  test.each(VICTIMS.map((v) => [v.key]))('%s: the same verdict, score and token after the poisoners as in a fresh worker', (key) => {
    expect(fresh[key]).toBeDefined();
    expect({ key, ...shared[key] }).toEqual({ key, ...fresh[key] });
  });

  test('judged fresh, every victim is AC (the comparison above is against correct runs)', () => {
    const notAC = Object.entries(fresh).filter(([, s]) => s.verdict !== 'AC').map(([k, s]) => `${k}: ${s.verdict}`);
    expect(notAC).toEqual([]);
  });
});

describe('memory a job leaves in the worker does not shrink the next job\'s heap', () => {
  test('a job that fills the Symbol.for registry before failing changes nothing for the next in that worker', async () => {
    const leaker = job('leak_symbol_registry', 'foobar', fixture('foobar', 'leak_symbol_registry'));
    const victim = job('victim_heap', 'foobar', fixture('foobar', 'victim_heap'));
    const out = await nodeJson<{ fresh: Record<string, Summary>; shared: Record<string, Summary>; crash?: string }>(
      childCall({ dist: DIST, limits: { memoryMb: 256, wallMs: 60_000 }, fresh: [victim], shared: [leaker, victim] }),
      300_000,
    );
    if (out.crash) throw new Error(out.crash);
    expect(out.shared.leak_symbol_registry.verdict).toBe('RTE');
    expect(out.fresh.victim_heap.verdict).toBe('RTE');
    expect(out.shared.victim_heap).toEqual(out.fresh.victim_heap);
  }, 320_000);
});

// ----- grading a class three ways ---------------------------------------------------------------

/** Students of the class: folder name (without order prefix) → [class file name, source file]. */
const CLASS: Record<string, [string, string]> = {
  poisoner: ['FooBar.ts', fixture('foobar', 'poison_scheduler')],
  marker: ['Foo.ts', fixture('print-in-order', 'poison_globals')],
  alice: ['FooBar.ts', path.join(ROOT, 'problems', 'foobar', 'solutions', 'accepted', 'semaphores.ts')],
  bob: ['Foo.ts', path.join(ROOT, 'problems', 'print-in-order', 'solutions', 'accepted', 'semaphores.ts')],
  carol: ['FooBar.ts', fixture('foobar', 'victim_clock')],
  dave: ['FooBar.ts', fixture('foobar', 'observer_marker')],
  erin: ['FooBar.ts', fixture('foobar', 'observer_timer_id')],
  frank: ['FooBar.ts', path.join(ROOT, 'problems', 'foobar', 'solutions', 'wrong_answer', 'no_sync.ts')],
};

/** A class folder whose discovery order puts the poisoners first (or last, `reverse`). */
function makeClass(root: string, reverse: boolean): string {
  const dir = path.join(root, 'class');
  const names = Object.keys(CLASS);
  names.forEach((name, i) => {
    const rank = reverse ? names.length - i : i + 1;
    const folder = path.join(dir, `${String(rank).padStart(2, '0')}-${name}`);
    mkdirSync(folder, { recursive: true });
    cpSync(CLASS[name][1], path.join(folder, CLASS[name][0]));
  });
  return dir;
}

function runGrade(cwd: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'interleave.js'), 'grade', ...args], {
      cwd,
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

type Verdicts = Record<string, Array<{ problem: string; verdict: string; score: number; replay?: string; cases: string[] }>>;

/** results.json without timings, keyed by the student's name without its order prefix. */
function verdictsOf(file: string): Verdicts {
  const results = JSON.parse(readFileSync(file, 'utf8')) as { students: Array<{ student: string; problems: ProblemResult[] }> };
  const out: Verdicts = {};
  for (const s of results.students) {
    out[s.student.replace(/^\d\d-/, '')] = s.problems.map((p) => ({
      problem: p.problem,
      verdict: p.verdict,
      score: p.score,
      ...(p.replay !== undefined ? { replay: p.replay } : {}),
      cases: p.cases.map((c) => `${c.verdict} ${c.points}`),
    }));
  }
  return out;
}

describe('grading a class with a poisoner: the same results.json every way', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'interleave-hostile-grade-'));
  const runs: Record<string, Verdicts> = {};

  beforeAll(async () => {
    const ways: Array<[string, boolean, string]> = [
      ['workers 1', false, '1'],
      ['workers 2', false, '2'],
      ['reversed, workers 1', true, '1'],
    ];
    for (const [way, reverse, workers] of ways) {
      const cwd = path.join(root, way.replace(/\W+/g, '-'));
      makeClass(cwd, reverse);
      const r = await runGrade(cwd, ['class', '--out', 'out', '--workers', workers, '--problems', 'foobar,print-in-order']);
      if (r.code !== 0) throw new Error(`grade (${way}) exited ${r.code}: ${r.stderr.slice(-3000)}`);
      runs[way] = verdictsOf(path.join(cwd, 'out', 'results.json'));
    }
  }, 1_200_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('every student is graded', () => {
    expect(Object.keys(runs['workers 1']).sort()).toEqual(Object.keys(CLASS).sort());
  });

  test('--workers 2 gives the verdicts, scores and tokens of --workers 1', () => {
    expect(runs['workers 2']).toEqual(runs['workers 1']);
  });

  test('the students in reverse order give the verdicts, scores and tokens of the forward order', () => {
    expect(runs['reversed, workers 1']).toEqual(runs['workers 1']);
  });

  test('the correct students are AC whatever the poisoners did', () => {
    for (const way of Object.keys(runs)) {
      const wrong = ['poisoner', 'marker', 'alice', 'bob', 'carol', 'dave', 'erin']
        .filter((s) => runs[way][s]?.[0]?.verdict !== 'AC')
        .map((s) => `${s}: ${runs[way][s]?.[0]?.verdict}`);
      expect({ way, wrong }).toEqual({ way, wrong: [] });
    }
  });
});
