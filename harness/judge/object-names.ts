/**
 * Names the primitives of a failing run the way the learner wrote them: `Event.wait()` at a line
 * that reads `await this.fooReady.wait();` becomes `this.fooReady.wait()`. The name is the
 * receiver of the call at the row's source position; where the source does not show one (a
 * helper that takes the object as an argument), the row keeps the type's name.
 */
import type { BlockedThread, SourceSite, TraceStep } from '../model/result';

/** The source text of a learner file by its base name, when the judge has it. */
export type SourceLines = (file: string) => readonly string[] | undefined;

/** Fills in `name` and rewrites `Type.method(…)` to `receiver.method(…)` where the source shows the receiver. */
export function nameObjects(trace: TraceStep[], blocked: BlockedThread[] | undefined, lines: SourceLines): void {
  for (const row of trace) {
    if (!row.site) continue;
    if (row.object === undefined) {
      if (row.site.file.endsWith('.py')) row.text = pythonSpelling(row.text);
      continue;
    }
    const named = rename(row.text, row.site, lines);
    if (named.receiver) row.name = named.receiver;
    row.text = named.text;
  }
  for (const b of blocked ?? []) {
    if (!b.site) continue;
    b.waitsIn = rename(b.waitsIn, b.site, lines).text;
  }
}

/**
 * For each blocked thread, the last rows that operated on the object it waits on: the last touch,
 * and the last by another thread when someone else touched it last (a `clear` that erased a `set`).
 * Who set, cleared or released it last is what a deadlock's reader is looking for.
 */
export function lastTouches(trace: readonly TraceStep[], blocked: BlockedThread[] | undefined, threads: readonly string[]): void {
  for (const b of blocked ?? []) {
    if (b.object === undefined) continue;
    const touches: NonNullable<BlockedThread['lastTouches']> = [];
    for (let i = trace.length - 1; i >= 0 && touches.length < 2; i--) {
      const row = trace[i];
      // A wait changes nothing another thread waits for: what counts is who set, cleared, released, notified.
      if (row.object !== b.object || row.kind === 'block' || row.kind === 'wake' || /\.wait(For)?\(/.test(row.text)) continue;
      const thread = threads[row.thread] ?? '?';
      if (touches.length === 1 && touches[0].thread === thread) continue;
      touches.push({ thread, text: row.text, step: row.step, ...(row.site && { site: row.site }) });
    }
    if (touches.length > 0) b.lastTouches = touches;
  }
}

/**
 * `Event.wait() → set` with the receiver `this.fooReady` is `this.fooReady.wait() → set`; a row
 * of a Python file is in Python's spelling even where the source shows no receiver.
 */
function rename(text: string, site: SourceSite, lines: SourceLines): { receiver?: string; text: string } {
  if (site.file.endsWith('.py')) text = pythonSpelling(text);
  const m = /^((?:waits in )?)([A-Z][A-Za-z]*)\.([A-Za-z_$][\w$]*)\(/.exec(text);
  if (!m) return { text };
  const line = lines(site.file)?.[site.line - 1];
  if (line === undefined) return { text };
  const receiver = receiverOf(line, m[3], (site.column ?? 1) - 1);
  if (receiver) return { receiver, text: m[1] + receiver + text.slice(m[1].length + m[2].length) };
  // Python's `cond.wait_for(predicate)` waits with `wait()`, as CPython's does.
  const waitsFor = m[3] === 'wait' && site.file.endsWith('.py') ? receiverOf(line, 'wait_for', (site.column ?? 1) - 1) : undefined;
  if (waitsFor) return { receiver: waitsFor, text: `${m[1]}${waitsFor}.wait_for(…)${text.slice(m[0].length).replace(/^[^)]*\)/, '')}` };
  return withStatement(text, m, line) ?? { text };
}

/**
 * A row of a Python file in Python's words: the judge's `Condition.notifyAll()` is what the
 * learner wrote as `notify_all()`, its `acquire(blocking: false)` their `acquire(blocking=False)`.
 */
export function pythonSpelling(text: string): string {
  return text
    .replace(/^((?:waits in )?[A-Z][A-Za-z]*\.)([a-z]+[A-Z][A-Za-z]*)\(/, (_, head: string, method: string) => `${head}${method.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}(`)
    .replace(/\(blocking: false\)/, '(blocking=False)')
    // Python sleeps in seconds; the judge counts milliseconds (`time.sleep(0)` is its yield).
    .replace(/^((?:waits in )?)sleep\(([\d.e+-]+)\)/, (_, head: string, ms: string) => `${head}time.sleep(${Number((Number(ms) / 1000).toPrecision(12))})`)
    .replace(/^yieldThread\(\)/, 'time.sleep(0)')
    .replace(/→ threw (QueueEmpty|QueueFull|BrokenBarrierError)\b.*$/, (_, name: string) => `→ raised ${PYTHON_EXCEPTIONS[name]}`);
}

/** The judge's errors that are CPython exceptions of another name, as a learner catches them. */
const PYTHON_EXCEPTIONS: Record<string, string> = {
  QueueEmpty: 'queue.Empty',
  QueueFull: 'queue.Full',
  BrokenBarrierError: 'threading.BrokenBarrierError',
};

/**
 * Python's `with self.cond:` acquires on entry and releases on exit, both at the `with` line:
 * the row says so in the learner's words (`with self.cond → acquired`, `end of with self.cond →
 * released`) rather than naming the lock a Condition holds inside. Only a `with` of one object:
 * with several, the line does not tell which one a row is about.
 */
function withStatement(text: string, call: RegExpExecArray, line: string): { receiver: string; text: string } | undefined {
  const [head, waits, , method] = call;
  if (method !== 'acquire' && method !== 'release') return undefined;
  const receiver = withItem(line);
  if (!receiver) return undefined;
  const after = text.slice(head.length).replace(/^[^)]*\)/, '');
  if (method === 'release') return { receiver, text: `end of with ${receiver}${after}` };
  return { receiver, text: waits ? `waits to enter with ${receiver}${after}` : `with ${receiver}${after}` };
}

/** The object of a one-item Python `with` statement (`with self._lock:`, `with lock as held:`), if the line is one. */
export function withItem(line: string): string | undefined {
  const m = /^\s*with\s+(.+?)(?:\s+as\s+[A-Za-z_]\w*)?\s*:\s*(?:#.*)?$/.exec(line);
  if (!m || !/^[A-Za-z_][\w.]*(?:\[[^\],]*\])*(?:\.[A-Za-z_]\w*)*$/.test(m[1])) return undefined;
  return m[1];
}

/**
 * The expression before `.method(` on a line, nearest to `column` when the line calls the method
 * more than once: identifiers, `this`, `#private`, `.`/`?.` and balanced `[…]`, nothing else.
 */
export function receiverOf(line: string, method: string, column: number): string | undefined {
  const call = new RegExp(`(\\?\\.|\\.)\\s*${method.replace(/\$/g, '\\$')}\\s*\\(`, 'g');
  let best: { at: number; distance: number } | undefined;
  for (let m = call.exec(line); m !== null; m = call.exec(line)) {
    const distance = Math.abs(m.index + m[1].length - column);
    if (!best || distance < best.distance) best = { at: m.index, distance };
  }
  if (!best) return undefined;
  let i = best.at;
  let depth = 0;
  while (i > 0) {
    const c = line[i - 1];
    if (depth > 0) {
      if (c === ']') depth++;
      else if (c === '[') depth--;
      i--;
      continue;
    }
    if (c === ']') {
      depth = 1;
      i--;
    } else if (/[\w$#.?]/.test(c)) {
      i--;
    } else break;
  }
  const receiver = line.slice(i, best.at).replace(/^[.?]+/, '');
  return /^[A-Za-z_$#]/.test(receiver) && depth === 0 ? receiver : undefined;
}
