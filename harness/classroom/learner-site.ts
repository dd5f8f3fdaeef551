/**
 * Which line of the learner's code a failure points at, for annotations and Classroom's
 * `line_no`: where a deadlocked thread waits, where an exception was thrown, or the last step the
 * trace places in the learner's code.
 */
import * as path from 'node:path';
import type { Failure, ProblemResult, SourceSite } from '../judge/result';

/** The learner's line a failing run points at, as the judge names it (file base name). */
export function failureSite(f: Failure): SourceSite | undefined {
  if (f.verdict === 'DL') {
    const blocked = f.blocked?.find((b) => b.site);
    if (blocked?.site) return blocked.site;
  }
  const thrown = f.stack?.match(/\(([^()\s]+):(\d+):(\d+)\)/);
  if (thrown) return { file: thrown[1], line: Number(thrown[2]), column: Number(thrown[3]) };
  for (let i = f.trace.length - 1; i >= 0; i--) {
    const site = f.trace[i].site;
    if (site) return site;
  }
  return undefined;
}

/**
 * A judge site as a path like the submission's own (`src/FooBar.ts:12`): the judge names files by
 * their base name, and a submission's own imported files sit beside it.
 */
export function siteInSubmission(site: SourceSite, result: Pick<ProblemResult, 'file'>): SourceSite {
  const submission = result.file;
  const file = path.basename(submission) === site.file ? submission : path.join(path.dirname(submission), site.file);
  return { ...site, file };
}
