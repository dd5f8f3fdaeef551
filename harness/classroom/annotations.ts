/**
 * Error annotations for GitHub: one at the learner's line for each failure, so the pull request
 * or commit shows the verdict where the code is. A failure of the whole problem (compile error,
 * timeout, missing file) is annotated once, not once per case.
 */
import type { ProblemGrade } from './grades';
import { workflowCommand } from '../report/workflow-commands';

export interface Annotation {
  /** Path relative to the repository root. */
  file?: string;
  line?: number;
  title: string;
  message: string;
}

/** GitHub shows at most 10 error annotations per step. */
export const MAX_ANNOTATIONS = 10;

/**
 * The annotations for the failures in `grades`, in order (print the first MAX_ANNOTATIONS).
 * `repoPath` turns a path as the grades name it into one relative to the repository root.
 */
export function failureAnnotations(grades: readonly ProblemGrade[], opts: { repoPath?: (file: string) => string } = {}): Annotation[] {
  const repoPath = opts.repoPath ?? ((f: string) => f);
  const out: Annotation[] = [];
  for (const g of grades) {
    let problemDone = false;
    for (const c of g.cases) {
      if (c.status === 'pass') continue;
      if (c.problemLevel) {
        if (problemDone) continue;
        problemDone = true;
      }
      const where = c.problemLevel ? '' : ` in case ${c.name}`;
      out.push({
        file: repoPath(c.site?.file ?? g.file),
        line: c.site?.line,
        title: `${g.problem}: ${c.verdict}${where}`,
        message: `${c.summary}\n${c.command}`,
      });
    }
  }
  return out;
}

/** `::error file=…,line=…,title=…::message`, escaped. */
export function formatAnnotation(a: Annotation): string {
  return workflowCommand('error', { file: a.file, line: a.line, title: a.title }, a.message);
}
