/**
 * The few jest functions the helper registers tests with, found the way the test file finds them:
 * as globals, or from `@jest/globals` when the project turned `injectGlobals` off.
 */

type Fn = () => unknown;

export interface JestGlobals {
  describe(name: string, fn: () => void): void;
  test(name: string, fn: Fn, timeout?: number): void;
  beforeAll(fn: Fn, timeout?: number): void;
  expect: { getState(): { testPath?: string } };
}

/** Jest's functions, or an error that says where `judge()` must be called. */
export function jestGlobals(): JestGlobals {
  const g = globalThis as unknown as Partial<JestGlobals>;
  if (typeof g.describe === 'function' && typeof g.test === 'function' && typeof g.beforeAll === 'function' && g.expect) {
    return g as JestGlobals;
  }
  try {
    // Jest answers this require itself, whatever the folder.
    return require('@jest/globals') as JestGlobals;
  } catch {
    throw new Error(
      'interleave/jest: judge() registers jest tests, so it must be called at the top level of a jest test file ' +
        '(interleave.test.ts), and jest must run that file: `npx jest`.',
    );
  }
}
