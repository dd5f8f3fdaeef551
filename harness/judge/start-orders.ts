/**
 * The orders the problem's threads are launched in: every permutation when there are at most
 * four threads, otherwise the problem's order, its reverse and a seeded sample.
 */
import { Rng } from '../strategies/rng';

export const ALL_ORDERS_UP_TO = 4;
const SAMPLED_ORDERS = 8;

export function startOrders(n: number, seed: number): number[][] {
  const ident = [...Array(n).keys()];
  if (n <= ALL_ORDERS_UP_TO) return permutations(ident);
  const rng = new Rng(seed);
  const out = [ident, [...ident].reverse()];
  const seen = new Set(out.map((o) => o.join(',')));
  for (let tries = 0; out.length < SAMPLED_ORDERS && tries < 100; tries++) {
    const o = [...ident];
    for (let i = o.length - 1; i > 0; i--) {
      const j = rng.below(i + 1);
      [o[i], o[j]] = [o[j], o[i]];
    }
    const key = o.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(o);
    }
  }
  return out;
}

function permutations(xs: number[]): number[][] {
  if (xs.length <= 1) return [xs];
  const out: number[][] = [];
  for (let i = 0; i < xs.length; i++) {
    const rest = [...xs.slice(0, i), ...xs.slice(i + 1)];
    for (const p of permutations(rest)) out.push([xs[i], ...p]);
  }
  return out;
}
