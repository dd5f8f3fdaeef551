/**
 * Exhaustive depth-first search over schedules with a preemption bound (CHESS, Musuvathi and
 * Qadeer, PLDI 2007): every schedule with at most `bound` preemptions, one after another, by
 * replaying a prefix and trying the next alternative at the deepest node. Most concurrency bugs
 * need very few preemptions, so small cases are covered completely. Switching away from a
 * yielding or blocked thread is not a preemption, and a yielding thread is not re-run while another
 * can go (fairness, so busy-waiting does not make the search endless).
 *
 * The bound is iterated, as CHESS does: every schedule without a preemption first, then every one
 * with at most one, then two. A single search to depth 2 varies the deepest choices first, so a
 * bug that needs one preemption early in the run (a thread paused between two operations while
 * another runs to the end) came only after every pair of late preemptions: hundreds of schedules,
 * past the budget. The schedules of a lower bound are run again at the next (a small share: the
 * tree grows with the bound).
 */
import { Rng } from './rng';
import { TIME_PASSES, type ChoiceKind, type Strategy } from './strategy';

/**
 * A choice point with alternatives. A point with one option (the bound is spent, a single waiter)
 * is stored as that option's index alone: a spin past the bound makes one per step, and a run may
 * take hundreds of thousands of steps (objects there filled a 256 MB heap).
 */
interface Node {
  /** Indices the search will try here, the non-preempting ones first. */
  options: number[];
  /** The options from this position on cost a preemption (options.length: none does). */
  costly: number;
  chosen: number;
}

export class DfsStrategy implements Strategy {
  readonly name: string;
  private readonly stack: Array<Node | number> = [];
  private depth = 0;
  private preemptions = 0;
  /** The preemption bound of the search under way: 0, 1, … up to `maxBound`. */
  private bound = 0;
  /** The candidate a yield handed the processor to last in this schedule (round robin goes on from it). */
  private rotation = -1;
  /** Was the last pick time passing (which ends a sleep)? */
  private timeJustPassed = false;
  private started = false;
  private readonly rng: Rng;
  /** Schedules this search has started. */
  schedules = 0;

  constructor(
    seed: number,
    private readonly maxBound = 2,
  ) {
    this.rng = new Rng(seed);
    this.name = `dfs(pb=${maxBound})`;
  }

  nextSchedule(): boolean {
    this.depth = 0;
    this.preemptions = 0;
    this.rotation = -1;
    this.timeJustPassed = false;
    if (!this.started) {
      this.started = true;
      this.schedules++;
      return true;
    }
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1];
      if (typeof top !== 'number' && top.chosen + 1 < top.options.length) {
        top.chosen++;
        this.schedules++;
        return true;
      }
      this.stack.pop();
    }
    if (this.bound < this.maxBound) {
      // Every schedule within this bound is done: the next bound, from its first schedule.
      this.bound++;
      this.schedules++;
      return true;
    }
    return false;
  }

  pick(runnable: readonly number[], current: number, yielding: boolean): number {
    let node = this.stack[this.depth];
    if (node === undefined) {
      node = this.expand(runnable, runnable.indexOf(current), yielding);
      this.stack.push(node);
    }
    this.depth++;
    let option: number;
    if (typeof node === 'number') option = node;
    else {
      if (node.chosen >= node.costly) this.preemptions++;
      option = node.options[node.chosen];
    }
    const index = Math.min(option, runnable.length - 1);
    if (yielding) this.rotation = runnable[index];
    this.timeJustPassed = runnable[index] === TIME_PASSES;
    return index;
  }

  choose(bound: number, kind: ChoiceKind): number {
    if (kind === 'spurious') return 0;
    if (kind === 'random') return this.rng.below(bound);
    let node = this.stack[this.depth];
    if (node === undefined) {
      node = bound === 1 ? 0 : { options: [...Array(bound).keys()], costly: bound, chosen: 0 };
      this.stack.push(node);
    }
    this.depth++;
    return Math.min(typeof node === 'number' ? node : node.options[node.chosen], bound - 1);
  }

  private expand(runnable: readonly number[], current: number, yielding: boolean): Node | number {
    const all = [...runnable.keys()];
    if (current < 0) return { options: all, costly: all.length, chosen: 0 };
    const others = all.filter((i) => i !== current);
    if (yielding) {
      // (In id order: the list is in the order tasks were made, and a thread's timer callback,
      // made last, came after the others: two spinners took turns for ever without it.)
      others.sort((a, b) => runnable[a] - runnable[b]);
      // Round robin over the candidates (in id order, time passing last), going on from the one
      // a yield chose last: two spinners taking turns cannot starve a third thread or keep time
      // from passing, and a thread that yields again and again (a poller with a sleep beside its
      // poll) cannot have time pass every round while another thread could go.
      const from = Math.max(this.rotation, runnable[current]);
      const next = [...others.filter((i) => runnable[i] > from), ...others.filter((i) => runnable[i] <= from)];
      if (this.timeJustPassed && this.preemptions < this.bound) {
        // The yield is the sleep time passing just ended: the sleeper acting at once, before the
        // others move (a pulse it sends as it wakes), is one more schedule, at a preemption's cost
        // (so a poller woken again and again still cannot keep the others from going).
        return { options: [...next, current], costly: next.length, chosen: 0 };
      }
      return next.length === 1 ? next[0] : { options: next, costly: next.length, chosen: 0 };
    }
    if (this.preemptions >= this.bound) return current;
    return { options: [current, ...others], costly: 1, chosen: 0 };
  }
}
