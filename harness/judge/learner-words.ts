/**
 * A failure told in the words of the learner's language: the problem's methods as that language
 * names them (a Python class has `get_message`, where the problem says `getMessage`), and a
 * Python method's missing return value as `None`.
 */
import type { Failure } from '../model/result';

export function inLearnersWords(failure: Failure, methods: readonly string[], methodName: (m: string) => string, python: boolean): void {
  const renamed = methods.filter((m) => methodName(m) !== m).map((m) => [new RegExp(`\\b${m}\\(`, 'g'), `${methodName(m)}(`] as const);
  if (renamed.length === 0 && !python) return;
  const say = (text: string): string => {
    let out = text;
    for (const [from, to] of renamed) out = out.replace(from, to);
    return python ? out.replace(/\) returned undefined\b/g, ') returned None') : out;
  };
  failure.message = say(failure.message);
  for (const row of failure.trace) row.text = say(row.text);
  for (const b of failure.blocked ?? []) b.waitsIn = say(b.waitsIn);
}
