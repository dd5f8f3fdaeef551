import { diffWindow, firstDifference } from '../../harness/report/diff';
import { formatMs, formatScore } from '../../harness/report/format';
import { histogram } from '../../harness/report/histogram';
import * as os from 'node:os';
import * as path from 'node:path';
import { detectRunner, replayCommand } from '../../harness/report/replay';
import { wrap } from '../../harness/report/console-failure';
import { swimlane } from '../../harness/report/swimlane';
import { dlFailure, waFailure } from './fixtures';

describe('firstDifference', () => {
  test.each([
    ['foobar', 'foobar', -1],
    ['foobar', 'foofoo', 3],
    ['foobar', 'foo', 3],
    ['foo', 'foobar', 3],
    ['', 'x', 0],
  ])('%j vs %j → %d', (a, b, i) => expect(firstDifference(a, b)).toBe(i));
});

describe('diffWindow', () => {
  test('cuts long outputs to a window around the first difference', () => {
    const expected = Array.from({ length: 500 }, (_, i) => `0${i + 1}`).join('');
    const actual = expected.slice(0, 900) + 'X' + expected.slice(901);
    const d = diffWindow(expected, actual, 10)!;
    expect(d.index).toBe(900);
    expect(d.expected).toMatchObject({ cutStart: true, cutEnd: true, at: expected[900] });
    expect(d.actual.before).toHaveLength(10);
    expect(d.actual.at).toBe('X');
  });

  test('an output that stops early has nothing at the difference', () => {
    expect(diffWindow('foobar', 'foo')!.actual).toEqual({ cutStart: false, before: 'foo', at: '', after: '', cutEnd: false });
  });
});

describe('swimlane', () => {
  test('a thread is new until it starts, blocked from its block step until it is woken, done after its end', () => {
    const lanes = swimlane(waFailure).rows.map((r) => r.lanes[2]);
    expect(lanes).toEqual(['active', 'active', 'blocked', 'blocked', 'blocked', 'blocked', 'blocked', 'blocked', 'active', 'active', 'active', 'done', 'done']);
    expect(swimlane(waFailure).rows.map((r) => r.lanes[0]).slice(0, 5)).toEqual(['new', 'new', 'new', 'new', 'active']);
  });

  test('a ready mark ends a blocked lane before the thread runs, a stalled one brings it back; neither is a row', () => {
    const f = {
      ...waFailure,
      threads: ['main', 'a', 'b'],
      trace: [
        { step: 1, thread: 1, kind: 'start', text: 'started' },
        { step: 2, thread: 1, kind: 'block', text: 'waits in Lock.acquire()' },
        { step: 3, thread: 2, kind: 'op', text: 'Lock.release() → released' },
        { step: 3, thread: 1, kind: 'ready', text: 'can go on' },
        { step: 4, thread: 2, kind: 'op', text: 'x' },
        { step: 4, thread: 1, kind: 'stalled', text: 'cannot go on again' },
        { step: 5, thread: 2, kind: 'op', text: 'y' },
        { step: 6, thread: 1, kind: 'wake', text: 'Lock.acquire() → acquired' },
      ],
    } as typeof waFailure;
    const lane = swimlane(f);
    expect(lane.rows.map((r) => r.step.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(lane.rows.map((r) => r.lanes[lane.threads.indexOf('a')])).toEqual(['active', 'active', 'blocked', 'ready', 'blocked', 'active']);
  });

  test('keeps the last rows when asked to, and counts what it cut', () => {
    const lane = swimlane(dlFailure, 4);
    expect(lane.rows.map((r) => r.step.step)).toEqual([9, 10, 11, 12]);
    expect(lane.cutFromStart).toBe(8);
  });
});

describe('detectRunner', () => {
  const root = path.resolve(__dirname, '..', '..');
  test('in a checkout of the judge, the command it is started as (npx would fetch an unpublished version)', () => {
    expect(detectRunner(root)).toBe('node bin/interleave.js');
    expect(detectRunner(path.join(root, 'problems', 'foobar'))).toBe('node ../../bin/interleave.js');
  });

  test('from another folder, a copy that is not an installed package is started by its own path (npx would fetch another or none)', () => {
    expect(detectRunner(os.tmpdir(), '9.9.9')).toBe(`node ${path.join(root, 'bin', 'interleave.js')}`);
  });

  test('a judge run from npm (its cache, a global install) elsewhere: the published package at this version', () => {
    const cached = path.join(os.tmpdir(), '_npx', 'abc', 'node_modules', 'interleave-judge');
    expect(detectRunner(os.tmpdir(), '9.9.9', cached)).toBe('npx interleave-judge@9.9.9');
  });
});

describe('replayCommand', () => {
  test('leaves plain words alone and quotes the rest for a POSIX shell', () => {
    expect(replayCommand('foobar', 'sub/ben/FooBar.ts', 'v1.AbC-_')).toBe('npx interleave run foobar sub/ben/FooBar.ts --replay v1.AbC-_');
    expect(replayCommand('foobar', 'my folder/Foo Bar.ts', "it's")).toBe(`npx interleave run foobar 'my folder/Foo Bar.ts' --replay 'it'\\''s'`);
  });
});

describe('histogram', () => {
  test('puts the maximum in the last bin and a single value in one bin', () => {
    expect(histogram([0, 10, 50, 100], 10, { min: 0, max: 100 }).counts).toEqual([1, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(histogram([3, 3, 3], 12).counts).toEqual([3]);
    expect(histogram([], 12).total).toBe(0);
  });
});

describe('formats', () => {
  test('scores and durations read as people write them', () => {
    expect([formatScore(2.5), formatScore(10 / 3), formatScore(4)]).toEqual(['2.5', '3.33', '4']);
    expect([formatMs(0.123), formatMs(850), formatMs(1240), formatMs(125_000)]).toEqual(['0.12 ms', '850 ms', '1.24 s', '2 min 5 s']);
  });
});

describe('wrap', () => {
  test('breaks an expression between its parts, never inside a name: after a dot or comma, before a bracket or parenthesis', () => {
    expect(wrap('this.turn[owner(this.cur)].release()', 14)).toEqual(['this.turn', '[owner(this.', 'cur)].', 'release()']);
    expect(wrap('this.condition.notify() → woke even', 24)).toEqual(['this.condition.notify()', '→ woke even']);
    expect(wrap('"http://news.yahoo.com/news/topics/"', 12).every((l) => l.length <= 12)).toBe(true);
  });
});
