import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { jobKey, submissionHash } from '../../harness/pool/batch/job-key';
import { Journal, type JournalEntry } from '../../harness/pool/batch/journal';
import type { ProblemResult } from '../../harness/model/result';

let dir = '';
let file = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'interleave-journal-'));
  file = path.join(dir, '.journal.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function entry(key: string, verdict: ProblemResult['verdict'] = 'AC'): JournalEntry {
  const result: ProblemResult = { problem: 'p', file: 'a/Foo.ts', verdict, score: 0, maxScore: 1, seed: 1, timeMs: 1, cases: [] };
  return { key, student: 'a', problem: 'p', file: 'a/Foo.ts', result };
}

describe('the journal', () => {
  test('keeps every appended job across reopening', () => {
    const j = Journal.open(file, { fresh: false });
    j.append(entry('k1'));
    j.append(entry('k2', 'WA'));
    j.close();
    const again = Journal.open(file, { fresh: false });
    expect(again.size).toBe(2);
    expect(again.get('k2')?.result.verdict).toBe('WA');
    again.close();
  });

  test('ignores a torn last line and cuts it, so the next entry starts a line of its own', () => {
    const j = Journal.open(file, { fresh: false });
    j.append(entry('k1'));
    j.close();
    appendFileSync(file, '{"key":"k2","stud');
    const again = Journal.open(file, { fresh: false });
    expect(again.size).toBe(1);
    again.append(entry('k3'));
    again.close();
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).key)).toEqual(['k1', 'k3']);
  });

  test('fresh starts empty', () => {
    const j = Journal.open(file, { fresh: false });
    j.append(entry('k1'));
    j.close();
    const fresh = Journal.open(file, { fresh: true });
    expect(fresh.size).toBe(0);
    fresh.close();
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});

describe('a job key', () => {
  const id = { student: 'a', problemId: 'p', contentHash: 'h', seed: 1, settings: 's' };
  test('changes with the student, the problem, the content, the seed and the settings', () => {
    const keys = [id, { ...id, student: 'b' }, { ...id, problemId: 'q' }, { ...id, contentHash: 'g' }, { ...id, seed: 2 }, { ...id, settings: 't' }].map(jobKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(jobKey({ ...id })).toBe(keys[0]);
  });
});

describe('the hash of a submission', () => {
  test('covers the helper files it may import, and links as links', () => {
    mkdirSync(path.join(dir, 'alice', 'lib'), { recursive: true });
    const file = path.join(dir, 'alice', 'Foo.ts');
    writeFileSync(file, 'export class Foo {}');
    const h0 = submissionHash(file);
    writeFileSync(path.join(dir, 'alice', 'lib', 'helper.ts'), 'export const x = 1;');
    const h1 = submissionHash(file);
    writeFileSync(path.join(dir, 'alice', 'notes.md'), 'not code');
    expect(submissionHash(file)).toBe(h1);
    symlinkSync('/etc/hostname', path.join(dir, 'alice', 'peer.ts'));
    const h2 = submissionHash(file);
    expect(new Set([h0, h1, h2]).size).toBe(3);
  });
});
