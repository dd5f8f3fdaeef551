/**
 * Every sentence the scheduler writes for a person, in one place: why a run stopped (deadlock,
 * livelock, an endless loop, a failure nobody awaited) and the notes it makes on the way (a
 * missing `await`, work left running). The kernel decides with data and asks here for the words;
 * nothing in this file decides anything.
 */
import type { SourceSite } from '../model/result';

/** `File.ts:12`. */
function at(site: SourceSite): string {
  return `${site.file}:${site.line}`;
}

/** ` at File.ts:12`, or nothing where the line is not known. */
export function atSite(site: SourceSite | undefined): string {
  return site ? ` at ${at(site)}` : '';
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A thread past the most a run may start (sync/threads.ts), in CPython's words. */
export function tooManyThreadsMessage(what: string, max: number): string {
  return `${what}: can't start new thread: a run may start at most ${count(max)} threads; reuse threads (a pool of workers) instead of starting one per task`;
}

export function deadlockMessage(blocked: readonly string[]): string {
  return `deadlock: ${blocked.join(', ')} ${blocked.length === 1 ? 'is' : 'are'} blocked and no thread can proceed`;
}

/** A thread that kept running when the step budget ran out, and where. */
export interface Spinner {
  thread: string;
  /** What it was about to do: `yieldThread()`, `await`. */
  at: string;
  site?: SourceSite;
  /** The loop it went round, when its step has no line of its own (`await null`). */
  loop?: SourceSite;
  /** It was ready from the start but never given a turn (the others kept running). */
  neverRan?: boolean;
}

/**
 * Why nothing could end the spinning: an await that is not a yield, a loop of operations that
 * never block (a free lock taken and released), time that passes without bringing what they wait
 * for, or nothing pending at all.
 */
export type SpinCause = 'not-a-yield' | 'never-blocks' | 'time-passes' | 'nothing-pending';

/** The step budget ran out: who spins, on what, and whether anything could have changed it. */
export function livelockMessage(
  budget: number,
  spinners: readonly Spinner[],
  cause: SpinCause,
  waiting: ReadonlyArray<{ thread: string; waitsIn: string; site?: SourceSite }> = [],
): string {
  const head = `the run took more than ${count(budget)} scheduling steps without finishing`;
  // With no thread runnable, only time kept passing (an interval that never ends, say).
  if (spinners.length === 0) return `${head}: no thread could run, and time kept passing (a timer or interval that never ends)`;
  const running = spinners.filter((s) => !s.neverRan);
  const idle = spinners.filter((s) => s.neverRan).map((s) => s.thread);
  const shown = running.length > 0 ? running : spinners;
  const on = shown.map((s) => `${s.thread} at ${s.at}${s.site ? `, ${at(s.site)}` : s.loop ? `, in the loop at ${at(s.loop)}` : ''}`);
  const why =
    cause === 'not-a-yield'
      ? '`await` of a value that is not a pending operation (`await null`, `await Promise.resolve()`, an already settled promise) is not a yield: nothing makes the judge run another thread or let time pass there, so a loop around it may spin for ever. Wait with an interleave/sync primitive, or `await yieldThread()` / `await sleep(…)` in the loop'
      : cause === 'never-blocks'
        ? 'every round of the loop is an operation that does not block (a free lock taken and released, an event set), so nothing makes the judge give another thread a turn: a busy wait must yield (`await yieldThread()` or `await sleep(…)`; `time.sleep(0)` in Python), or wait with a Condition or an Event for what it waits for'
        : cause === 'time-passes'
          ? 'time kept passing (a timer or interval is pending) but what they wait for never came'
          : 'they only wait for one another, and nothing else pending (no other thread, timer or timeout) can change what they wait for: a livelock';
  const others = [
    ...(running.length > 0 && idle.length > 0 ? [`${idle.join(', ')} waited for a turn that never came`] : []),
    // Those that wait on what the spinning keeps from happening (a sleep whose time never passes).
    ...waiting.map((w) => `${w.thread} waited in ${w.waitsIn}${atSite(w.site)}`),
  ];
  const meanwhile = others.length > 0 ? ` while ${others.join('; ')}` : '';
  return `${head}: ${shown.map((s) => s.thread).join(', ')} kept running (${on.join('; ')})${meanwhile}; ${why}`;
}

/**
 * Only timer callbacks kept running (an interval never cleared) while the threads waited for
 * something nothing would do: as a Node process, the run never ends.
 */
export function timersOnlyMessage(budget: number, timers: readonly string[], blocked: ReadonlyArray<{ thread: string; waitsIn: string; site?: SourceSite }>): string {
  const head = `the run took more than ${count(budget)} scheduling steps without finishing`;
  const waits = blocked.map((b) => `${b.thread} waits in ${b.waitsIn}${atSite(b.site)}`).join('; ');
  const only = `only ${[...new Set(timers)].join(', ')} kept running as time passed`;
  // Without an interval, the run set more timers than it has steps: each callback is a step.
  const intervals = timers.some((t) => /setInterval/.test(t));
  const advice = intervals
    ? 'clear the interval (clearInterval) when the work is done'
    : `each timer's callback is a step of its own, and the run set more timers than its ${count(budget)} steps allow: set fewer (one that does the work of many)`;
  return blocked.length > 0
    ? `${head}: ${waits}, and nothing will ever wake ${blocked.length === 1 ? 'it' : 'them'}; ${only}. A deadlock, kept alive by ${intervals ? 'a timer that is never cleared' : 'timers still to come'}`
    : `${head}: ${only}, and no thread has work left: ${advice}`;
}

/** A loop went round `limit` times without a switch point. */
export function endlessLoopMessage(limit: number, site: SourceSite | undefined, thread: string | undefined): string {
  return (
    `the loop${atSite(site)}${thread ? ` in thread ${thread}` : ''} went round ${count(limit)} times without reaching a switch point: ` +
    'while a loop never awaits an interleave/sync operation, no other thread can run, so what it waits for never changes. ' +
    'Wait with a primitive (Event, Condition, Semaphore…), or `await yieldThread()` in the loop'
  );
}

/**
 * One run went round the learner's loops more often than the judge allows a run (a count, so the
 * same on every machine): the code is too slow, not stuck.
 */
export function slowRunMessage(limit: number, site: SourceSite | undefined, thread: string | undefined): string {
  return (
    `one run went round the loops of your code ${count(limit)} times in all (the last one${atSite(site)}${thread ? `, in thread ${thread}` : ''}), ` +
    'the most the judge allows a run: a solution needs a few thousand. Do less work between switch points: no long computation while the others wait'
  );
}

/**
 * The runs of a file went round its loops more often, together, than the judge allows a file:
 * judging it would take longer than its time limit. Counted, so the same on every machine.
 */
export function slowFileMessage(limit: number, caseName: string, schedules: number): string {
  return (
    `Stopped in case ${caseName}, after ${count(schedules)} schedule${schedules === 1 ? '' : 's'} of it: the runs of this file had gone round its loops ${count(limit)} times, ` +
    'the most the judge allows one file (a count, not a clock, so the same on every machine). The code is slow, not stuck: ' +
    'each run does long work between switch points. Cases judged before keep their points; do less work in each call'
  );
}

/** A promise was rejected and nothing ever handled it: Node ends the process there. */
export function unhandledRejectionMessage(error: string): string {
  return `${error}: a promise was rejected and nothing handled it (no \`.catch\`, no \`await\` in a try/catch) by the time every thread waited; Node ends the process on an unhandled rejection. Handle it where the promise is made, or await it`;
}

/** A task failed and nobody awaited it: never swallowed. */
export function unobservedFailureMessage(error: string, thread: string): string {
  return `${error} (in thread ${thread})`;
}

/** The harness's calls had all returned while work they started still ran. */
export function leftRunningNote(work: ReadonlyArray<{ thread: string; site?: SourceSite }>): string {
  const where = work.map((w) => (w.site ? `${w.thread}, ${at(w.site)}` : w.thread)).join('; ');
  return `Work was still running when the last method returned (${where}): the result is read at that moment, so work left running cannot change it. Await it before the method returns.`;
}

/** A call of the learner's own async function nobody awaited. */
export function unawaitedCallNote(site: SourceSite | undefined, finished: boolean): string {
  const effect = finished ? 'it had already finished' : 'it goes on running beside the thread, which does not wait for it';
  return `A call of an async function${atSite(site)} was not awaited: ${effect}. Write \`await\` before it if the thread must wait for its work.`;
}

/**
 * An operation nobody awaited: its effect happened, its switch point was lost; or it could not
 * happen yet, and the thread went on without it (past an acquire without the lock).
 */
export function unawaitedOpNote(op: string, site: SourceSite | undefined, pending: boolean, thread: string): string {
  const held = !/\.acquire\(/.test(op) ? '' : /Semaphore/.test(op) ? ' (after an acquire, without a permit)' : ' (after an acquire, without holding the lock)';
  if (!pending) return `${op}${atSite(site)}${LOST_SWITCH_POINT}`;
  const effect = `${thread} went on without waiting for it: the code after it ran before it took effect${held}, and it takes effect later, when it can`;
  return `${op}${atSite(site)} was not awaited: ${effect}. Write \`await\` before it.`;
}

/** How a note on an operation whose effect happened, unawaited, ends (see {@link withNotesGrouped}). */
const LOST_SWITCH_POINT = ' was not awaited: its effect happened, but the switch point after it was lost. Write `await` before it.';

/**
 * A failure's notes as a student should read them: what may explain the failure first (an injected
 * spurious wake-up, an operation the thread went on without), and the operations that only lost
 * their switch point (a `release()` or `notify()` written without `await`, harmless to the
 * outcome of that run) last, in one note. One such note per call site pushed the cause to the
 * bottom of a long list.
 */
export function withNotesGrouped(notes: readonly string[]): string[] {
  const lost = notes.filter((n) => n.endsWith(LOST_SWITCH_POINT));
  const rest = notes.filter((n) => !n.endsWith(LOST_SWITCH_POINT));
  if (lost.length < 2) return [...rest, ...lost];
  const calls = lost.map((n) => n.slice(0, -LOST_SWITCH_POINT.length));
  return [...rest, `${lost.length} operations were not awaited: their effects happened, but the switch points after them were lost (${calls.join('; ')}). Write \`await\` before each.`];
}

/**
 * A call stack that ran out in learner code (`what`: the error and where), however it was met:
 * how deep a recursion gets before it does changes from run to run.
 */
export function stackOverflowMessage(what: string): string {
  return `${what}: the call stack ran out (a recursion too deep?); how deep a stack may go depends on the machine and the run, so a solution must never reach its end`;
}
