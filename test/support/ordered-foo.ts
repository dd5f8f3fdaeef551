/**
 * A print-in-order `Foo` whose second and third wait their turn on two Events, and whose first()
 * runs `first` before it prints: the TypeScript twin of test/python/helpers.ts orderedFoo, for
 * tests about what first() does (correct otherwise, so the verdict is first()'s).
 */
export function orderedFoo(first: string, opts: { imports?: string[]; preamble?: string } = {}): string {
  const imports = ['Event', ...(opts.imports ?? [])].join(', ');
  return [
    `import { ${imports} } from 'interleave/sync';`,
    ...(opts.preamble === undefined ? [] : [opts.preamble]),
    'export class Foo {',
    '  private e1 = new Event();',
    '  private e2 = new Event();',
    `  async first(p: () => void) { ${first} p(); await this.e1.set(); }`,
    '  async second(p: () => void) { await this.e1.wait(); p(); await this.e2.set(); }',
    '  async third(p: () => void) { await this.e2.wait(); p(); }',
    '}',
  ].join('\n');
}
