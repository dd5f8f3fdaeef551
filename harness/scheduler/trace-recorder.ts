/**
 * The trace of a run, recorded while the judge explains a failure: one row per thing a thread
 * did, at the step it happened, with the learner's line and the primitive it touched. A window
 * keeps a long run's beginning and end only (a livelock's replay would otherwise capture a stack
 * at every one of its many steps).
 */
import { traceGap, type SourceSite, type TraceStep } from '../model/result';

/** Rows kept at most, whatever the window. */
const MAX_TRACE = 20_000;

export class TraceRecorder {
  readonly rows: TraceStep[] = [];
  /** Rows left out between the window's head and tail, told in one row when the tail starts. */
  private untraced = 0;
  private readonly ids = new WeakMap<object, number>();
  private objects = 0;

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
