import { defineChecker } from '../../harness/judge/checker';
import { exactOutput } from '../../harness/judge/checks';

/** first, second, third — whatever order the threads start in. */
export default defineChecker(exactOutput(() => ['first', 'second', 'third']));
