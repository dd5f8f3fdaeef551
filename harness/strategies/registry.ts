/**
 * The one table of strategy names. Every entry point (the command line, the judge's API, a pool
 * job, the jest helper) resolves a name here, so a misspelt strategy is an error that lists the
 * valid names, never a portfolio with nothing in it that explores zero schedules and says AC.
 */

/** The strategies that judge, as `--strategy` takes them. */
export const STRATEGY_NAMES = ['portfolio', 'random', 'pct', 'dfs'] as const;
/** The uncontrolled baseline the benchmarks compare against; it never judges a submission. */
export const BASELINE_STRATEGY = 'fifo';

export type JudgingStrategyName = (typeof STRATEGY_NAMES)[number];
export type StrategyName = JudgingStrategyName | typeof BASELINE_STRATEGY;

const DESCRIPTIONS: Record<StrategyName, string> = {
  portfolio: 'every start order explored by DFS, PCT (depths 3 and 5), random, one lockstep schedule and one greedy schedule per thread, taking turns (the default)',
  random: 'uniformly random choices at every switch point',
  pct: 'probabilistic concurrency testing at depths 3 and 5',
  dfs: 'depth-first search with a preemption bound of 2',
  fifo: 'no control: plain promise order, one schedule per start order (a benchmark baseline, not a judge)',
};

/** A strategy name nobody knows: says which names there are, and which one was probably meant. */
export class UnknownStrategyError extends Error {
  override name = 'UnknownStrategyError';
  constructor(
    /** The name as given. */
    readonly given: string,
    /** The valid names for where it was given. */
    readonly valid: readonly string[],
    readonly suggestion?: string,
  ) {
    super(
      `unknown strategy ${JSON.stringify(given)}: the strategies are ${valid.join(', ')}` +
        (suggestion ? ` (did you mean ${suggestion}?)` : ''),
    );
  }
}

/**
 * The strategy named `name` (undefined: the portfolio). Throws {@link UnknownStrategyError} for any
 * other value, a non-string included. `fifo`, the benchmark's baseline, is accepted only with
 * `{ baseline: true }`.
 */
export function resolveStrategy(name: unknown, opts: { baseline?: boolean } = {}): StrategyName {
  if (name === undefined) return 'portfolio';
  const valid: readonly string[] = opts.baseline ? [...STRATEGY_NAMES, BASELINE_STRATEGY] : STRATEGY_NAMES;
  if (typeof name === 'string' && valid.includes(name)) return name as StrategyName;
  const given = typeof name === 'string' ? name : String(typeof name);
  throw new UnknownStrategyError(given, valid, typeof name === 'string' ? closest(name, valid) : undefined);
}

/** One line per strategy, for usage texts. */
export function describeStrategies(opts: { baseline?: boolean } = {}): string[] {
  const names: StrategyName[] = opts.baseline ? [...STRATEGY_NAMES, BASELINE_STRATEGY] : [...STRATEGY_NAMES];
  return names.map((n) => `${n}: ${DESCRIPTIONS[n]}`);
}

/** The valid name nearest to `given` (case ignored), when it is near enough to be a typo. */
function closest(given: string, valid: readonly string[]): string | undefined {
  const g = given.trim().toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of valid) {
    const d = g === name ? 0 : name.startsWith(g) && g.length >= 2 ? 1 : distance(g, name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

/** Edit distance with swaps of neighbours counting once ("dsf" is one edit from "dfs"); names are short. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
