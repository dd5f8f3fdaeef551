/**
 * Checks most problems share, so a checker writes only what is special to it. Each is a
 * {@link Checker}: its per-run state is made in `start`, never cached across runs.
 */
import type { RunEvent } from '../model/events';
import type { CheckContext, Checker, RunCheck } from './checker';

type Emit = Extract<RunEvent, { kind: 'emit' }>;

/** The printed values, in order. */
export function emits(events: readonly RunEvent[]): Emit[] {
  return events.filter((e): e is Emit => e.kind === 'emit');
}

/** What was printed, joined as the problem shows it. */
export function output(events: readonly RunEvent[], separator = ''): string {
  return emits(events)
    .map((e) => e.value)
    .join(separator);
}

function quote(s: string): string {
  return JSON.stringify(s);
}

/**
 * The output must be exactly `expected(ctx)`, token by token: a wrong token fails the run the
 * moment it is printed; a short output fails once every thread is done. `expected` depends on the
 * case's arguments only: it is computed once per case, not once per run.
 */
export function exactOutput(expected: (ctx: CheckContext) => string[], separator = ''): Checker {
  const perCase = new WeakMap<object, readonly string[]>();
  return {
    expected: (ctx) => expected(ctx).join(separator),
    separator,
    start(ctx) {
      let want = perCase.get(ctx.args);
      if (want === undefined) perCase.set(ctx.args, (want = Object.freeze(expected(ctx))));
      let got = 0;
      return {
        onEvent(ev) {
          if (ev.kind !== 'emit') return null;
          got++;
          const k = ev.index;
          if (k >= want.length) {
            return `${ctx.nameOf(ev.thread)} printed ${quote(ev.value)} after the whole expected output was already printed`;
          }
          if (ev.value !== want[k]) {
            return `${ctx.nameOf(ev.thread)} printed ${quote(ev.value)} as output #${k + 1}, where ${quote(want[k])} was expected`;
          }
          return null;
        },
        final() {
          if (got < want.length) return `every thread returned, but only ${got} of the ${want.length} expected outputs ${got === 1 ? 'was' : 'were'} printed`;
          return null;
        },
      };
    },
  };
}

/** Each printed value must come from a thread of one of the kinds allowed for it. */
export function emitsOnlyFrom(allowed: (value: string) => string[]): Checker {
  return {
    start: (ctx) => ({
      onEvent(ev) {
        if (ev.kind !== 'emit') return null;
        const kinds = allowed(ev.value);
        const kind = ctx.kindOf(ev.thread);
        if (kind !== undefined && !kinds.includes(kind)) {
          return `${ctx.nameOf(ev.thread)} printed ${quote(ev.value)}, which only ${kinds.join(' or ')} may print`;
        }
        return null;
      },
    }),
  };
}

/** Combines checkers: the first failure wins; `expected` and `actual` come from the first that has them. */
export function allOf(...checkers: Checker[]): Checker {
  const withExpected = checkers.find((c) => c.expected);
  return {
    expected: withExpected?.expected,
    separator: withExpected?.separator,
    start(ctx) {
      const runs: RunCheck[] = checkers.map((c) => c.start(ctx));
      const first = <T>(f: (r: RunCheck) => T | null | undefined): T | null => {
        for (const r of runs) {
          const m = f(r);
          if (m !== null && m !== undefined) return m;
        }
        return null;
      };
      const withActual = runs.find((r) => r.actual);
      return {
        onEvent: (ev) => first((r) => r.onEvent?.(ev)),
        final: () => first((r) => r.final?.()),
        actual: withActual ? () => withActual.actual!() : undefined,
        explainDeadlock: (blocked) => first((r) => r.explainDeadlock?.(blocked)),
      };
    },
  };
}
