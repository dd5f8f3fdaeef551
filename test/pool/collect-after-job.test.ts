/**
 * A worker collects its garbage after a job that leaves much of it, heap or not: the next job's
 * memory limit is measured on the whole process, so typed arrays a job made and dropped must not
 * count against the next student (a correct file got MLE after such a job in the same worker).
 */
import { LEFT_RESIDENT_MB, RETAINED_HEAP_MB, shouldCollect } from '../../harness/pool/limits';

const MB = 1024 * 1024;
const BOOT = 90 * MB;

test('a job that ends small leaves nothing to collect: the next starts at once', () => {
  expect(shouldCollect({ heapUsed: 20 * MB, rss: BOOT + 30 * MB }, BOOT)).toBe(false);
});

test('a large heap is collected (tinypool then replaces the worker only for what is still held)', () => {
  expect(shouldCollect({ heapUsed: (RETAINED_HEAP_MB + 1) * MB, rss: BOOT }, BOOT)).toBe(true);
});

test('binary data outside the heap (300 MB of dropped typed arrays) is collected too', () => {
  expect(shouldCollect({ heapUsed: 20 * MB, rss: BOOT + 300 * MB }, BOOT)).toBe(true);
  expect(shouldCollect({ heapUsed: 20 * MB, rss: BOOT + (LEFT_RESIDENT_MB + 1) * MB }, BOOT)).toBe(true);
});
