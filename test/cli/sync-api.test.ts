/**
 * The reference of interleave/sync (docs/sync-api.md) is where a learner looks: every statement
 * `show` prints ends by pointing to it, `interleave api` prints it, and it documents every name
 * harness/sync/index.ts exports and every public member of each exported class (a new export or
 * method without a line in the reference fails here).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/interleave.js');
const DOC_FILE = path.join(ROOT, 'docs', 'sync-api.md');
const DOC = readFileSync(DOC_FILE, 'utf8');

function cli(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INTERLEAVE_')));
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the command line leads a learner to the reference', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'interleave-api-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('show <id> ends with one line naming a command that prints the reference, and its file', () => {
    const r = cli(dir, 'show', 'print-in-order');
    expect(r.status).toBe(0);
    const last = r.stdout.trimEnd().split('\n').pop()!;
    expect(last).toMatch(/interleave\/sync/);
    expect(last).toMatch(/TypeScript\/JavaScript/);
    // The command, as it runs from here (this copy of the judge is started by its path).
    expect(last).toContain(`node ${BIN} api`);
    // The file it names is the reference, and exists.
    const file = /, or (\S+)$/.exec(last)?.[1];
    expect(file).toBe(DOC_FILE);
    expect(existsSync(file!)).toBe(true);
  });

  test('in the judge’s own folder the file is named from there', () => {
    const last = cli(ROOT, 'show', 'foobar').stdout.trimEnd().split('\n').pop()!;
    expect(last).toMatch(/: node bin\/interleave\.js api, or docs\/sync-api\.md$/);
  });

  test('show --template prints the starter file only', () => {
    expect(cli(dir, 'show', 'foobar', '--template').stdout).not.toMatch(/sync-api/);
  });

  test('api prints the reference; --help lists it', () => {
    const r = cli(dir, 'api');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(DOC);
    expect(cli(dir, '--help').stdout).toMatch(/^ {2}api {2,}print the reference of interleave\/sync/m);
    const extra = cli(dir, 'api', 'Lock');
    expect(extra.stderr).toMatch(/api takes no arguments/);
    expect(extra.status).toBe(2);
  });

  test('show sync, a learner guessing, is told where the reference is', () => {
    const r = cli(dir, 'show', 'sync');
    expect(r.stderr).toMatch(/unknown problem "sync".*; the interleave\/sync reference is node \S+ api/);
    expect(r.status).toBe(2);
  });
});

/** The names harness/sync/index.ts exports (values and types), and for each class its public members of its own. */
function exportsOfSync(): Map<string, string[]> {
  const index = path.join(ROOT, 'harness', 'sync', 'index.ts');
  const program = ts.createProgram([index], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(index)!)!;
  const out = new Map<string, string[]>();
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const members: string[] = [];
    for (const decl of symbol.declarations ?? []) {
      if (!ts.isClassDeclaration(decl)) continue;
      for (const m of decl.members) {
        if (ts.isConstructorDeclaration(m) || ts.isClassStaticBlockDeclaration(m) || !m.name) continue;
        if (ts.isPrivateIdentifier(m.name)) continue;
        const mods = ts.getCombinedModifierFlags(m as ts.Declaration);
        if (mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
        if (!members.includes(m.name.getText())) members.push(m.name.getText());
      }
    }
    out.set(exported.name, members);
  }
  return out;
}

/** The text of the section whose heading names `name` (up to the next heading of its level or above). */
function sectionOf(name: string): string | undefined {
  const lines = DOC.split('\n');
  const start = lines.findIndex((l) => /^#{2,3} /.test(l) && new RegExp(`\\b${name}\\b`).test(l));
  if (start < 0) return undefined;
  const level = /^#+/.exec(lines[start])![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && /^#+/.exec(l)![0].length <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

describe('docs/sync-api.md documents everything interleave/sync exports', () => {
  const exported = exportsOfSync();

  test('the exports are found (the test reads what it should)', () => {
    expect([...exported.keys()]).toEqual(expect.arrayContaining(['Lock', 'Condition', 'Queue', 'Thread', 'sleep', 'yieldThread', 'QueueEmpty', 'BlockingOptions']));
    expect(exported.get('Event')).toEqual(expect.arrayContaining(['isSet', 'is_set', 'set', 'clear', 'wait']));
  });

  test.each([...exportsOfSync().keys()])('%s has a heading or a row of its own', (name) => {
    // A heading that names it, or a table row or list item that starts with it in code; the
    // overview table of exports at the top does not count (it says where an export is told).
    const body = DOC.replace(/^\| export \| Python \| section \|\n(\|.*\n)*/m, '');
    expect(body.length).toBeLessThan(DOC.length);
    const heading = new RegExp(`^#{1,4} .*\\b${name}\\b`, 'm');
    const entry = new RegExp(`^(\\| |[-*] )(\`[^\`]*\`, )*\`(new |await )?${name}\\b`, 'm');
    expect(heading.test(body) || entry.test(body)).toBe(true);
  });

  test.each([...exportsOfSync()].filter(([, members]) => members.length > 0))('every public member of %s is in its section', (name, members) => {
    // A subclass with no section of its own is documented in its parent's (BoundedSemaphore's release).
    const section = sectionOf(name);
    expect(section).toBeDefined();
    const missing = members.filter((m) => !new RegExp(`\`[^\`\\n]*\\b${m}\\b[^\`\\n]*\``).test(section!));
    expect(missing).toEqual([]);
  });

  test('the synchronous queries a busy-wait needs are said to be plain values, not awaited', () => {
    expect(sectionOf('Event')).toMatch(/`ev\.isSet\(\)` \/ `ev\.is_set\(\)` \| `boolean` \| synchronous/);
    expect(DOC).toMatch(/\*\*Queries are plain values\*\*, not switch points: `locked\(\)`, `isSet\(\)`/);
  });
});
