/**
 * `npx interleave classroom [<file>…] [--problems id,…] [--out dir] [--gradescope path] [--seed N]`:
 * grades an assignment repository for GitHub Classroom (or Gradescope). Judges each solution file
 * in the sandbox, prints the verdicts (inside a stop-commands block on GitHub Actions, so learner
 * output cannot issue workflow commands), annotates the learner's lines, and publishes one grade
 * per case: the step output `result`, the job summary, and Gradescope's results file.
 *
 * Exit status: 0 when grading completed (pass or fail is in the result), 1 when an output could
 * not be written, 2 for a mistake in the command. Each writes a well-formed result for the
 * reporter. The outputs are reporters (classroom/reporters.ts).
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { listProblems, loadProblem, ProblemError } from '../judge/index';
import { judgeAll } from '../classroom/judge-all';
import { planGrading, PlanError } from '../classroom/plan';
import { publishFailure } from '../classroom/publish';
import { classroomReporters, learnerClass } from '../classroom/reporters';
import { problemInfo } from '../judge/problems';
import { packageRoot } from '../paths';
import { describeFailures, publishReports } from '../report/reporter';
import { setReplayRunner } from '../report/replay';
import { EXIT_USAGE, UsageError, intFlag, nonEmpty, parse, useColor } from './args';
import * as fs from 'node:fs';

export const CLASSROOM_USAGE = `usage: npx interleave classroom [<file>…] [options]

Grades an assignment repository: judges each solution file (by default every file under this
folder named after a problem's class, FooBar.ts, outside node_modules and dot folders), prints
the verdicts and the points, and hands the grades on:
  - the GitHub Classroom autograding result (base64 JSON) as the step output "result"
    ($GITHUB_OUTPUT), or printed as "result=…" outside GitHub Actions
  - a Markdown summary ($GITHUB_STEP_SUMMARY) and error annotations at your lines

options:
  --problems ID,…     grade these problems; one whose file is missing scores 0 (use it in workflows)
  --gradescope PATH   write Gradescope's results file (on Gradescope: /autograder/results/results.json)
  --out DIR           also write classroom.json, summary.md and problem-results.json into DIR
  --seed N            the seed of the exploration (default 1): same files + same seed = same grades

Exit status 0 when grading completed (pass or fail is in the result), 1 when one of its outputs
could not be written (the others still are), 2 for a mistake in the command.`;

/** Where the command reads and writes; tests pass their own. */
export interface ClassroomIO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const DEFAULT_IO = (): ClassroomIO => ({ stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });

/** Runs the command; resolves to the exit status. */
export async function classroomCommand(argv: string[], io: ClassroomIO = DEFAULT_IO()): Promise<number> {
  const began = performance.now();
  // Replays are for the learner's own checkout of the assignment, whose package.json installs the
  // judge under the name `interleave` (the template's alias): there `npx interleave` is the command.
  setReplayRunner('npx interleave');
  let gradescope: string | undefined;
  let out: string | undefined;
  try {
    const { values, positionals } = parse(argv, {
      problems: { type: 'string' },
      out: { type: 'string' },
      gradescope: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      io.stdout.write(`${CLASSROOM_USAGE}\n`);
      return 0;
    }
    gradescope = resolved(io.cwd, nonEmpty('gradescope', values.gradescope, 'a path'));
    out = resolved(io.cwd, nonEmpty('out', values.out, 'a path'));
    const seed = intFlag('seed', values.seed);
    const problems = values.problems?.split(',').map((p) => p.trim()).filter(Boolean);
    if (problems?.length === 0) throw new UsageError('--problems needs at least one problem id, such as --problems foobar');
    const known = listProblems().map((p) => ({ id: p.id, className: p.className }));
    const plan = planGrading({ cwd: io.cwd, files: positionals, problems, known });

    const results = await judgeAll(plan.jobs, { seed });
    const specs = plan.jobs.map((j) => loadProblem(j.problemId).spec);
    const learner = learnerClass(results, specs.map(problemInfo), performance.now() - began, judgeVersion());
    const reporters = classroomReporters({
      env: io.env,
      stdout: io.stdout,
      cwd: io.cwd,
      color: io.stdout.isTTY === true && useColor(io.stdout as NodeJS.WriteStream),
      notes: plan.notes,
      gradescope,
      out,
      casesOf: (id) => loadProblem(id).spec.cases,
    });
    const outcome = await publishReports(learner, reporters);
    if (outcome.failed.length) {
      io.stderr.write(`interleave classroom: ${describeFailures(outcome.failed)}\n`);
      return 1;
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof PlanError || e instanceof ProblemError) {
      publishFailure(e.message, { env: io.env, stdout: io.stdout, gradescope });
      io.stderr.write(`interleave classroom: ${e.message}\n\n${CLASSROOM_USAGE}\n`);
      return EXIT_USAGE;
    }
    // The judge's own fault: still leave a well-formed result saying so, then let main report it.
    publishFailure(`the judge failed: ${(e as Error).message}. This is not the submission's fault; please report it.`, { env: io.env, stdout: io.stdout, gradescope });
    throw e;
  }
}

function resolved(cwd: string, file: string | undefined): string | undefined {
  return file === undefined ? undefined : path.resolve(cwd, file);
}

/** `interleave <version>`, as results.json names the judge. */
function judgeVersion(): string {
  return `interleave ${(JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version}`;
}
