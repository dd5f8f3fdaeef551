/**
 * Progress of a batch on stderr: a bar redrawn in place on a terminal, plain lines now and then
 * elsewhere (CI logs, pipes), so a long grading run shows it is alive and when it will end.
 */
import type { Verdict } from '../../model/result';

export interface ProgressOptions {
  total: number;
  /** Jobs already done before this run (resumed from the journal). */
  resumed: number;
  stream: NodeJS.WriteStream;
  /** Redraw a bar in place (a terminal, and not CI). */
  live: boolean;
}

const REDRAW_MS = 100;
const LINE_MS = 10_000;
const BAR = 24;

export class Progress {
  private done = 0;
  private failing = 0;
  private judgeErrors = 0;
  private readonly began = Date.now();
  private lastDraw = 0;
  private lastLinePercent = -1;

  constructor(private readonly opts: ProgressOptions) {}

  /** Whether a bar suits this stream: a terminal outside CI. */
  static isLive(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
    return Boolean(stream.isTTY) && env.CI !== 'true' && env.CI !== '1';
  }

  /** Counts one finished job. */
  tick(verdict: Verdict): void {
    this.done++;
    if (verdict !== 'AC') this.failing++;
    if (verdict === 'JE') this.judgeErrors++;
    this.draw(false);
  }

  /** A line of its own above the bar (`note: …`): something about this grading people should know. */
  note(text: string): void {
    const { stream, live } = this.opts;
    stream.write(`${live ? '\r\x1b[2K' : ''}note: ${text}\n`);
    this.lastDraw = 0;
  }

  /** The final state, on a line of its own. */
  finish(): void {
    this.draw(true);
    if (this.opts.live) this.opts.stream.write('\n');
  }

  private draw(force: boolean): void {
    const now = Date.now();
    const { total, resumed, stream, live } = this.opts;
    const finished = this.done + resumed;
    const percent = total === 0 ? 100 : Math.floor((finished / total) * 100);
    if (live) {
      if (!force && now - this.lastDraw < REDRAW_MS) return;
      const filled = total === 0 ? BAR : Math.round((finished / total) * BAR);
      stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${this.status(now)}`);
    } else {
      const step = Math.floor(percent / 10);
      if (!force && now - this.lastDraw < LINE_MS && step === this.lastLinePercent) return;
      this.lastLinePercent = step;
      stream.write(`grading: ${this.status(now)}\n`);
    }
    this.lastDraw = now;
  }

  private status(now: number): string {
    const { total, resumed } = this.opts;
    const finished = this.done + resumed;
    const seconds = (now - this.began) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const left = total - finished;
    const parts = [`${finished}/${total} jobs`, `${rate.toFixed(1)} jobs/s`];
    if (left > 0 && rate > 0) parts.push(`${duration(left / rate)} left`);
    if (resumed > 0) parts.push(`${resumed} resumed`);
    parts.push(`${this.failing} not accepted`);
    if (this.judgeErrors > 0) parts.push(`${this.judgeErrors} judge errors`);
    return parts.join(' · ');
  }
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m}m ${Math.round(seconds % 60)}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}
