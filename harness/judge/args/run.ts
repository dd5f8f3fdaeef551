/**
 * What the arguments of one run share: the position of each emit in the output, how often each
 * callback was called, and the harness services (one per run, whichever thread asks first).
 */
import type { Runtime } from '../../scheduler/runtime';
import type { Thread } from '../../scheduler/thread';

export class RunArgs {
  private emitted = 0;
  /** A counter per callback, changed in place (one map lookup an emit). */
  private readonly perCallback = new Map<string, { n: number }>();
  private readonly services = new Map<string, unknown>();
  private readonly listeners: Array<(callback: string, count: number) => void> = [];

  constructor(readonly rt: Runtime) {}

  /** The run's service called `key`, made on first use. */
  shared<T>(key: string, make: () => T): T {
    if (!this.services.has(key)) this.services.set(key, make());
    return this.services.get(key) as T;
  }

  /** How many times `callback` was called in this run. */
  calls(callback: string): number {
    return this.perCallback.get(callback)?.n ?? 0;
  }

  /** Is told after every emit (a service that waits for the n-th message). */
  onEmit(listener: (callback: string, count: number) => void): void {
    this.listeners.push(listener);
  }

  /** Records what a thread printed (or asked of a service) for the checker, in output order. */
  emit(thread: Thread, callback: string, value: string): void {
    this.emitter(callback)(thread, value);
  }

  /**
   * `emit` for one callback, its counter found once: an owned function emits through one (a map
   * lookup a print showed in profiles).
   */
  emitter(callback: string): (thread: Thread, value: string) => void {
    let counter = this.perCallback.get(callback);
    if (counter === undefined) this.perCallback.set(callback, (counter = { n: 0 }));
    const c = counter;
    return (thread, value) => this.record(thread, callback, value, ++c.n);
  }

  private record(thread: Thread, callback: string, value: string, count: number): void {
    this.rt.event({ kind: 'emit', thread: thread.index, callback, value, step: this.rt.steps, index: this.emitted++ });
    const listeners = this.listeners;
    for (let i = 0; i < listeners.length; i++) listeners[i](callback, count);
  }
}
