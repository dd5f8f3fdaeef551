/**
 * Grading for classrooms: GitHub Classroom's autograding payload, Gradescope's results file, the
 * job summary and annotations, all built from one grade per case.
 */
export { planGrading, PlanError, type Plan, type PlannedJob } from './plan';
export { judgeAll, type JudgeAllOptions } from './judge-all';
export { gradeProblem, totals, type CaseGrade, type ProblemGrade, type CaseStatus } from './grades';
export { autogradingResult, autogradingError, encodeAutograding, decodeAutograding, PAYLOAD_LIMIT, type AutogradingResult, type AutogradingTest } from './autograding';
export { gradescopeResults, type GradescopeResults, type GradescopeTest } from './gradescope';
export { classroomSummary, SUMMARY_LIMIT } from './summary';
export { failureAnnotations, formatAnnotation, MAX_ANNOTATIONS, type Annotation } from './annotations';
export { escapeData, escapeProperty, stopCommands, stopToken, workflowCommand } from '../report/workflow-commands';
export { caseReport } from './case-report';
