/**
 * `run --watch`: judges once, then again each time a source file in the solution's folder is
 * saved (editors often save by replacing the file, so the folder is watched, not the file). Saves
 * in quick succession are judged once; a save during judging is judged right after. Ctrl-C (or
 * SIGTERM) stops, with the last verdict's exit status.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SOURCE = /\.(ts|js|mts|cts|mjs|cjs)$/;
const SETTLE_MS = 150;

export function watchFile(file: string, judge: () => Promise<number>, out: { write(s: string): unknown } = process.stderr): Promise<number> {
  const dir = path.dirname(path.resolve(file));
  return new Promise((resolve) => {
    let last = 1;
    let running = false;
    let again = false;
    let timer: NodeJS.Timeout | undefined;
    let changed = path.basename(file);
    const round = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        last = await judge();
      } catch (e) {
        out.write(`interleave run: ${(e as Error).message}\n`);
        last = 3;
      }
      running = false;
      if (again) {
        again = false;
        void round();
        return;
      }
      out.write(`\nwatching ${path.relative(process.cwd(), dir) || '.'} for changes (Ctrl-C stops)\n`);
    };
    const watcher = fs.watch(dir, (_event, name) => {
      if (name && !SOURCE.test(String(name))) return;
      if (name) changed = String(name);
      clearTimeout(timer);
      timer = setTimeout(() => {
        out.write(`\n── ${changed} changed: judging again ──\n`);
        void round();
      }, SETTLE_MS);
    });
    const stop = (): void => {
      clearTimeout(timer);
      watcher.close();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(last);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    void round();
  });
}
