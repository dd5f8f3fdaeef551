/**
 * The order jobs are handed to the pool: longest first, so that no core idles at the end while
 * one worker finishes a long job that started last (LPT scheduling). How long a job takes is
 * estimated per problem: at first from the problem's exploration budget, then from the mean time
 * of the jobs of that problem already judged, learned as the batch runs. Which jobs finish first
 * never changes a verdict: a job's result depends only on its file, problem and seed.
 */
import { loadProblem } from '../judge/problems';

/** A problem's exploration budget: schedules over all cases, times the threads that run. */
export function budgetOf(problemId: string): number {
  try {
    const { spec } = loadProblem(problemId);
    const threads = Math.max(1, spec.threads?.length ?? 1);
    return spec.cases.reduce((sum, c) => sum + (c.schedules ?? spec.limits.schedules), 0) * threads;
  } catch {
    return 1;
  }
}

export class LongestFirst {
  /** Jobs not yet taken, per problem. */
  private readonly waiting = new Map<string, number[]>();
  private readonly observed = new Map<string, { ms: number; count: number }>();
  private readonly budget = new Map<string, number>();

  constructor(problemOf: readonly string[], budget: (problemId: string) => number = budgetOf) {
    problemOf.forEach((p, i) => {
      if (!this.waiting.has(p)) {
        this.waiting.set(p, []);
        this.budget.set(p, budget(p));
      }
      this.waiting.get(p)!.push(i);
    });
  }

  get size(): number {
    let n = 0;
    for (const q of this.waiting.values()) n += q.length;
    return n;
  }

  /** The index of the job expected to take longest, or undefined when none is left. */
  take(): number | undefined {
    let best: string | undefined;
    let bestMs = -1;
    for (const [p, q] of this.waiting) {
      if (q.length === 0) continue;
      const ms = this.estimate(p);
      if (ms > bestMs) {
        best = p;
        bestMs = ms;
      }
    }
    return best === undefined ? undefined : this.waiting.get(best)!.shift();
  }

  /** A job of `problemId` took `ms` to judge. */
  observe(problemId: string, ms: number): void {
    const o = this.observed.get(problemId) ?? { ms: 0, count: 0 };
    o.ms += ms;
    o.count++;
    this.observed.set(problemId, o);
  }

  /** Expected ms of a job of this problem: its own mean once seen, else its budget at the batch's ms per budget unit. */
  estimate(problemId: string): number {
    const own = this.observed.get(problemId);
    if (own) return own.ms / own.count;
    let ms = 0;
    let units = 0;
    for (const [p, o] of this.observed) {
      ms += o.ms / o.count;
      units += this.budget.get(p) ?? 1;
    }
    const perUnit = units > 0 ? ms / units : 1;
    return (this.budget.get(problemId) ?? 1) * perUnit;
  }
}
