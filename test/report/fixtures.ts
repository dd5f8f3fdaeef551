/**
 * A small graded class for the reporter tests: an accepted student, a wrong answer with a trace,
 * a deadlock with blocked threads, a run-time error with a stack, a compile error, and a student
 * whose name and output try to break CSV, XML and HTML. Typed, so the compiler checks it
 * against the results model.
 */
import type { CaseResult, Exploration, Failure, ProblemResult, TraceStep, Verdict } from '../../harness/model/result';
import type { ClassResults, ProblemInfo, StudentResult } from '../../harness/model/class-results';

export const problems: ProblemInfo[] = [
  { id: 'print-in-order', title: 'Print in Order', className: 'Foo', maxScore: 10 },
  { id: 'foobar', title: 'Print FooBar Alternately', className: 'FooBar', maxScore: 10 },
  { id: 'pipeline', title: 'Producer/Consumer Pipeline', className: 'Pipeline', maxScore: 20 },
];

/** Deterministic per-schedule samples: a skewed spread like real runs (most fast, a few slow). */
function explored(schedules: number, steps: number, strategies = ['random', 'pct'], busyWaiting = false): Exploration {
  const n = Math.min(schedules, 24);
  const runSteps = Array.from({ length: n }, (_, i) => Math.round(steps / schedules + ((i * 7) % 11) - 5 + (i % 5 === 0 ? 9 : 0)));
  return {
    startOrders: 6,
    schedules,
    steps,
    strategies,
    runMs: runSteps.map((s, i) => Math.round((s * 0.004 + (i % 3) * 0.01) * 1000) / 1000),
    runSteps,
    busyWaiting,
  };
}

function passed(name: string, points: number, timeMs: number, ex = explored(600, 14_400)): CaseResult {
  return { name, verdict: 'AC', points, maxPoints: points, timeMs, explored: ex };
}

function failedCase(name: string, maxPoints: number, timeMs: number, failure: Failure, ex = explored(120, 2_880)): CaseResult {
  return { name, verdict: failure.verdict, points: 0, maxPoints, timeMs, explored: ex, failure };
}

function problem(id: string, file: string, verdict: Verdict, cases: CaseResult[], extra: Partial<ProblemResult> = {}): ProblemResult {
  const score = cases.reduce((a, c) => a + c.points, 0);
  const maxScore = problems.find((p) => p.id === id)!.maxScore;
  const timeMs = cases.reduce((a, c) => a + c.timeMs, 0);
  const replay = cases.find((c) => c.failure)?.failure?.replay;
  return { problem: id, file, verdict, score, maxScore, seed: 42, timeMs, cases, ...(replay ? { replay } : {}), ...extra };
}

function student(name: string, results: ProblemResult[], ignored: string[] = []): StudentResult {
  const score = results.reduce((a, r) => a + r.score, 0);
  return { student: name, problems: results, ignored, score, maxScore: 40 };
}

const step = (n: number, thread: number, kind: TraceStep['kind'], text: string, line?: number, file = 'Foo.ts'): TraceStep =>
  line === undefined ? { step: n, thread, kind, text } : { step: n, thread, kind, text, site: { file, line } };

/** ben's Foo waits for `second` with a one-shot sleep instead of an Event: third overtakes it. */
export const waFailure: Failure = {
  verdict: 'WA',
  message: 'printed "third" before "second"',
  expected: 'firstsecondthird',
  actual: 'firstthirdsecond',
  threads: ['first', 'second', 'third'],
  startOrder: ['third', 'second', 'first'],
  trace: [
    step(1, 2, 'start', 'start'),
    step(2, 2, 'block', 'firstDone.wait() → blocks', 19),
    step(3, 1, 'start', 'start'),
    step(4, 1, 'op', 'sleep(1) → pauses', 13),
    step(5, 0, 'start', 'start'),
    step(6, 0, 'emit', 'printFirst() → "first"', 8),
    step(7, 0, 'op', 'firstDone.set() → wakes third', 9),
    step(8, 0, 'end', 'returns'),
    step(9, 2, 'wake', 'firstDone.wait() → woken', 19),
    step(10, 2, 'emit', 'printThird() → "third"', 20),
    step(11, 2, 'end', 'returns'),
    step(12, 1, 'emit', 'printSecond() → "second"', 14),
    step(13, 1, 'end', 'returns'),
  ],
  steps: 13,
  notes: ['second() relies on sleep(1) to wait for first(): sleeping orders nothing under the judge.'],
  replay: 'v1.pio.AAEC.kx3Q',
  reproduced: true,
  strategy: 'pct',
  schedulesToFailure: 3,
};

/** cleo's FooBar sets bar's turn before clearing its own: bar runs in between and a set is lost. */
export const dlFailure: Failure = {
  verdict: 'DL',
  message: 'deadlock: foo and bar both wait on an Event nobody will set',
  expected: 'foobarfoobar',
  actual: 'foobar',
  threads: ['foo', 'bar'],
  startOrder: ['foo', 'bar'],
  trace: [
    step(1, 0, 'start', 'start'),
    step(2, 1, 'start', 'start'),
    step(3, 0, 'op', 'fooTurn.wait() → set, returns', 12, 'FooBar.ts'),
    step(4, 0, 'emit', 'printFoo() → "foo"', 13, 'FooBar.ts'),
    step(5, 0, 'op', 'barTurn.set()', 14, 'FooBar.ts'),
    step(6, 1, 'op', 'barTurn.wait() → set, returns', 21, 'FooBar.ts'),
    step(7, 1, 'emit', 'printBar() → "bar"', 22, 'FooBar.ts'),
    step(8, 1, 'op', 'fooTurn.set()', 23, 'FooBar.ts'),
    step(9, 1, 'op', 'barTurn.clear()', 24, 'FooBar.ts'),
    step(10, 0, 'op', 'fooTurn.clear()', 15, 'FooBar.ts'),
    step(11, 0, 'block', 'fooTurn.wait() → blocks', 12, 'FooBar.ts'),
    step(12, 1, 'block', 'barTurn.wait() → blocks', 21, 'FooBar.ts'),
  ],
  steps: 12,
  blocked: [
    { thread: 'foo', waitsIn: 'Event.wait() on fooTurn', site: { file: 'FooBar.ts', line: 12 } },
    { thread: 'bar', waitsIn: 'Event.wait() on barTurn', site: { file: 'FooBar.ts', line: 21 } },
  ],
  notes: ['bar ran between foo\'s barTurn.set() (line 14) and fooTurn.clear() (line 15): clear your own turn before handing over.'],
  replay: 'v1.foobar.AQEAAQ.7Hc2',
  reproduced: true,
  strategy: 'random',
  schedulesToFailure: 41,
};

/** dev's Pipeline releases a lock it never took on the empty path. */
export const rteFailure: Failure = {
  verdict: 'RTE',
  message: 'Lock.release() on an unlocked Lock',
  threads: ['producer-1', 'consumer-1', 'consumer-2'],
  startOrder: ['consumer-1', 'producer-1', 'consumer-2'],
  trace: [
    step(1, 1, 'start', 'start'),
    step(2, 1, 'call', 'getMessage()', 27, 'Pipeline.ts'),
    step(3, 1, 'op', 'Lock.acquire() → acquired', 28, 'Pipeline.ts'),
    step(4, 0, 'start', 'start'),
    step(5, 0, 'call', 'setMessage("m0")', 15, 'Pipeline.ts'),
    step(6, 0, 'block', 'Lock.acquire() → blocks', 16, 'Pipeline.ts'),
    step(7, 1, 'op', 'Lock.release()', 31, 'Pipeline.ts'),
    step(8, 0, 'wake', 'Lock.acquire() → acquired', 16, 'Pipeline.ts'),
    step(9, 2, 'start', 'start'),
    step(10, 2, 'call', 'getMessage()', 27, 'Pipeline.ts'),
    step(11, 2, 'throw', 'Lock.release() → throws RuntimeError', 33, 'Pipeline.ts'),
  ],
  steps: 11,
  stack: 'RuntimeError: Lock.release() on an unlocked Lock\n    at Pipeline.getMessage (Pipeline.ts:33:22)\n    at consumer-2 (harness)',
  notes: [],
  replay: 'v1.pipeline.AgEC.ZZ0p',
  reproduced: true,
  strategy: 'pct',
  schedulesToFailure: 7,
};

/** Output with markup, a quote, a newline and a control character: every format must escape it. */
export const hostileFailure: Failure = {
  verdict: 'WA',
  message: 'printed "<b>foo</b>" & then "bar"',
  expected: 'foobar',
  actual: '<b>foo</b>\n\u0007bar',
  threads: ['foo', 'bar'],
  startOrder: ['bar', 'foo'],
  trace: [step(1, 0, 'emit', 'printFoo() → "<b>foo</b>"', 3, 'FooBar.js'), step(2, 1, 'emit', 'printBar() → "\u0007bar"', 7, 'FooBar.js')],
  steps: 2,
  notes: ['</script><script>alert(1)</script>'],
  replay: "v1.foobar.it's$HOME",
  reproduced: false,
  strategy: 'random',
  schedulesToFailure: 1,
};

export const classResults: ClassResults = {
  version: 1,
  generatedAt: '2025-03-14T09:26:53.000Z',
  seed: 42,
  problems,
  run: { durationMs: 48_210, workers: 2, judgeVersion: '0.1.0' },
  students: [
    student('ada', [
      problem('print-in-order', 'submissions/ada/Foo.ts', 'AC', [passed('one round', 4, 210), passed('all start orders', 6, 380)]),
      problem('foobar', 'submissions/ada/FooBar.ts', 'AC', [passed('n=1', 2, 95), passed('n=3', 4, 240), passed('n=10', 4, 910)]),
      problem('pipeline', 'submissions/ada/Pipeline.ts', 'AC', [passed('1 producer, 1 consumer', 8, 520), passed('3 producers, 2 consumers', 12, 1_940)]),
    ]),
    student('ben', [
      problem('print-in-order', 'submissions/ben/Foo.ts', 'WA', [passed('one round', 4, 190), failedCase('all start orders', 6, 75, waFailure)]),
      problem('foobar', 'submissions/ben/FooBar.ts', 'AC', [passed('n=1', 2, 101), passed('n=3', 4, 233), passed('n=10', 4, 870)]),
    ]),
    student('cleo', [
      problem('print-in-order', 'submissions/cleo/Foo.ts', 'AC', [passed('one round', 4, 205), passed('all start orders', 6, 365)]),
      problem('foobar', 'submissions/cleo/FooBar.ts', 'DL', [passed('n=1', 2, 99), failedCase('n=3', 4, 160, dlFailure), failedCase('n=10', 4, 120, { ...dlFailure, replay: 'v1.foobar.AQEBAQ.9Qa1', schedulesToFailure: 12 })]),
    ], ['notes.txt']),
    student('dev', [
      problem('pipeline', 'submissions/dev/Pipeline.ts', 'RTE', [passed('1 producer, 1 consumer', 8, 480), failedCase('3 producers, 2 consumers', 12, 66, rteFailure)]),
    ]),
    student('eve', [
      problem('foobar', 'submissions/eve/FooBar.ts', 'CE', [], {
        error: {
          message: "';' expected",
          site: { file: 'submissions/eve/FooBar.ts', line: 12, column: 19 },
          frame: "  11 |   async foo(printFoo: () => void) {\n> 12 |     await this.lock.acquire()\n     |                   ^\n  13 |     printFoo()",
        },
      }),
    ]),
    student('=HYPERLINK("http://x")', [
      problem('foobar', 'submissions/=HYPERLINK("http://x")/FooBar.js', 'WA', [failedCase('n=1', 2, 12, hostileFailure, explored(1, 2)), failedCase('n=3', 4, 9, { ...hostileFailure, replay: 'v1.foobar.2' }, explored(1, 2))]),
    ]),
  ],
};
