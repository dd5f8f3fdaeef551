/**
 * Names the primitives of a failing run the way the learner wrote them: `Event.wait()` at a line
 * that reads `await this.fooReady.wait();` becomes `this.fooReady.wait()`. The name is the
 * receiver of the call at the row's source position; where the source does not show one (a
 * helper that takes the object as an argument), the row keeps the type's name.
 */
import type { BlockedThread, SourceSite, TraceStep } from '../model/result';
import { pythonName } from '../loader/python/names';
import { CallOrder } from './call-order';

/** The source text of a learner file by its base name, when the judge has it. */
export type SourceLines = (file: string) => readonly string[] | undefined;

/** Fills in `name` and rewrites `Type.method(…)` to `receiver.method(…)` where the source shows the receiver. */
export function nameObjects(
  trace: TraceStep[],
  blocked: BlockedThread[] | undefined,
  lines: SourceLines,
  parts: ReadonlyMap<number, string> = new Map(),
): void {
  const order = new CallOrder();
  const types = new Map<number, string>();
  const named: Array<{ object: number; receiver: string; set: (tag: string) => void }> = [];
  for (const row of trace) {
    const site = row.site;
    if (!site) continue;
    const text = site.file.endsWith('.py') ? pythonSpelling(row.text) : row.text;
    if (row.object === undefined) {
      row.text = text;
      continue;
    }
    // Without a column (Python's sites), which call of the line this row is, by the order of calls.
    const call = CALL.exec(text);
    const method = call?.[3];
    if (call) types.set(row.object, call[2]);
    const nth = site.column === undefined && method !== undefined ? order.nth({ ...row, object: row.object, site }, method) : undefined;
    const got = rename(text, site, lines, nth, parts.get(row.object));
    if (got.receiver) {
      row.name = got.receiver;
      named.push({ object: row.object, receiver: got.receiver, set: (tag) => (row.text = tagReceiver(row.text, got.receiver!, tag)) });
    }
    row.text = got.text;
  }
  for (const b of blocked ?? []) {
    if (!b.site) continue;
    const text = b.site.file.endsWith('.py') ? pythonSpelling(b.waitsIn) : b.waitsIn;
    const nth = b.site.column === undefined && b.object !== undefined ? order.lastAt(b.object, b.site.line) : undefined;
    const got = rename(text, b.site, lines, nth, b.object === undefined ? undefined : parts.get(b.object));
    b.waitsIn = got.text;
    if (got.receiver && b.object !== undefined) named.push({ object: b.object, receiver: got.receiver, set: (tag) => (b.waitsIn = tagReceiver(b.waitsIn, got.receiver!, tag)) });
  }
  tellApart(named, types);
}

/**
 * Where one name stands for two objects (`a` in a helper called with either lock) or one object
 * goes by two names (`left` in one philosopher, `right` in the next), each such row says which
 * object it is, by the run's number for it: `a.acquire() [Lock #2]`.
 */
function tellApart(named: ReadonlyArray<{ object: number; receiver: string; set: (tag: string) => void }>, types: ReadonlyMap<number, string>): void {
  // By name and type: `with self.cond` takes the Condition's lock, `self.cond.notify()` is the
  // Condition's own; one name for both is how the learner wrote it, not two things to tell apart.
  const objectsOf = new Map<string, Set<number>>();
  const namesOf = new Map<number, Set<string>>();
  const key = (n: { object: number; receiver: string }): string => `${n.receiver}\u0000${types.get(n.object) ?? ''}`;
  for (const n of named) {
    (objectsOf.get(key(n)) ?? objectsOf.set(key(n), new Set()).get(key(n))!).add(n.object);
    (namesOf.get(n.object) ?? namesOf.set(n.object, new Set()).get(n.object)!).add(n.receiver);
  }
  for (const n of named) {
    if (objectsOf.get(key(n))!.size > 1 || namesOf.get(n.object)!.size > 1) n.set(`${types.get(n.object) ?? 'object'} #${n.object}`);
  }
}

/** `left.acquire() → acquired` with the tag `Lock #2`: `left.acquire() [Lock #2] → acquired`. */
function tagReceiver(text: string, receiver: string, tag: string): string {
  const at = receiverAt(text, receiver);
  if (at < 0) return text;
  // After the call's closing parenthesis (or the `with` item), before any outcome.
  const rest = text.slice(at + receiver.length);
  const call = /^\.[\w$#]+\([^)]*\)/.exec(rest);
  const end = at + receiver.length + (call ? call[0].length : 0);
  return `${text.slice(0, end)} [${tag}]${text.slice(end)}`;
}

/**
 * Where `receiver` stands as a name of its own in `text`: not inside a longer word (the `t` of
 * `t.join()` is not the one in `waits`, which gave `wait [Thread #2]s in t.join()`); -1 if nowhere.
 */
function receiverAt(text: string, receiver: string): number {
  const ident = /[\w$]/;
  for (let at = text.indexOf(receiver); at >= 0; at = text.indexOf(receiver, at + 1)) {
    const before = at === 0 ? '' : text[at - 1];
    const after = text[at + receiver.length] ?? '';
    if (!ident.test(before) && before !== '.' && !ident.test(after)) return at;
  }
  return -1;
}

/**
 * The methods of a library object whose parts a trace names (CPython's queue code, which a solution
 * that subclasses queue.Queue or names its internals runs): the line calls one of them on it.
 */
const PART_HOLDER_METHODS = ['put', 'get', 'put_nowait', 'get_nowait', 'join', 'task_done', 'qsize', 'empty', 'full'];

/**
 * `Lock.acquire()` on a queue's `mutex`, at a line that reads `self.buffer.put(message)`, is
 * `self.buffer.mutex.acquire()`: the part through the object the line calls (or the part alone).
 */
function namePart(text: string, call: RegExpExecArray, line: string, part: string): { receiver: string; text: string } {
  let holder: string | undefined;
  for (const method of PART_HOLDER_METHODS) {
    holder = receiverOf(line, method, 0);
    if (holder) break;
  }
  const receiver = holder ? `${holder}.${part}` : part;
  return { receiver, text: call[1] + receiver + text.slice(call[1].length + call[2].length) };
}

/** `Type.method(` at the start of a row's text (after `waits in ` on a block row). */
const CALL = /^((?:waits in )?)([A-Z][A-Za-z]*)\.([A-Za-z_$][\w$]*)\(/;

/**
 * For each blocked thread, the last rows that operated on the object it waits on: the last touch,
 * and the last by another thread when someone else touched it last (a `clear` that erased a `set`),
 * or the `set` a last `clear` erased, by whichever thread.
 * Who set, cleared or released it last is what a deadlock's reader is looking for.
 */
export function lastTouches(trace: readonly TraceStep[], blocked: BlockedThread[] | undefined, threads: readonly string[]): void {
  for (const b of blocked ?? []) {
    if (b.object === undefined) continue;
    const touches: NonNullable<BlockedThread['lastTouches']> = [];
    for (let i = trace.length - 1; i >= 0 && touches.length < 2; i--) {
      const row = trace[i];
      // A wait changes nothing another thread waits for: what counts is who set, cleared, released,
      // notified, or took it (a lock taken after waiting for it: the wake-up is the taking).
      if (row.object !== b.object || row.kind === 'block' || row.kind === 'ready' || row.kind === 'stalled' || /\.wait(For|_for)?\(/.test(row.text)) continue;
      const thread = threads[row.thread] ?? '?';
      // Before that: the last touch by another thread, or the set a clear erased, whoever set it.
      if (touches.length === 1 && touches[0].thread === thread && !(/\.clear\(\)/.test(touches[0].text) && /\.set\(\)/.test(row.text))) continue;
      touches.push({ thread, text: row.text + stillHeld(trace, i, row), step: row.step, ...(row.site && { site: row.site }) });
    }
    if (touches.length > 0) b.lastTouches = touches;
  }
}

/**
 * A lock taken by a thread whose method then returned without letting it go: `, then carArrived()
 * returned at step 5, still holding it` (what a deadlock's reader needs: nobody will release it).
 */
function stillHeld(trace: readonly TraceStep[], at: number, taken: TraceStep): string {
  if (!/→ acquired\b/.test(taken.text)) return '';
  for (let i = at + 1; i < trace.length; i++) {
    const row = trace[i];
    if (row.thread !== taken.thread) continue;
    if (row.object === taken.object) return '';
    if (row.kind === 'return') return `, then ${row.text.replace(/ returned\b.*$/, ' returned')} at step ${row.step}, still holding it`;
  }
  return '';
}

/**
 * `Event.wait() → set` with the receiver `this.fooReady` is `this.fooReady.wait() → set`; a row
 * of a Python file is in Python's spelling even where the source shows no receiver.
 */
function rename(text: string, site: SourceSite, lines: SourceLines, nth?: number, part?: string): { receiver?: string; text: string } {
  const m = CALL.exec(text);
  if (!m) return { text };
  const line = lines(site.file)?.[site.line - 1];
  if (line === undefined) return { text };
  const column = (site.column ?? 1) - 1;
  const receiver = receiverOf(line, m[3], column, nth);
  if (receiver) return { receiver, text: m[1] + receiver + text.slice(m[1].length + m[2].length) };
  // Python's `cond.wait_for(predicate)` waits with `wait()`, as CPython's does.
  const waitsFor = m[3] === 'wait' && site.file.endsWith('.py') ? receiverOf(line, 'wait_for', column, nth) : undefined;
  if (waitsFor) return { receiver: waitsFor, text: `${m[1]}${waitsFor}.wait_for(…)${text.slice(m[0].length).replace(/^[^)]*\)/, '')}` };
  return withStatement(text, m, line, nth ?? 0) ?? (part === undefined ? { text } : namePart(text, m, line, part));
}

/**
 * A row of a Python file in Python's words: the judge's `Condition.notifyAll()` is what the
 * learner wrote as `notify_all()`, its `acquire(blocking: false)` their `acquire(blocking=False)`.
 */
export function pythonSpelling(text: string): string {
  return text
    .replace(/^((?:waits in )?[A-Z][A-Za-z]*\.)([a-z]+[A-Z][A-Za-z]*)\(/, (_, head: string, method: string) => `${head}${pythonName(method)}(`)
    .replace(/\(blocking: false\)/, '(blocking=False)')
    // Python sleeps in seconds; the judge counts milliseconds (`time.sleep(0)` is its yield).
    .replace(/^((?:waits in )?)sleep\(([\d.e+-]+)\)/, (_, head: string, ms: string) => `${head}${pythonSleep(ms)}`)
    .replace(/^yieldThread\(\)/, pythonSleep('0'))
    .replace(/→ threw (QueueEmpty|QueueFull|BrokenBarrierError)\b.*$/, (_, name: string) => `→ raised ${PYTHON_EXCEPTIONS[name]}`)
    .replace(/→ (.*)$/, (all, value: string) => `→ ${pythonValue(value)}`);
}

/** The judge's `sleep(ms)` as a Python solution wrote it, in seconds (`time.sleep(0)` is its yield). */
export function pythonSleep(ms: string): string {
  return `time.sleep(${Number((Number(ms) / 1000).toPrecision(12))})`;
}

/** JavaScript's words for Python's values, where the whole result is one. */
const PYTHON_CONSTANTS: Record<string, string> = { null: 'None', undefined: 'None', true: 'True', false: 'False' };

/**
 * A result as Python shows it: `None` (not `null`), and an object that crossed from Python as a
 * handle (a tuple, a function put in a queue: interleave_bridge.py's `handle`) as its `repr`, not
 * the judge's `{"h":1,"r":"('m', 1)"}`.
 */
function pythonValue(value: string): string {
  const constant = PYTHON_CONSTANTS[value];
  if (constant !== undefined) return constant;
  return value.replace(/\{"h":\d+,"r":("(?:[^"\\]|\\.)*")\}/g, (all, repr: string) => {
    try {
      return JSON.parse(repr) as string;
    } catch {
      return all;
    }
  });
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
 * released`) rather than naming the lock a Condition holds inside. In `with a, b:` the row's
 * call (`nth`, see call-order.ts) tells which item it is about.
 */
function withStatement(text: string, call: RegExpExecArray, line: string, nth: number): { receiver: string; text: string } | undefined {
  const [head, waits, , method] = call;
  if (method !== 'acquire' && method !== 'release') return undefined;
  const items = withItems(line);
  const receiver = items?.[nth] ?? (items?.length === 1 ? items[0] : undefined);
  if (!receiver) return undefined;
  const after = text.slice(head.length).replace(/^[^)]*\)/, '');
  if (method === 'release') return { receiver, text: `end of with ${receiver}${after}` };
  return { receiver, text: waits ? `waits to enter with ${receiver}${after}` : `with ${receiver}${after}` };
}

/**
 * The objects of a Python `with` statement, in order (`with self._lock:`, `with a, b as held:`),
 * if the line is one whose items are plain names, attributes and subscripts.
 */
export function withItems(line: string): string[] | undefined {
  const m = /^\s*with\s+(.+?)\s*:\s*(?:#.*)?$/.exec(line);
  if (!m) return undefined;
  const items = m[1].split(/\s*,\s*(?![^[]*\])/).map((item) => item.replace(/\s+as\s+[A-Za-z_]\w*$/, ''));
  return items.every((item) => /^[A-Za-z_][\w.]*(?:\[[^\],]*\])*(?:\.[A-Za-z_]\w*)*$/.test(item)) ? items : undefined;
}

/**
 * The expression before `.method(` on a line, nearest to `column` when the line calls the method
 * more than once (or the `nth` call, where that is known instead): identifiers, `this`,
 * `#private`, `.`/`?.` and balanced `[…]`, nothing else.
 */
export function receiverOf(line: string, method: string, column: number, nth?: number): string | undefined {
  const call = new RegExp(`(\\?\\.|\\.)\\s*${method.replace(/\$/g, '\\$')}\\s*\\(`, 'g');
  let best: { at: number; distance: number } | undefined;
  let k = 0;
  for (let m = call.exec(line); m !== null; m = call.exec(line), k++) {
    const distance = nth === undefined ? Math.abs(m.index + m[1].length - column) : Math.abs(k - nth);
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
