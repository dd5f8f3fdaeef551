/**
 * `{ "stopEvent": "event", "after": "nextMessage", "within": "maxMessages" }`: one `Event` shared
 * by the run's threads, which the harness sets at a moment the strategy chooses: it picks k in
 * 0..within, and a harness thread (`stopper`) sets the event at any switch point once `after` was
 * called k times. If the strategy keeps the stopper from running, the event is set anyway when
 * `after` is called for the (within + 1)-th time, so a correct solution always ends. The moment
 * the harness set it is an emit `<name>.set` for the checker.
 */
import { Event } from '../../sync/event';
import { Blocking, internal, quietly } from '../../sync/op';
import type { Runtime } from '../../scheduler/runtime';
import type { Coroutine } from '../../scheduler/task';
import type { Thread } from '../../scheduler/thread';
import { resolveCount, type Count } from '../problem';
import { argKind } from './kind';

export const stopEvent = argKind<{ stopEvent: string; after: string; within: Count }>({
  key: 'stopEvent',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['stopEvent', 'after', 'within'],
    properties: { stopEvent: { type: 'string' }, after: { type: 'string' }, within: { $ref: '#/$defs/count' } },
  },
  signature: (s) => s.stopEvent,
  make: (s, c) =>
    c.run.shared(`stopEvent:${s.stopEvent}`, () => {
      const { rt, run } = c;
      const within = resolveCount(s.within, c.args, `"${s.stopEvent}" within`);
      const event = new Event();
      const k = rt.choose(within + 1, 'random');
      // The checker sees when the harness set it (`<name>.set` in the run's events): a learner
      // who sets the harness's event itself does not count as the harness having set it.
      let stopper: Thread | undefined;
      const set = (): void => {
        if (harnessSet) return;
        harnessSet = true;
        // One row, the harness's own (`event.set() (the harness)`), not a second `Event.set()`.
        if (rt.tracing) rt.record(rt.currentThread ?? stopper!, 'op', `${s.stopEvent}.set() (the harness)`);
        if (!event.isSet()) internal(quietly(() => event.set()));
        run.emit(rt.currentThread ?? stopper!, `${s.stopEvent}.set`, '');
      };
      let harnessSet = false;
      run.onEmit((cb, count) => {
        if (cb === s.after && count > within) set();
      });
      // The harness's own wait, in a trace: `the harness waits until nextMessage() was called 2 times`
      // (it read `the harness waits for 0 calls of nextMessage()`, which few could parse).
      const text = k === 0 ? `the harness may set ${s.stopEvent} from the start` : `the harness waits until ${s.after}() was called ${k === 1 ? 'once' : `${k} times`}`;
      stopper = rt.startThread('stopper', () => waitThenDo(rt, text, () => run.calls(s.after) >= k, set), false, true);
      return event;
    }),
  check: (s, args) => {
    try {
      resolveCount(s.within, args, 'within');
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  },
});

/** The stopper thread: waits until `canGo`, then does `then` (at module level: see scheduler/coroutines.ts). */
function* waitThenDo(rt: Runtime, text: string, canGo: () => boolean, then: () => void): Coroutine {
  yield new Blocking<void>(rt, text, { canGo, go: () => undefined });
  then();
  return undefined;
}
