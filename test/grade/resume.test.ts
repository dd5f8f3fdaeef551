/**
 * A grader killed with kill -9 mid-batch resumes from its journal: the same command judges only
 * what was not finished, and results.json holds every job exactly once.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ClassResults } from '../../harness/model/class-results';
import { classCopy, finished, grade, startGrade } from './cli';

const MODELS = { alice: 'AC', bob: 'AC', carol: 'WA', dave: 'DL' } as const;
const STUDENTS = Array.from({ length: 12 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`);
const modelOf = (i: number) => Object.keys(MODELS)[i % 4] as keyof typeof MODELS;
const ARGS = ['class', '--out', 'out', '--workers', '1'];

function journalLines(root: string): string[] {
  const file = path.join(root, 'out', '.journal.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

function readResults(root: string): ClassResults {
  return JSON.parse(readFileSync(path.join(root, 'out', 'results.json'), 'utf8')) as ClassResults;
}

/** Child processes of `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** A process's command line, or '' once it has ended (a short-lived child may go between two reads). */
function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

const alive = (pid: number) => existsSync(`/proc/${pid}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a batch killed with kill -9 resumes', () => {
  const work = classCopy('class');
  const root = work.root;

  beforeAll(() => {
    // Twelve students, each a copy of a correct or buggy student of the containment class.
    const models = path.join(root, 'models');
    const dir = path.join(root, 'class');
    renameSync(dir, models);
    STUDENTS.forEach((s, i) => {
      mkdirSync(path.join(dir, s), { recursive: true });
      const model = path.join(models, modelOf(i));
      const file = readdirSync(model)[0];
      cpSync(path.join(model, file), path.join(dir, s, file));
    });
  });
  afterAll(() => work.cleanup());

  test('killed mid-batch, its workers go too, and the same command finishes the rest once', async () => {
    const child = startGrade(ARGS, root);
    const done = finished(child);
    while (journalLines(root).length < 3) {
      if (child.exitCode !== null) throw new Error('the grader finished before it could be killed');
      await sleep(10);
    }
    const workers = childrenOf(child.pid!);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const before = journalLines(root).length;
    expect(before).toBeGreaterThanOrEqual(3);
    expect(before).toBeLessThan(STUDENTS.length);
    for (let i = 0; i < 100 && workers.some(alive); i++) await sleep(30);
    expect(workers.filter(alive)).toEqual([]);

    // A kill in the middle of a write leaves a torn line: it must be ignored.
    appendFileSync(path.join(root, 'out', '.journal.jsonl'), '{"key":"0123","student":"s0');

    const resumed = await grade(ARGS, root);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`resumed: ${before} job(s) taken from the journal`);
    const results = readResults(root);
    expect(results.students.map((s) => s.student)).toEqual(STUDENTS);
    results.students.forEach((s, i) => {
      expect(s.problems.map((p) => [p.problem, p.verdict])).toEqual([['print-in-order', MODELS[modelOf(i)]]]);
    });
    const lines = journalLines(root);
    expect(lines).toHaveLength(STUDENTS.length);
    const keys = lines.map((l) => (JSON.parse(l) as { key: string }).key);
    expect(new Set(keys).size).toBe(STUDENTS.length);
  }, 120_000);

  test('run again unchanged, it judges nothing and writes the same results', async () => {
    const again = await grade(ARGS, root);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`resumed: ${STUDENTS.length} job(s)`);
    expect(readResults(root).students.map((s) => s.problems[0].verdict)).toEqual(STUDENTS.map((_, i) => MODELS[modelOf(i)]));
    expect(journalLines(root)).toHaveLength(STUDENTS.length);
  }, 60_000);

  test('a changed file is judged again; the others are kept', async () => {
    const file = path.join(root, 'class', 's03', 'Foo.ts');
    writeFileSync(file, readFileSync(path.join(root, 'models', 'alice', 'Foo.ts')));
    const again = await grade(ARGS, root);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`resumed: ${STUDENTS.length - 1} job(s)`);
    expect(readResults(root).students[2].problems[0].verdict).toBe('AC');
  }, 60_000);

  test('--fresh starts over', async () => {
    const fresh = await grade([...ARGS, '--fresh'], root);
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).not.toContain('resumed:');
    expect(journalLines(root)).toHaveLength(STUDENTS.length);
  }, 120_000);
});

/** CPU ticks (user + system) a process has used, from /proc. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Waits until `pid` burns a CPU nearly all the time: it is in the learner's endless loop. */
async function spinning(pid: number): Promise<void> {
  for (let tries = 0; tries < 60; tries++) {
    const before = cpuTicks(pid);
    await sleep(500);
    if (cpuTicks(pid) - before >= 35) return; // ≥ 70% of 50 ticks (100 Hz)
  }
  throw new Error(`worker ${pid} never started spinning`);
}

describe('a worker left spinning by a grader killed with kill -9', () => {
  const work = classCopy('class');
  const root = work.root;

  beforeAll(() => {
    // Just a student that spins forever (with others, which job runs first is not fixed).
    for (const name of readdirSync(path.join(root, 'class'))) {
      if (name !== 'regex-bomb') rmSync(path.join(root, 'class', name), { recursive: true });
    }
  });
  afterAll(() => work.cleanup());

  test('is stopped by the next grader on the same output folder', async () => {
    const args = ['class', '--out', 'out', '--workers', '1', '--job-timeout', '60'];
    const child = startGrade(args, root);
    const done = finished(child);
    let worker: number | undefined;
    while (worker === undefined) {
      await sleep(50);
      [worker] = childrenOf(child.pid!).filter((pid) => commandOf(pid).includes('tinypool'));
    }
    await spinning(worker); // the endless job has started (on a loaded machine that takes a while)
    child.kill('SIGKILL');
    await done;
    await sleep(300);
    expect(alive(worker)).toBe(true); // spinning, it cannot notice that its grader died

    const next = await grade([...args.slice(0, -1), '3'], root);
    expect(next.stderr).toContain('stopped 1 worker(s) a killed grader had left running');
    expect(alive(worker)).toBe(false);
    expect(next.code).toBe(0);
  }, 120_000);
});
