/**
 * Maps positions in the compiled learner code back to the learner's files: for the source line of
 * every traced operation, and for stacks of run-time errors.
 */
import * as path from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { SourceSite } from '../model/result';
import { engineStack, stackHere } from '../scheduler/engine-stack';
import { unshiftColumn, type ColumnShifts } from './instrument';

export class SourceMapper {
  private readonly map: TraceMap;
  /** Matches `<sourceURL>:line:col` in a stack frame. */
  private readonly frame: RegExp;

  constructor(
    mapJson: string,
    readonly sourceURL: string,
    private readonly lineOffset: number,
    /** How the judge's edits moved columns of the evaluated code (see instrument.ts). */
    private readonly shifts?: ColumnShifts,
  ) {
    this.map = new TraceMap(mapJson);
    this.frame = new RegExp(`${escape(sourceURL)}:(\\d+):(\\d+)`);
  }

  /** The learner's position for a line and (1-based) column of the evaluated code. */
  site(line: number, column: number): SourceSite | undefined {
    const compiledLine = line - this.lineOffset;
    return this.compiledSite(compiledLine, unshiftColumn(this.shifts, compiledLine, Math.max(0, column - 1)));
  }

  /** The learner's position for a line and 0-based column of the compiled code (before loop guards). */
  compiledSite(line: number, column: number): SourceSite | undefined {
    const pos = originalPositionFor(this.map, { line, column });
    if (pos.source === null || pos.line === null) return undefined;
    return { file: path.basename(pos.source), line: pos.line, column: (pos.column ?? 0) + 1 };
  }

  /** The learner's own text of a file the map covers (by base name), for reports and names. */
  sourceText(file: string): string | undefined {
    const i = this.map.sources.findIndex((s) => s !== null && path.basename(s) === file);
    return i < 0 ? undefined : (this.map.sourcesContent?.[i] ?? undefined);
  }

  /** The first learner frame of a stack, or the one `skip` learner frames further out. */
  firstSite(stack: string | undefined, skip = 0): SourceSite | undefined {
    if (!stack) return undefined;
    for (const line of stack.split('\n')) {
      const m = this.frame.exec(line);
      if (m) {
        const s = this.site(Number(m[1]), Number(m[2]));
        if (s && skip-- === 0) return s;
      }
    }
    return undefined;
  }

  /** The learner's line calling into the judge now (costly: used only while tracing). */
  callerSite(skip = 0): SourceSite | undefined {
    return this.firstSite(stackHere(), skip);
  }

  /** A stack with learner frames mapped to their files and judge frames left out. */
  mapStack(error: unknown): string | undefined {
    if (!(error instanceof Error) || typeof error.stack !== 'string') return undefined;
    return this.mapStackText(`${error.name}: ${error.message}`, engineStack(error, error.stack));
  }

  /** The engine's stack text with learner frames mapped to their files and judge frames left out. */
  mapStackText(header: string, engine: string): string {
    const out = [header];
    // The generator a lowered `async` function's body runs in was started here (see below).
    let started: string | undefined;
    for (const line of engine.split('\n').slice(1)) {
      const next = /^\s*at ([^\s(]+)\.next \(<anonymous>\)$/.exec(line);
      if (next) started = next[1];
      const m = this.frame.exec(line);
      if (!m) continue;
      const s = this.site(Number(m[1]), Number(m[2]));
      if (!s) continue;
      const fn = /at (?:async )?([^\s(]+) \(/.exec(line)?.[1];
      // (A class field's arrow, which esbuild sets in the constructor, has no name of its own.)
      const wrapper = started !== undefined && (fn === undefined ? started !== 'Generator' : fn === started || fn.endsWith(`.${started}`));
      started = undefined;
      // A lowered `async helper()` is a function that starts the generator its body runs in (named
      // `helper` too, async-names.ts), so its first step's stack had `helper` twice, the second at
      // the line the method is declared on. Once, as for a native async function.
      if (wrapper) continue;
      const name = fn && fn !== 'eval' && fn !== 'Generator.next' && !fn.startsWith('Object.') ? fn : undefined;
      const at = `${s.file}:${s.line}:${s.column}`;
      out.push(`    at ${name ? `${this.asWritten(cleanName(name), s.file)} (${at})` : at}`);
    }
    return out.join('\n');
  }

  /**
   * A frame's function as the learner wrote it: where esbuild lowers private methods (a target
   * before ES2022; learner code is compiled for ES2022, which keeps them), a private method `#step`
   * is a function `step_fn`, so `FooBar.step_fn` is `FooBar.#step` where the file declares `#step`.
   */
  private asWritten(name: string, file: string): string {
    const m = /^(.*?)([A-Za-z_$][\w$]*)_fn\d*$/.exec(name);
    if (!m || !this.sourceText(file)?.includes(`#${m[2]}`)) return name;
    return `${m[1]}#${m[2]}`;
  }
}

function cleanName(name: string): string {
  // An async method runs as an anonymous generator: V8 calls its frame `Class.eval`.
  return name.replace(/^Generator\./, '').replace(/\.eval$/, '').replace(/^eval$/, '<module>');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
