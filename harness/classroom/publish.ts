/**
 * When `classroom` cannot grade at all, every reader still gets a well-formed answer saying why.
 * (The grades themselves are published by the reporters in reporters.ts.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { autogradingError, encodeAutograding } from './autograding';
import { setStepOutput, appendStepSummary } from './github-files';
import { codeBlock } from './markdown';

export interface PublishTargets {
  env: NodeJS.ProcessEnv;
  /** Where `result=…` goes when $GITHUB_OUTPUT is not set. */
  stdout: { write(s: string): unknown };
  /** `--gradescope`: the results file to write. */
  gradescope?: string;
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
