import { defineChecker, exactOutput } from 'interleave/checker';

/** first, second, third — whatever order the threads start in. */
export default defineChecker(exactOutput(() => ['first', 'second', 'third']));
