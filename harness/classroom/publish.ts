/**
 * Hands the grades to everyone who reads them: the step output `result` for the Classroom
 * reporter, the job summary, Gradescope's results file, and the files of `--out`. The same grades
 * go to each, so every total is the same.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { autogradingError, autogradingResult, encodeAutograding, type AutogradingResult } from './autograding';
import { setStepOutput, appendStepSummary } from './github-files';
import { gradescopeResults } from './gradescope';
import type { ProblemGrade } from './grades';
import { codeBlock } from './markdown';
import { classroomSummary } from './summary';

export interface PublishTargets {
  env: NodeJS.ProcessEnv;
  /** Where `result=…` goes when $GITHUB_OUTPUT is not set. */
  stdout: { write(s: string): unknown };
  /** `--gradescope`: the results file to write. */
  gradescope?: string;
  /** `--out`: a folder for classroom.json, summary.md and problem-results.json. */
  out?: string;
}

/** Publishes the grades; returns the Classroom payload it handed on. */
export function publishGrades(grades: readonly ProblemGrade[], seconds: number, to: PublishTargets): AutogradingResult {
  const payload = autogradingResult(grades);
  const encoded = encodeAutograding(payload);
  if (!setStepOutput('result', encoded, to.env)) to.stdout.write(`result=${encoded}\n`);
  const summary = classroomSummary(grades);
  appendStepSummary(summary, to.env);
  if (to.gradescope) writeJson(to.gradescope, gradescopeResults(grades, seconds));
  if (to.out) {
    fs.mkdirSync(to.out, { recursive: true });
    writeJson(path.join(to.out, 'classroom.json'), payload);
    fs.writeFileSync(path.join(to.out, 'summary.md'), summary);
    writeJson(path.join(to.out, 'problem-results.json'), grades.map((g) => g.result));
  }
  return payload;
}

/**
 * When grading cannot happen at all (a mistake in the workflow's command): an `error` payload and a
 * zero Gradescope result carrying `message`, so readers see why instead of a missing output.
 */
export function publishFailure(message: string, to: PublishTargets): void {
  if (to.env.GITHUB_OUTPUT) setStepOutput('result', encodeAutograding(autogradingError(message)), to.env);
  // The message may name learner files: in a code block, nothing in it renders.
  appendStepSummary(`## Interleave could not grade\n\n${codeBlock(message, 'text')}\n`, to.env);
  if (to.gradescope) writeJson(to.gradescope, { score: 0, output: `Interleave could not grade: ${message}`, tests: [] });
}

function writeJson(file: string, data: unknown): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}
