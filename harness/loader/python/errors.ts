/**
 * Errors crossing between the judge and Python: a Python exception as the judge sees it (name,
 * message, the learner's frames), and a judge error (a refused operation) as the Python exception
 * CPython would raise for it, with CPython's words.
 */
import type { SourceSite } from '../../model/result';

/** An exception raised by learner code in Python, as the judge's runtime reports it. */
export class PythonException extends Error {
  constructor(
    name: string,
    message: string,
    readonly frames: Array<[number, string]>,
    file: string,
    lines: readonly string[] | undefined,
  ) {
    super(message);
    // An own data property: the judge's describer reads data properties only.
    Object.defineProperty(this, 'name', { value: name, enumerable: false, writable: true, configurable: true });
    const tb = ['Traceback (most recent call last):'];
    for (const [line, fn] of frames) {
      tb.push(`  File "${file}", line ${line}, in ${fn}`);
      const text = lines?.[line - 1]?.trim();
      if (text) tb.push(`    ${text}`);
    }
    tb.push(message === '' ? name : `${name}: ${message}`);
    Object.defineProperty(this, 'stack', { value: tb.join('\n'), enumerable: false, writable: true, configurable: true });
  }
}

/** The learner's innermost line in a Python traceback the judge wrote. */
export function tracebackSite(stack: string | undefined, file: string, skip = 0): SourceSite | undefined {
  if (!stack) return undefined;
  const sites: SourceSite[] = [];
  for (const m of stack.matchAll(/^ {2}File "([^"]+)", line (\d+)/gm)) {
    if (m[1] === file) sites.push({ file, line: Number(m[2]) });
  }
  return sites.reverse()[skip];
}

/**
 * The Python exception for an error the judge's primitive threw: its class name and CPython's
 * message (`release unlocked lock`), so a learner sees what CPython would have said.
 */
export function toPythonError(e: unknown): [string, string] {
  const name = typeof e === 'object' && e !== null ? String((e as Error).name ?? 'RuntimeError') : 'RuntimeError';
  let message = typeof e === 'object' && e !== null ? String((e as Error).message ?? '') : String(e);
  // The judge's messages start with the operation (`Lock.release(): …`); CPython's do not.
  message = message.replace(/^[A-Za-z]+\.[A-Za-z]+\([^)]*\):\s*/, '');
  switch (name) {
    case 'QueueEmpty':
      return ['Empty', ''];
    case 'QueueFull':
      return ['Full', ''];
    case 'BrokenBarrierError':
      return ['BrokenBarrierError', ''];
    case 'ValueError':
      if (/released too many times/.test(message)) return ['ValueError', 'Semaphore released too many times'];
      return ['ValueError', message];
    case 'RuntimeError':
      if (/^cannot release/.test(message)) return ['RuntimeError', 'cannot release un-acquired lock'];
      return ['RuntimeError', message];
    case 'TypeError':
    case 'RangeError':
      return [name === 'TypeError' ? 'TypeError' : 'ValueError', message];
    default:
      return ['RuntimeError', message];
  }
}
