/**
 * Where a failure points in the submission, for annotations and Classroom's `line_no` (the judge
 * decides the line: `Failure.site`).
 */
import * as path from 'node:path';
import type { ProblemResult, SourceSite } from '../model/result';

/**
 * A judge site as a path like the submission's own (`src/FooBar.ts:12`): the judge names files by
 * their base name, and a submission's own imported files sit beside it.
 */
export function siteInSubmission(site: SourceSite, result: Pick<ProblemResult, 'file'>): SourceSite {
  const submission = result.file;
  const file = path.basename(submission) === site.file ? submission : path.join(path.dirname(submission), site.file);
  return { ...site, file };
}
