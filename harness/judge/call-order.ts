/**
 * Which call on its line a trace row is about, where the row's site has a line but no column (a
 * Python file's): `l.acquire(); r.acquire()` makes two rows at one line, the first about `l` and
 * the second about `r`. Going through one thread's rows in order, each new object a method is
 * called on at the line is the next call of that method there; an object seen again starts the
 * line over (a loop's next round); a wake-up is the call its block was; a release at a line that
 * acquired (a `with a, b:`) is the call that acquired the same object.
 */
import type { TraceStep } from '../model/result';

interface Visit {
  line: number;
  /** The objects each method was called on, in order, in this visit of the line. */
  seen: Map<string, number[]>;
}

export class CallOrder {
  private readonly visits = new Map<number, Visit>();
  /** `${thread}:${object}` → the call its block row was, for the wake-up that follows. */
  private readonly blocked = new Map<string, number>();
  /** `${thread}:${line}:${object}` → the call that acquired it at that line. */
  private readonly acquired = new Map<string, number>();
  /** `${object}@${line}` → the call last given, for the blocked-threads list. */
  private readonly last = new Map<string, number>();

  /** The 0-based call of `method` at the row's line that the row is about. */
  nth(row: TraceStep & { object: number; site: { line: number } }, method: string): number {
    const line = row.site.line;
    const key = `${row.thread}:${row.object}`;
    let nth: number | undefined = row.kind === 'wake' ? this.blocked.get(key) : undefined;
    if (nth === undefined && method === 'release') nth = this.acquired.get(`${row.thread}:${line}:${row.object}`);
    if (nth === undefined) nth = this.next(row.thread, line, method, row.object);
    if (row.kind === 'block') this.blocked.set(key, nth);
    if (method === 'acquire') this.acquired.set(`${row.thread}:${line}:${row.object}`, nth);
    this.last.set(`${row.object}@${line}`, nth);
    return nth;
  }

  /** The call last given for `object` at `line` (a blocked thread's wait is its last row there). */
  lastAt(object: number, line: number): number | undefined {
    return this.last.get(`${object}@${line}`);
  }

  private next(thread: number, line: number, method: string, object: number): number {
    let visit = this.visits.get(thread);
    if (visit === undefined || visit.line !== line) {
      visit = { line, seen: new Map() };
      this.visits.set(thread, visit);
    }
    let objects = visit.seen.get(method);
    if (objects?.includes(object)) {
      visit.seen = new Map();
      objects = undefined;
    }
    if (objects === undefined) visit.seen.set(method, (objects = []));
    objects.push(object);
    return objects.length - 1;
  }
}
