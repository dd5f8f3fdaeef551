import { defineChecker } from 'interleave/checker';

/**
 * Philosopher p's left fork is fork p, the right one fork (p + 1) % 5. A fork is held by one
 * philosopher at a time (from its pick to its put); both are held for the whole meal (from
 * `eat()` until the meal's time is over, `eat-done`); each call of wantsToEat eats exactly once
 * and gives both forks back before it returns. On a deadlock, the forks held name the cycle.
 */
const N = 5;

/** `fork 1`, `forks 0 and 1`. */
function forks(list: readonly number[]): string {
  return `${list.length === 1 ? 'fork' : 'forks'} ${list.join(' and ')}`;
}

export default defineChecker({
  expected: (ctx) => `each of the 5 philosophers eats ${ctx.args.n === 1 ? 'once' : `${ctx.args.n as number} times`}, holding both their forks for the whole meal, which no one else holds`,
  start(ctx) {
    const holder: number[] = Array(N).fill(-1);
    const eating: boolean[] = Array(N).fill(false);
    const mealsThisCall: number[] = Array(N).fill(0);
    const meals: number[] = Array(N).fill(0);
    const log: string[] = [];
    const who = (p: number): string => `philosopher ${p}`;
    /** `wantsToEat`, or `wants_to_eat` in a Python file. */
    const wants = ctx.method('wantsToEat');
    const pick = (p: number, fork: number, side: string): string | null => {
      if (holder[fork] === p) return `${who(p)} picked up fork ${fork} (${side}) a second time`;
      if (holder[fork] !== -1) return `${who(p)} picked up fork ${fork} (${side}) while ${who(holder[fork])} held it`;
      holder[fork] = p;
      return null;
    };
    const put = (p: number, fork: number, side: string): string | null => {
      if (holder[fork] !== p) return `${who(p)} put down fork ${fork} (${side}) without holding it`;
      if (eating[p]) return `${who(p)} put down fork ${fork} (${side}) during the meal: eat() takes time, await it before putting the forks down`;
      holder[fork] = -1;
      return null;
    };
    return {
      onEvent(ev) {
        if (ev.kind === 'return') {
          const p = ctx.numberOf(ev.thread)! - 1;
          if (eating[p]) return `${who(p)}'s ${wants}() returned during the meal (eat() was not awaited)`;
          if (mealsThisCall[p] === 0) return `${who(p)}'s ${wants}() returned without eating`;
          const held = holder.flatMap((h, f) => (h === p ? [f] : []));
          if (held.length > 0) return `${who(p)}'s ${wants}() returned still holding ${forks(held)}`;
          mealsThisCall[p] = 0;
          return null;
        }
        if (ev.kind !== 'emit') return null;
        const p = ctx.numberOf(ev.thread)! - 1;
        const left = p;
        const right = (p + 1) % N;
        log.push(`${p}:${ev.value}`);
        switch (ev.value) {
          case 'pickLeft':
            return pick(p, left, 'left');
          case 'pickRight':
            return pick(p, right, 'right');
          case 'putLeft':
            return put(p, left, 'left');
          case 'putRight':
            return put(p, right, 'right');
          case 'eat': {
            const missing = [left, right].filter((f) => holder[f] !== p);
            if (missing.length > 0) return `${who(p)} began to eat without holding ${forks(missing)}`;
            if (mealsThisCall[p] > 0) return `${who(p)} ate twice in one call of ${wants}()`;
            eating[p] = true;
            mealsThisCall[p]++;
            meals[p]++;
            return null;
          }
          case 'eat-done':
            eating[p] = false;
            return null;
          default:
            return null;
        }
      },
      actual: () => log.join(' '),
      explainDeadlock(blocked) {
        const stuck = blocked.map((t) => ctx.numberOf(t)).filter((x): x is number => x !== undefined).map((x) => x - 1);
        const holding = stuck.filter((p) => holder.includes(p));
        if (holding.length === 0) return null;
        // A cycle: each philosopher holds one fork and waits for the one the next holds.
        const cycle = stuck.length === N && stuck.every((p) => holder[p] === p && holder[(p + 1) % N] === (p + 1) % N);
        if (cycle) {
          return `every philosopher holds their left fork and waits for their right one, which the next philosopher holds: philosopher 0 → fork 1 → philosopher 1 → fork 2 → philosopher 2 → fork 3 → philosopher 3 → fork 4 → philosopher 4 → fork 0 → philosopher 0, a cycle`;
        }
        return holding.map((p) => `philosopher ${p} holds ${forks(holder.flatMap((h, f) => (h === p ? [f] : [])))}`).join('; ');
      },
      final() {
        const n = ctx.args.n as number;
        const hungry = meals.flatMap((m, p) => (m < n ? [p] : []));
        return hungry.length > 0 ? `every thread returned, but philosopher ${hungry.join(', ')} ate fewer than ${n} ${n === 1 ? 'time' : 'times'}` : null;
      },
    };
  },
});
