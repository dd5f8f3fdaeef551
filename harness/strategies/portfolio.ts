/**
 * The default portfolio: for every start order, a bounded DFS (complete for small cases), PCT at
 * depths 3 and 5 (deep, rare interleavings), uniform random, one lockstep schedule (every
 * thread as far along as the others: lockstep.ts) and one greedy schedule per thread (it runs on
 * through its own yields and sleeps while the others are slow: greedy.ts), taking turns so a bug
 * any of them finds early is found early. `--strategy` narrows it to one kind.
 *
 * Depths 3 and 5, not 2 and 3: since PCT keeps one priority per thread (not a fresh one per async
 * call, which acted as extra change points), a deadlock of five philosophers each holding a fork
 * took a median 151 schedules at 2 and 3 (bench:bugs, 10 seeds), 99 at 3 and 5; the 57 known-bad
 * files of six problems, summed medians: 2,099 schedules at 2 and 3, 1,815 at 3 and 5.
 */
import { DfsStrategy } from './dfs';
import { FifoStrategy } from './fifo';
import { GreedyStrategy } from './greedy';
import { LockstepStrategy } from './lockstep';
import { PctStrategy } from './pct';
import { RandomStrategy } from './random';
import { resolveStrategy, type StrategyName } from './registry';
import { mixSeed } from './rng';
import type { Strategy } from './strategy';

/** One strategy exploring one start order. */
export interface Slot {
  order: number;
  strategy: Strategy;
  exhausted: boolean;
}

/**
 * The slots for `name` (checked against the registry: an unknown name throws
 * UnknownStrategyError rather than giving no slots, which would explore nothing).
 */
export function portfolioSlots(strategy: StrategyName, seed: number, caseIndex: number, orders: number): Slot[] {
  const name = resolveStrategy(strategy, { baseline: true });
  const slots: Slot[] = [];
  for (let o = 0; o < orders; o++) {
    const s = (k: number): number => mixSeed(seed, caseIndex, o, k);
    const make: Strategy[] = [];
    if (name === 'portfolio' || name === 'dfs') make.push(new DfsStrategy(s(1), 2));
    if (name === 'portfolio' || name === 'pct') make.push(new PctStrategy(s(2), 3), new PctStrategy(s(3), 5));
    if (name === 'portfolio' || name === 'random') make.push(new RandomStrategy(s(4)));
    if (name === 'portfolio') make.push(new LockstepStrategy(), new GreedyStrategy(s(5)));
    if (name === 'fifo') make.push(new FifoStrategy());
    for (const strategy of make) slots.push({ order: o, strategy, exhausted: false });
  }
  return slots;
}
