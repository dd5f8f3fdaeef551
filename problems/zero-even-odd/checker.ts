import { allOf, defineChecker, emitsOnlyFrom, exactOutput } from 'interleave/checker';

/** 0 1 0 2 … 0 n; zero prints only 0s, even only even numbers, odd only odd ones. */
export default defineChecker(
  allOf(
    exactOutput((ctx) => {
      const out: string[] = [];
      for (let i = 1; i <= (ctx.args.n as number); i++) out.push('0', String(i));
      return out;
    }),
    emitsOnlyFrom((v) => (v === '0' ? ['zero'] : Number(v) % 2 === 0 ? ['even'] : ['odd'])),
  ),
);
