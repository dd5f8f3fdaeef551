/**
 * Values in a Python trace read as Python: what a queue gives back is shown by its repr, None is
 * None, and a repr never carries a memory address (the same run shows the same trace).
 */
import { firstFailure, judgeSource } from './helpers';

const PIPELINE = `import queue


class Pipeline:
    def __init__(self, capacity):
        self.q = queue.Queue(maxsize=capacity)

    def set_message(self, message):
        def cb():
            return message
        self.q.put((message, 'tag'))
        self.q.put(cb)
        self.q.put(None)

    def get_message(self):
        pair = self.q.get()
        self.q.get()
        self.q.get()
        return pair[0] + 1
`;

test('a tuple, a function and None taken from a queue show as Python shows them, not as the judge handles them', async () => {
  const runs = await Promise.all([1, 2].map(() => judgeSource('pipeline', 'Pipeline.py', PIPELINE, { stopAtFirstFailure: true })));
  const f = firstFailure(runs[0])!;
  expect(f.verdict).toBe('RTE');
  const gets = f.trace.map((t) => t.text).filter((t) => t.startsWith('self.q.get() →'));
  expect(gets).toEqual(expect.arrayContaining([
    expect.stringMatching(/^self\.q\.get\(\) → \('producer#\d+', 'tag'\)$/),
    'self.q.get() → <function Pipeline.set_message.<locals>.cb>',
    'self.q.get() → None',
  ]));
  expect(f.trace.some((t) => /"h":|0x[0-9a-f]/.test(t.text))).toBe(false);
  // Two runs, two processes: the same trace.
  expect(firstFailure(runs[1])!.trace.map((t) => t.text)).toEqual(f.trace.map((t) => t.text));
}, 120_000);
