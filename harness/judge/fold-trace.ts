/**
 * Folds a cycle of trace rows that repeats (a spinning loop: `yieldThread()` 24,998 times, or two
 * threads taking turns at it) into one pass of the cycle whose rows say how often it ran. The
 * rows are the same when the same thread does the same thing at the same line.
 */
import type { TraceStep } from '../model/result';

/** Longest cycle looked for, in rows. */
const MAX_PERIOD = 4;
/** A cycle is folded from this many passes on. */
const MIN_REPEATS = 3;

export function foldRepeats(trace: readonly TraceStep[]): TraceStep[] {
  const out: TraceStep[] = [];
  let i = 0;
  while (i < trace.length) {
    let best = { period: 0, repeats: 1 };
    for (let p = 1; p <= MAX_PERIOD && i + 2 * p <= trace.length; p++) {
      let k = 1;
      while (i + (k + 1) * p <= trace.length && samePass(trace, i, i + k * p, p)) k++;
      // The fold that hides the most rows wins.
      if (k >= MIN_REPEATS && (k - 1) * p > (best.repeats - 1) * best.period) best = { period: p, repeats: k };
    }
    if (best.period === 0) {
      out.push(trace[i]);
      i++;
      continue;
    }
    for (let j = 0; j < best.period; j++) out.push({ ...trace[i + j], repeat: best.repeats * (trace[i + j].repeat ?? 1) });
    i += best.period * best.repeats;
  }
  return out;
}

function samePass(trace: readonly TraceStep[], a: number, b: number, period: number): boolean {
  for (let j = 0; j < period; j++) if (!sameRow(trace[a + j], trace[b + j])) return false;
  return true;
}

function sameRow(x: TraceStep, y: TraceStep): boolean {
  return x.thread === y.thread && x.kind === y.kind && x.text === y.text && x.site?.line === y.site?.line && x.site?.file === y.site?.file && x.repeat === y.repeat;
}
