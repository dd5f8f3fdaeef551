import { allOf, defineChecker, emitsOnlyFrom, exactOutput } from 'interleave/checker';

function word(i: number): string {
  if (i % 15 === 0) return 'fizzbuzz';
  if (i % 3 === 0) return 'fizz';
  if (i % 5 === 0) return 'buzz';
  return String(i);
}

/** 1, 2, fizz, 4, buzz, …, n — each word from its own thread, numbers from `number`, nothing after n. */
export default defineChecker(
  allOf(
    exactOutput((ctx) => Array.from({ length: ctx.args.n as number }, (_, i) => word(i + 1)), ' '),
    emitsOnlyFrom((v) => (v === 'fizz' || v === 'buzz' || v === 'fizzbuzz' ? [v] : ['number'])),
  ),
);
