/** Finding files that ship beside the code rather than inside dist/ (the report templates). */
import * as path from 'node:path';
import { packageRoot } from '../paths';

/** tsc copies only .js into dist/, so templates are read from the source tree. */
export function templatesDir(): string {
  return path.join(packageRoot(), 'harness', 'report', 'templates');
}
