/**
 * A failure told in the words of the learner's language: the problem's methods as that language
 * names them (a Python class has `get_message`, where the problem says `getMessage`), a Python
 * method's missing return value as `None`, and where a Python thread spun or waited, the sleep
 * it wrote (`foo at time.sleep(0.001)`, not the judge's `sleep(1)` in milliseconds; `time.sleep(0)`,
 * not `yieldThread()`).
 */
import type { Failure } from '../model/result';
import { pythonSleep } from './object-names';

export function inLearnersWords(failure: Failure, methods: readonly string[], methodName: (m: string) => string, python: boolean): void {
  const renamed = methods.filter((m) => methodName(m) !== m).map((m) => [new RegExp(`\\b${m}\\(`, 'g'), `${methodName(m)}(`] as const);
  if (renamed.length === 0 && !python) return;
  const say = (text: string): string => {
    let out = text;
    for (const [from, to] of renamed) out = out.replace(from, to);
    return python ? pythonSleeps(out.replace(/\) returned undefined\b/g, ') returned None')) : out;
  };
  failure.message = say(failure.message);
  for (const row of failure.trace) row.text = say(row.text);
  for (const b of failure.blocked ?? []) b.waitsIn = say(b.waitsIn);
}

/** `at sleep(1)` → `at time.sleep(0.001)`, `at yieldThread()` → `at time.sleep(0)`: where a thread is, as it was written. */
function pythonSleeps(text: string): string {
  return text
    .replace(/\b(at|in) yieldThread\(\)/g, `$1 ${pythonSleep('0')}`)
    .replace(/\b(at|in) sleep\(([\d.e+-]+)\)/g, (_m, where: string, ms: string) => `${where} ${pythonSleep(ms)}`);
}
