/**
 * Checks most problems share, so a checker writes only what is special to it.
 */
import type { RunEvent } from '../scheduler/runtime';
import type { CheckContext, Checker } from './checker';

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
 * The output must be exactly `expected(args)`, token by token: a wrong token fails the run the
 * moment it is printed; a short output fails once every thread is done.
 */
export function exactOutput(expected: (ctx: CheckContext) => string[], separator = ''): Checker {
  let cacheArgs: unknown = null;
  let cache: string[] = [];
  const tokens = (ctx: CheckContext): string[] => {
    if (cacheArgs !== ctx.args) {
      cacheArgs = ctx.args;
      cache = expected(ctx);
    }
    return cache;
  };
  return {
    expected: (ctx) => tokens(ctx).join(separator),
    onEvent(ev, _events, ctx) {
      if (ev.kind !== 'emit') return null;
      const want = tokens(ctx);
      const k = ev.index;
      if (k >= want.length) {
        return `${ctx.nameOf(ev.thread)} printed ${quote(ev.value)} after the whole expected output was already printed`;
      }
      if (ev.value !== want[k]) {
        return `${ctx.nameOf(ev.thread)} printed ${quote(ev.value)} as output #${k + 1}, where ${quote(want[k])} was expected`;
      }
      return null;
    },
    final(events, ctx) {
      const want = tokens(ctx);
      const got = emits(events).length;
      if (got < want.length) {
        return `every thread returned, but only ${got} of the ${want.length} expected outputs were printed`;
      }
      return null;
    },
  };
}

/** Each printed value must come from a thread of one of the kinds allowed for it. */
export function emitsOnlyFrom(allowed: (value: string) => string[]): NonNullable<Checker['onEvent']> {
  return (ev, _events, ctx) => {
    if (ev.kind !== 'emit') return null;
    const kinds = allowed(ev.value);
    const kind = ctx.kindOf(ev.thread);
    if (kind !== undefined && !kinds.includes(kind)) {
      return `${ctx.nameOf(ev.thread)} printed ${quote(ev.value)}, which only ${kinds.join(' or ')} may print`;
    }
    return null;
  };
}

/** Combines checkers: the first failure wins. */
export function allOf(...checkers: Checker[]): Checker {
  return {
    expected: checkers.find((c) => c.expected)?.expected,
    onEvent(ev, events, ctx) {
      for (const c of checkers) {
        const m = c.onEvent?.(ev, events, ctx) ?? null;
        if (m !== null) return m;
      }
      return null;
    },
    final(events, ctx) {
      for (const c of checkers) {
        const m = c.final?.(events, ctx) ?? null;
        if (m !== null) return m;
      }
      return null;
    },
  };
}
