/**
 * GitHub Classroom's autograding result: the JSON that `classroom-resources/autograding-grading-reporter`
 * reads (base64, from the env var `<STEP-ID>_RESULTS`) and whose test `score`s it sums into
 * "Points X/Y". One test per case of each problem, so partial credit shows case by case.
 */
import type { CaseStatus, ProblemGrade } from './grades';
import { cutEnd, cutMiddle, utf8Bytes } from './cut';

export interface AutogradingTest {
  name: string;
  status: CaseStatus;
  score: number;
  max_score: number;
  message: string;
  test_code: string;
  filename: string;
  line_no: number;
  /** Milliseconds. */
  duration: number;
}

export interface AutogradingResult {
  version: 1;
  status: CaseStatus;
  max_score: number;
  tests: AutogradingTest[];
}

/**
 * The most base64 the payload may take. A step output may hold 1 MB, but the reporter receives the
 * payload as an environment variable, and Linux refuses to start a process with a single
 * environment string above 128 KiB (MAX_ARG_STRLEN): half of that leaves room to spare.
 */
export const PAYLOAD_LIMIT = 64 * 1024;

/** How long a message may be before the payload needs cutting; halved until the payload fits. */
const FIRST_MESSAGE_CAP = 4000;
const LAST_MESSAGE_CAP = 60;

/** The payload for `grades`, its messages cut until its base64 fits in `limit` characters. */
export function autogradingResult(grades: readonly ProblemGrade[], limit = PAYLOAD_LIMIT): AutogradingResult {
  const texts = grades.map((g) => g.cases.map((c) => cutMiddle(c.details ? `${c.summary}\n\n${c.details}` : c.summary, FIRST_MESSAGE_CAP)));
  for (let cap = FIRST_MESSAGE_CAP; ; cap = Math.floor(cap / 2)) {
    const result = build(grades, texts, cap);
    if (base64Length(result) <= limit || cap < LAST_MESSAGE_CAP) return result;
  }
}

function build(grades: readonly ProblemGrade[], texts: string[][], cap: number): AutogradingResult {
  const tests = grades.flatMap((g, i) =>
    g.cases.map((c, j): AutogradingTest => {
      const text = texts[i][j];
      return {
        name: `${g.problem} › ${c.name}`,
        status: c.status,
        score: c.points,
        max_score: c.maxPoints,
        message: defuse(cutMiddle(text, cap)),
        test_code: defuse(cutEnd(c.command, Math.max(cap, 400))),
        filename: cutEnd(c.site?.file ?? g.file, 400),
        line_no: c.site?.line ?? 0,
        duration: c.durationMs,
      };
    }),
  );
  return {
    version: 1,
    status: tests.length === 0 || tests.some((t) => t.status === 'error') ? 'error' : tests.some((t) => t.status === 'fail') ? 'fail' : 'pass',
    max_score: tests.reduce((a, t) => a + t.max_score, 0),
    tests,
  };
}

/**
 * A payload that says grading could not happen (a mistake in the workflow's command, say): status
 * `error`, so the reporter fails the run with the reason instead of choking on a missing output.
 */
export function autogradingError(message: string): AutogradingResult {
  const test: AutogradingTest = {
    name: 'interleave',
    status: 'error',
    score: 0,
    max_score: 0,
    message: defuse(cutMiddle(message, FIRST_MESSAGE_CAP)),
    test_code: 'npx interleave classroom',
    filename: '',
    line_no: 0,
    duration: 0,
  };
  return { version: 1, status: 'error', max_score: 0, tests: [test] };
}

/** base64 of the JSON, as the step output `result` carries it. */
export function encodeAutograding(result: AutogradingResult): string {
  return Buffer.from(JSON.stringify(result), 'utf8').toString('base64');
}

/** The payload back from its base64 (what the reporter does). */
export function decodeAutograding(encoded: string): AutogradingResult {
  return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as AutogradingResult;
}

function base64Length(result: AutogradingResult): number {
  return Math.ceil(utf8Bytes(JSON.stringify(result)) / 3) * 4;
}

/**
 * The reporter prints messages and test code to its log, where a line starting with `::` would
 * be a workflow command: a zero-width space between the colons keeps learner text from issuing one.
 */
function defuse(text: string): string {
  return text.replace(/::/g, ':\u200b:');
}
