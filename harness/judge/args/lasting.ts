/**
 * `{ "lasting": "eat", "ms": "mealMs" }`: a function owned by the calling thread that takes
 * virtual time: it records `eat` when called and returns a promise that resolves `ms` later,
 * recording `eat-done` when the thread takes it (dining-philosophers' meal). A learner who does
 * not await it goes on while the meal lasts.
 */
import { Blocking } from '../../sync/op';
import { resolveCount, type Count } from '../problem';
import { argKind } from './kind';
import { handToLearner, ownedFunction } from './owned';

export const lasting = argKind<{ lasting: string; ms: Count }>({
  key: 'lasting',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['lasting', 'ms'],
    properties: { lasting: { type: 'string' }, ms: { $ref: '#/$defs/count' } },
  },
  signature: (s) => s.lasting,
  make: (s, c) => {
    const ms = resolveCount(s.ms, c.args, `"${s.lasting}" ms`);
    const { rt, me, run } = c;
    return ownedFunction(c, s.lasting, () => {
      const timer = rt.clock.after(ms);
      const wait = new Blocking<void>(rt, `${s.lasting}() (${ms} ms)`, {
        canGo: () => rt.clock.now >= timer.time,
        go: () => {
          run.emit(me, `${s.lasting}-done`, `${s.lasting}-done`);
          return undefined;
        },
      });
      return { value: s.lasting, shown: `${s.lasting}() for ${ms} ms`, result: handToLearner(rt, wait) };
    });
  },
  check: (s, args) => {
    try {
      resolveCount(s.ms, args, 'ms');
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  },
});
