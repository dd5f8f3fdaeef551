import { defineChecker, exactOutput } from 'interleave/checker';

/** "foo" then "bar", n times; each word from its own thread (callback affinity is the judge's). */
export default defineChecker(exactOutput((ctx) => Array.from({ length: 2 * (ctx.args.n as number) }, (_, i) => (i % 2 === 0 ? 'foo' : 'bar'))));
