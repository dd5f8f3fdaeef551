/**
 * The trace of a run, recorded while the judge explains a failure: one row per thing a thread
 * did, at the step it happened, with the learner's line and the primitive it touched. A window
 * keeps a long run's beginning and end only (a livelock's replay would otherwise capture a stack
 * at every one of its many steps).
 */
import { traceGap, type SourceSite, type TraceStep } from '../model/result';

/** Rows kept at most, whatever the window. */
const MAX_TRACE = 20_000;

/**
 * Primitives that are parts of a library object the learner used, by the name the library gives
 * them (a CPython queue's `mutex`, `not_full`): the learner's line shows the library call, not the
 * part, so a trace names the part through the object it belongs to (judge/object-names.ts).
 */
const partNames = new WeakMap<object, string>();

/** Marks `target` as the part `name` of a library object (see partNames). */
export function nameAsPart(target: object, name: string): void {
  partNames.set(target, name);
}

export class TraceRecorder {
  readonly rows: TraceStep[] = [];
  /** Rows left out between the window's head and tail, told in one row when the tail starts. */
  private untraced = 0;
  private readonly ids = new WeakMap<object, number>();
  private objects = 0;
  /** The part names of the objects the trace met, by their number (see nameAsPart). */
  readonly parts = new Map<number, string>();

  constructor(private readonly window?: { head: number; tailFrom: number }) {}

  /** Is `step` inside the window (so worth a stack capture for its line)? */
  inWindow(step: number): boolean {
    const w = this.window;
    return w === undefined || step <= w.head || step >= w.tailFrom;
  }

  /** The run's number for a primitive: 1, 2, … in the order the trace first meets them. */
  objectId(target: object): number {
    let id = this.ids.get(target);
    if (id === undefined) {
      id = ++this.objects;
      this.ids.set(target, id);
      const part = partNames.get(target);
      if (part !== undefined) this.parts.set(id, part);
    }
    return id;
  }

  record(step: number, thread: number, kind: TraceStep['kind'], text: string, site: SourceSite | undefined, target: object | undefined, time: number): void {
    if (this.rows.length >= MAX_TRACE) return;
    if (!this.inWindow(step)) {
      this.untraced++;
      return;
    }
    if (this.untraced > 0) {
      this.rows.push(traceGap(step, this.untraced));
      this.untraced = 0;
    }
    const row: TraceStep = { step, thread, kind, text };
    if (site) row.site = site;
    if (target !== undefined) row.object = this.objectId(target);
    if (time > 0) row.time = time;
    this.rows.push(row);
  }
}
