/**
 * How a failing run was found, in words a student reads without knowing the strategies:
 * `pct(d=3)` → `random thread priorities, changed at 2 points (pct)`. The short name stays in
 * brackets, as `--strategy` and the README call it; the summary table keeps it alone.
 */
const PLAIN: Record<string, string> = {
  random: 'random choices at every switch point (random)',
  lockstep: 'keeping every thread as far along as the others (lockstep)',
  greedy: 'letting one thread run on while the others wait (greedy)',
  fifo: 'first come, first served (fifo)',
  guided: 'a shortened schedule (guided)',
  replay: 'a replay',
};

export function strategyInWords(name: string): string {
  const replay = /^replay of (.+)$/.exec(name);
  if (replay) return `a replay of ${strategyInWords(replay[1])}`;
  const dfs = /^dfs\(pb=(\d+)\)$/.exec(name);
  if (dfs) return `a systematic search, at most ${dfs[1]} preemption${dfs[1] === '1' ? '' : 's'} (dfs)`;
  const pct = /^pct\(d=(\d+)\)$/.exec(name);
  if (pct) {
    const points = Number(pct[1]) - 1;
    return `random thread priorities, changed at ${points} point${points === 1 ? '' : 's'} (pct)`;
  }
  return PLAIN[name] ?? name;
}
