/** Judging Python files in-process for the tests (the Python process is the sandbox). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { judgeSubmission, type JudgeOptions } from '../../harness/judge/judge';
import { loadProblem } from '../../harness/judge/problems';
import type { ProblemResult } from '../../harness/model/result';

export const ROOT = path.resolve(__dirname, '../..');

export function solution(problem: string, rel: string): string {
  return path.join(ROOT, 'problems', problem, 'solutions', rel);
}

export function judgePy(problem: string, file: string, opts: JudgeOptions = {}): Promise<ProblemResult> {
  return judgeSubmission(loadProblem(problem), file, opts);
}

/** Writes `source` as `<name>` in a fresh folder and judges it. */
export async function judgeSource(problem: string, name: string, source: string, opts: JudgeOptions = {}): Promise<ProblemResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-pytest-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  try {
    return await judgePy(problem, file, opts);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function firstFailure(r: ProblemResult) {
  return r.cases.find((c) => c.failure)?.failure;
}

/**
 * A correct print-in-order `Foo` (two Events) whose `first` runs `first` (indented lines of Python)
 * before it prints, under `imports`.
 */
export function orderedFoo(first: string, imports = 'import threading'): string {
  return `${imports}


class Foo:
    def __init__(self):
        self.done = [threading.Event(), threading.Event()]

    def first(self, printFirst):
${first}
        printFirst()
        self.done[0].set()

    def second(self, printSecond):
        self.done[0].wait()
        printSecond()
        self.done[1].set()

    def third(self, printThird):
        self.done[1].wait()
        printThird()
`;
}
