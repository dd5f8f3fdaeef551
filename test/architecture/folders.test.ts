/**
 * Data flows one way between the folders of harness/: no two folders import each other, directly
 * or around a loop. A failure names the imports that close the loop.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const HARNESS = path.join(__dirname, '..', '..', 'harness');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return filesUnder(p);
    return /\.ts$/.test(name) ? [p] : [];
  });
}

/** folder → folder → one import that makes the edge (`pool/attempt.ts -> ../judge/x`). */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of filesUnder(HARNESS)) {
    const rel = path.relative(HARNESS, file);
    const from = rel.split(path.sep)[0];
    if (from === rel) continue; // a file at the top of harness/
    for (const m of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*?from\s+'(\.[^']+)'/gm)) {
      const target = path.relative(HARNESS, path.resolve(path.dirname(file), m[1]));
      const to = target.split(path.sep)[0];
      if (to === from || to.startsWith('..') || to === target) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, `${rel} -> ${m[1]}`);
    }
  }
  return graph;
}

/** A path of imports from `start` back to itself, or null. */
function loopFrom(graph: Map<string, Map<string, string>>, start: string): string[] | null {
  const stack: Array<{ at: string; via: string[] }> = [{ at: start, via: [] }];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const { at, via } = stack.pop()!;
    for (const [to, edge] of graph.get(at) ?? []) {
      if (to === start) return [...via, edge];
      if (!seen.has(to)) {
        seen.add(to);
        stack.push({ at: to, via: [...via, edge] });
      }
    }
  }
  return null;
}

test('no folder of harness/ imports, directly or around a loop, a folder that imports it', () => {
  const graph = folderGraph();
  expect(graph.size).toBeGreaterThan(5); // the scan found the folders and their imports
  const loops = [...graph.keys()].map((f) => loopFrom(graph, f)).filter((l): l is string[] => l !== null);
  expect(loops).toEqual([]);
});

/**
 * The direction itself (CONTRIBUTING.md): each folder may import only folders earlier in this
 * list. The shared model first; then the runtime learners touch; the judge; what runs and reports
 * judgings; the commands last.
 */
const LAYERS = ['model', 'strategies', 'scheduler', 'sync', 'loader', 'judge', 'checker', 'pool', 'report', 'classroom', 'jest', 'cli'];

test('data flows one way: every folder imports only folders before it in the layer order', () => {
  const graph = folderGraph();
  const against: string[] = [];
  for (const [from, edges] of graph) {
    const at = LAYERS.indexOf(from);
    if (at < 0) {
      against.push(`harness/${from}/ is in no layer: add it to LAYERS in test/architecture/folders.test.ts (and CONTRIBUTING.md)`);
      continue;
    }
    for (const [to, edge] of edges) {
      if (LAYERS.indexOf(to) >= at) {
        against.push(`${edge}: ${from}/ may import only ${LAYERS.slice(0, at).join(', ') || 'nothing'}, not ${to}/ (data flows ${LAYERS.join(' → ')})`);
      }
    }
  }
  expect(against).toEqual([]);
});

test('the model imports nothing of the judge', () => {
  expect([...(folderGraph().get('model')?.keys() ?? [])]).toEqual([]);
});
