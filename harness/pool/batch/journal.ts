/**
 * The batch journal (`<out>/.journal.jsonl`): one JSON line per finished job, written as soon
 * as the job ends, so a grader killed mid-batch (even with kill -9) resumes where
 * it stopped. A torn last line, from a kill in the middle of a write, is ignored and cut off.
 */
import * as fs from 'node:fs';
import type { ProblemResult } from '../../model/result';

export const JOURNAL_FILE = '.journal.jsonl';

export interface JournalEntry {
  /** See {@link jobKey}. */
  key: string;
  student: string;
  problem: string;
  /** The file, relative to the submissions folder. */
  file: string;
  result: ProblemResult;
}

export class Journal {
  /** Lines written since the last fsync began; an fsync is running. */
  private dirty = false;
  private syncing = false;
  private closed = false;

  private constructor(
    private readonly fd: number,
    private readonly done: Map<string, JournalEntry>,
  ) {}

  /** Opens (or, with `fresh`, empties) the journal at `file`, reading the jobs already done. */
  static open(file: string, opts: { fresh: boolean }): Journal {
    const done = new Map<string, JournalEntry>();
    let text = '';
    if (!opts.fresh && fs.existsSync(file)) text = fs.readFileSync(file, 'utf8');
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    for (const line of complete.split('\n')) {
      const entry = parse(line);
      if (entry) done.set(entry.key, entry);
    }
    const fd = fs.openSync(file, opts.fresh ? 'w' : 'a+');
    // Cut a torn last line so that the next entry starts on a line of its own.
    if (!opts.fresh && Buffer.byteLength(complete) !== Buffer.byteLength(text)) fs.ftruncateSync(fd, Buffer.byteLength(complete));
    return new Journal(fd, done);
  }

  /** The finished entry for a job, if it is in the journal. */
  get(key: string): JournalEntry | undefined {
    return this.done.get(key);
  }

  get size(): number {
    return this.done.size;
  }

  /**
   * Records a finished job. The line is written at once (a grader killed, even with kill -9, a
   * moment later still finds it: the kernel holds it); the fsync that makes it survive a power
   * cut runs in the background, one for all lines written meanwhile, so the pool never waits for
   * the disk (an fsync on the event loop took about 7 ms a job, and the workers idled through it).
   */
  append(entry: JournalEntry): void {
    fs.writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    this.done.set(entry.key, entry);
    this.dirty = true;
    this.sync();
  }

  private sync(): void {
    if (this.syncing || !this.dirty || this.closed) return;
    this.syncing = true;
    this.dirty = false;
    fs.fdatasync(this.fd, () => {
      this.syncing = false;
      if (this.closed) fs.close(this.fd, () => undefined);
      else this.sync();
    });
  }

  /** Makes every line durable and closes the file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.dirty) fs.fdatasyncSync(this.fd);
    // A background fsync still running closes the file when it ends.
    if (!this.syncing) fs.closeSync(this.fd);
  }
}

function parse(line: string): JournalEntry | undefined {
  if (!line.trim()) return undefined;
  try {
    const e = JSON.parse(line) as JournalEntry;
    return typeof e?.key === 'string' && typeof e.result?.verdict === 'string' ? e : undefined;
  } catch {
    return undefined;
  }
}
