/**
 * The reports of a graded class. Everything here reads the results model
 * (harness/report/model.ts, harness/model/result.ts) and nothing else.
 */
export type { ClassResults, ProblemInfo, StudentResult } from '../model/class-results';
export { validateResults, validateProblemResult, ResultsValidationError, type ResultsProblem } from '../model/validate';
export { writeReports, describeFailures, type Reporter, type ReportOutcome, type ReporterFailure } from './reporter';
export { defaultReporters } from './reporters';
export { formatRunResult, formatClassSummary, type RunFormatOptions } from './console';
export { htmlReporter, renderHtml, HTML_FILE } from './html';
export { junitReporter, formatJunitXml, JUNIT_FILE } from './junit';
export { csvReporter, formatGradesCsv, GRADES_FILE } from './csv';
export { jsonReporter, RESULTS_FILE } from './json';
export { replayCommand } from './replay';
