/**
 * junit.xml for CI dashboards (GitHub Classroom, Jenkins, GitLab): a `testsuite` per student, a
 * `testcase` per judged case. Valid against both common schemas: Jenkins' junit-10.xsd and
 * Ant's JUnit.xsd, which additionally wants `timestamp`, `hostname`, `id`, `package`,
 * `properties`, `system-out` and `system-err` on every suite.
 */
import * as path from 'node:path';
import type { CaseResult, ProblemResult } from '../model/result';
import { formatFailure } from './console-failure';
import { formatSite, verdictName } from './format';
import { RESULTS_VERSION, type ClassResults, type StudentResult } from '../model/class-results';
import type { ClassReporter, RunReporter } from './reporter';
import { replayCommand } from './replay';
import { style } from './terminal';
import { writeFileAtomic } from './write-file';

export const JUNIT_FILE = 'junit.xml';

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  time: number;
}

/** The whole junit.xml document. */
export function formatJunitXml(results: ClassResults): string {
  const timestamp = results.generatedAt.replace(/(\.\d+)?(Z|[+-]\d\d:?\d\d)$/, '').slice(0, 19);
  const total: Counts = { tests: 0, failures: 0, errors: 0, time: 0 };
  const suites = results.students.map((st, id) => {
    const counts: Counts = { tests: 0, failures: 0, errors: 0, time: 0 };
    const cases = st.problems.flatMap((pr) => testcases(st, pr, counts));
    for (const k of ['tests', 'failures', 'errors', 'time'] as const) total[k] += counts[k];
    return [
      `  <testsuite name="${attr(st.student)}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="0" time="${seconds(counts.time)}" timestamp="${attr(timestamp)}" hostname="interleave" id="${id}" package="${attr(st.student)}">`,
      '    <properties>',
      `      <property name="seed" value="${results.seed}"/>`,
      `      <property name="judgeVersion" value="${attr(results.run.judgeVersion)}"/>`,
      `      <property name="score" value="${st.score}/${st.maxScore}"/>`,
      ...st.ignored.map((f) => `      <property name="ignored" value="${attr(f)}"/>`),
      '    </properties>',
      ...cases,
      '    <system-out/>',
      '    <system-err/>',
      '  </testsuite>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="interleave" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" time="${seconds(total.time)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/**
 * The test cases of one problem. A file that failed before any case ran becomes one case,
 * `compile` for a compile error (`judge` otherwise). A judge error is an `error` (not the learner's fault); every other failing
 * verdict is a `failure`.
 */
function testcases(st: StudentResult, pr: ProblemResult, counts: Counts): string[] {
  const classname = `${st.student}.${pr.problem}`;
  const items: { name: string; verdict: ProblemResult['verdict']; time: number; message: string; body: string }[] = [];
  if (pr.cases.length === 0) {
    const e = pr.error;
    const body = e ? [e.message, formatSite(e.site), e.frame ?? ''].filter(Boolean).join('\n') : '';
    items.push({ name: pr.verdict === 'CE' ? 'compile' : 'judge', verdict: pr.verdict, time: pr.timeMs, message: e?.message ?? verdictName(pr.verdict), body });
  }
  for (const c of pr.cases) items.push({ name: c.name, verdict: c.verdict, time: c.timeMs, message: caseMessage(c), body: caseBody(pr, c) });
  return items.map((it) => {
    counts.tests++;
    counts.time += it.time;
    const open = `    <testcase name="${attr(it.name)}" classname="${attr(classname)}" time="${seconds(it.time)}"`;
    if (it.verdict === 'AC') return `${open}/>`;
    const tag = it.verdict === 'JE' ? 'error' : 'failure';
    counts[tag === 'error' ? 'errors' : 'failures']++;
    const message = `${it.verdict}: ${it.message}`;
    return `${open}>\n      <${tag} message="${attr(message)}" type="${it.verdict}">${text(it.body)}</${tag}>\n    </testcase>`;
  });
}

function caseMessage(c: CaseResult): string {
  return c.failure?.message ?? verdictName(c.verdict);
}

/** The same text the terminal shows for a failure, without colour and with a short trace. */
function caseBody(pr: ProblemResult, c: CaseResult): string {
  if (!c.failure) return pr.replay ? replayCommand(pr.problem, pr.file, pr.replay) : '';
  const ctx = { problem: pr.problem, file: pr.file, caseName: c.name };
  return formatFailure(c.failure, ctx, style(false), { width: 100, fullTrace: false, maxRows: 30 }).join('\n');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** XML 1.0 forbids most control characters even escaped; learner output may hold any. */
function clean(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and newlines so parsers do not fold them to spaces. */
function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/**
 * junit.xml of one judged file (`run --format junit`): one suite, named after the file, with a
 * testcase per case, as `grade` writes it for a student.
 */
export function formatRunJunitXml(result: ProblemResult, judgeVersion = 'interleave'): string {
  const student: StudentResult = { student: result.file, problems: [result], ignored: [], score: result.score, maxScore: result.maxScore };
  return formatJunitXml({
    version: RESULTS_VERSION,
    generatedAt: new Date().toISOString(),
    seed: result.seed,
    problems: [{ id: result.problem, title: result.problem, className: '', maxScore: result.maxScore }],
    students: [student],
    run: { durationMs: result.timeMs, workers: 1, judgeVersion },
  });
}

/** Writes junit.xml for a class; prints it for one run. */
export function junitReporter(): ClassReporter & RunReporter {
  return {
    name: 'junit',
    formatRun: (result) => formatRunJunitXml(result),
    async render(results: ClassResults, outDir: string): Promise<string[]> {
      const file = path.join(outDir, JUNIT_FILE);
      await writeFileAtomic(file, formatJunitXml(results));
      return [file];
    },
  };
}
