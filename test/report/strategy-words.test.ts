/** A failure's header says how its run was found in words a student reads, the short name after. */
import { strategyInWords } from '../../harness/report/strategy-words';

test.each([
  ['dfs(pb=2)', 'a systematic search, at most 2 preemptions (dfs)'],
  ['dfs(pb=1)', 'a systematic search, at most 1 preemption (dfs)'],
  ['pct(d=3)', 'random thread priorities, changed at 2 points (pct)'],
  ['pct(d=2)', 'random thread priorities, changed at 1 point (pct)'],
  ['greedy', 'letting one thread run on while the others wait (greedy)'],
  ['lockstep', 'keeping every thread as far along as the others (lockstep)'],
  ['replay of pct(d=5)', 'a replay of random thread priorities, changed at 4 points (pct)'],
  ['something-new', 'something-new'],
])('%s reads "%s"', (name, words) => {
  expect(strategyInWords(name)).toBe(words);
});
