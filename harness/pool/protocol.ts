/**
 * The two messages a worker and the parent exchange around each job, besides tinypool's own:
 * the worker says it took the job (with its pid), and waits for the parent's go-ahead. So the
 * parent watches the right process, and starts the wall clock, before any learner code runs.
 */

export interface StartedMessage {
  interleave: 'started';
  pid: number;
}

export interface GoMessage {
  interleave: 'go';
}

export function isStarted(message: unknown): message is StartedMessage {
  const m = message as StartedMessage | null;
  return typeof m === 'object' && m !== null && m.interleave === 'started' && Number.isInteger(m.pid);
}

export function isGo(message: unknown): message is GoMessage {
  const m = message as GoMessage | null;
  return typeof m === 'object' && m !== null && m.interleave === 'go';
}
