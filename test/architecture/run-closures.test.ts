/**
 * The judge makes no generator function and no class inside a function: its coroutines are
 * declared once, at module level, and given what they need as arguments. V8 gives every generator
 * function object (and every class used with `new`) a map of its own in the old generation, which
 * points back at the function and so at everything its closure holds; a `function*` made per run
 * kept that run's data alive through every young-generation GC and grew the old generation at
 * every run (see harness/scheduler/coroutines.ts). A failure names the file and line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const HARNESS = path.join(__dirname, '..', '..', 'harness');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return filesUnder(p);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** `file:line what` for every generator function or class declared inside a function of `source`. */
function closuresMadePerCall(fileName: string, source: string): string[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node, insideFunction: boolean): void => {
    const generator = (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.asteriskToken !== undefined;
    const klass = ts.isClassDeclaration(node) || ts.isClassExpression(node);
    if (insideFunction && (generator || klass)) {
      const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      found.push(`${fileName}:${line + 1} ${generator ? 'function*' : 'class'} inside a function`);
    }
    const opens = ts.isFunctionLike(node) && !ts.isClassStaticBlockDeclaration(node);
    ts.forEachChild(node, (child) => visit(child, insideFunction || opens));
  };
  visit(sf, false);
  return found;
}

test('no generator function or class of the judge is made inside a function (per run or per call)', () => {
  const files = filesUnder(HARNESS);
  expect(files.length).toBeGreaterThan(100); // the scan found the judge's sources
  const found = files.flatMap((f) => closuresMadePerCall(path.relative(HARNESS, f), readFileSync(f, 'utf8')));
  expect(found).toEqual([]);
});

test('the scan tells a generator made per call from one declared at module level', () => {
  const source = [
    'function* once(x: number) { yield x; }',
    'export function run(rt: unknown) {',
    '  rt.launch(function* launcher() { yield rt; });',
    '  class Local {}',
    '  return () => once(1);',
    '}',
    'class Kept { *method() { yield 1; } }',
  ].join('\n');
  expect(closuresMadePerCall('x.ts', source)).toEqual(['x.ts:3 function* inside a function', 'x.ts:4 class inside a function']);
});
