/**
 * Forged verdicts: attacks by a hostile student who knows only the statement and the public API
 * (interleave/sync and what a solution observes at run time). Each fixture is judged with the real
 * judge API, in-process (a fresh copy of the judge per attack, so one attack's patches cannot
 * reach the next) and in a real sandbox worker (SES lockdown; a fresh worker per attack), and
 * must get the verdict pinned here. DESIGN.md 2d, issue 9 item 1.
 */
import type { Verdict } from '../../harness/model/result';
import { DIST, childCall, fixture, judgeFresh, nodeJson, type Summary } from './support';

interface Attack {
  name: string;
  problem: string;
  /** The verdict it must get (a list where each is honestly right; see `why`). */
  must: Verdict | Verdict[];
  why: string;
}

/**
 * Every attack catches its own tampering, so a hardened boundary turns each into what the class
 * really does: an empty FooBar prints nothing, a wrong answer, never AC; and a learner's fault is
 * never the judge's (JE), nor a judge that crashes.
 */
const ATTACKS: Attack[] = [
  { name: 'op_silence', problem: 'foobar', must: 'WA', why: 'pokes every export, gags the failure path of whatever it reaches from returned operations; prints nothing' },
  { name: 'op_fake_output', problem: 'foobar', must: 'WA', why: 'writes the expected output into the events list it reaches from a returned operation; its callbacks are never called' },
  { name: 'callback_walk', problem: 'foobar', must: 'WA', why: 'walks the print callbacks and `arguments`, gags and stamps what it finds; prints nothing' },
  { name: 'thread_walk', problem: 'foobar', must: 'WA', why: 'walks currentThread(), enumerate(), a ThreadLocal, a Thread it starts and joins; prints nothing' },
  { name: 'error_walk', problem: 'foobar', must: 'WA', why: 'walks the errors misuse throws (release of an unlocked Lock, …), caught; prints nothing' },
  { name: 'thenable_proto', problem: 'foobar', must: 'WA', why: 'patches the prototype chain of returned thenables and gags the judge objects its patches are called with; prints nothing' },
  { name: 'sync_proto', problem: 'foobar', must: 'WA', why: 'patches every interleave/sync class prototype (Lock.prototype.release = …) to gag what passes through; prints nothing' },
  { name: 'globals_patch', problem: 'foobar', must: 'WA', why: 'patches console, Date.now, Math.random, setTimeout and walks them; prints nothing' },
  { name: 'stamp_fields', problem: 'foobar', must: 'WA', why: 'sets failed/done/verdict/events/opts/onEvent/checker/budget on everything reached; prints nothing, and must not crash the judge' },
  { name: 'executor_future', problem: 'foobar', must: 'WA', why: 'walks ThreadPoolExecutor futures, what their .then gives, map() and shutdown(); prints nothing' },
  // Where the endowed Math is frozen (a sandbox), writing the mark throws at load: RTE, its own fault too.
  { name: 'flip_flop', problem: 'foobar', must: ['WA', 'RTE'], why: 'unsynchronized until it failed once, remembered on an endowed global: the replay must not turn its WA into JE' },
  { name: 'flip_flop_any', problem: 'foobar', must: 'WA', why: 'the same, remembered on anything shared that takes a property (globals, exports, prototypes)' },
  { name: 'then_as_other_thread', problem: 'foobar', must: 'WA', why: "bar prints foo's words through a .then on foo's operation: the callback is bar's code (it ran as foo: AC)" },
];

function allowed(a: Attack): Verdict[] {
  return Array.isArray(a.must) ? a.must : [a.must];
}

/** What every attack's result must show, wherever it was judged. */
function expectPinned(a: Attack, r: Summary): void {
  const seen = { attack: a.name, why: a.why, verdict: r.verdict, score: r.score, cases: r.cases };
  const must = allowed(a);
  // Each of these is wrong in every case (an empty class, or an unsynchronized one): no points,
  // and every case fails with the learner's verdict, never AC and never JE.
  expect({ ...seen, ok: must.includes(r.verdict) && r.score === 0 && r.cases.every((c) => must.includes(c.verdict)) }).toEqual({ ...seen, ok: true });
}

describe('in-process: an attack cannot forge its verdict', () => {
  test.each(ATTACKS.map((a) => [a.name, a] as const))('%s', async (_name, a) => {
    const r = await judgeFresh(a.problem, fixture(a.problem, a.name));
    expectPinned(a, {
      verdict: r.verdict,
      score: r.score,
      cases: r.cases.map((c) => ({ verdict: c.verdict, points: c.points, ...(c.failure ? { message: c.failure.message } : {}) })),
    });
  }, 120_000);
});

describe('in a sandbox worker (SES lockdown): an attack cannot forge its verdict', () => {
  let results: Record<string, Summary> = {};

  beforeAll(async () => {
    const input = {
      dist: DIST,
      limits: { memoryMb: 256, wallMs: 60_000 },
      fresh: ATTACKS.map((a) => ({
        key: a.name,
        student: '',
        problemId: a.problem,
        file: fixture(a.problem, a.name),
        displayName: `${a.name}.ts`,
        maxScore: 100,
      })),
    };
    const out = await nodeJson<{ fresh: Record<string, Summary>; crash?: string }>(childCall(input), 600_000);
    if (out.crash) throw new Error(out.crash);
    results = out.fresh;
  }, 660_000);

  test.each(ATTACKS.map((a) => [a.name, a] as const))('%s', (_name, a) => {
    expect(results[a.name]).toBeDefined();
    expectPinned(a, results[a.name]);
  });
});

