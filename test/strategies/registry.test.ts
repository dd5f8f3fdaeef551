/** The one table of strategy names: every entry point resolves names here. */
import { portfolioSlots } from '../../harness/strategies/portfolio';
import { STRATEGY_NAMES, UnknownStrategyError, describeStrategies, resolveStrategy } from '../../harness/strategies/registry';

describe('resolveStrategy', () => {
  test('each judging strategy resolves to itself; none given is the portfolio', () => {
    for (const name of STRATEGY_NAMES) expect(resolveStrategy(name)).toBe(name);
    expect(resolveStrategy(undefined)).toBe('portfolio');
  });

  test('fifo, the benchmark baseline, only where baselines are asked for', () => {
    expect(resolveStrategy('fifo', { baseline: true })).toBe('fifo');
    expect(() => resolveStrategy('fifo')).toThrow('unknown strategy "fifo": the strategies are portfolio, random, pct, dfs');
  });

  test.each([
    ['radnom', 'random'],
    ['PCT', 'pct'],
    ['portfol', 'portfolio'],
    ['dsf', 'dfs'],
  ])('a typo (%s) names the valid strategies and suggests %s', (given, meant) => {
    expect(() => resolveStrategy(given)).toThrow(UnknownStrategyError);
    expect(() => resolveStrategy(given)).toThrow(`unknown strategy "${given}": the strategies are portfolio, random, pct, dfs (did you mean ${meant}?)`);
  });

  test('something else entirely: no suggestion; not a string: its type', () => {
    expect(() => resolveStrategy('quantum')).toThrow(/^unknown strategy "quantum": the strategies are portfolio, random, pct, dfs$/);
    expect(() => resolveStrategy(7)).toThrow('unknown strategy "number"');
  });

  test('the error carries what was given and what is valid (for the command line to show)', () => {
    try {
      resolveStrategy('x');
      throw new Error('no error');
    } catch (e) {
      expect(e).toMatchObject({ name: 'UnknownStrategyError', given: 'x', valid: ['portfolio', 'random', 'pct', 'dfs'] });
    }
  });

  test('describes each strategy on one line, for usage texts', () => {
    expect(describeStrategies().map((l) => l.split(':')[0])).toEqual([...STRATEGY_NAMES]);
  });
});

test('portfolioSlots refuses an unknown name instead of giving no slots (which would explore nothing)', () => {
  expect(() => portfolioSlots('nope' as never, 1, 0, 2)).toThrow(UnknownStrategyError);
  expect(portfolioSlots('portfolio', 1, 0, 2).length).toBeGreaterThan(0);
});
