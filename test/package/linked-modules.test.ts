/**
 * A judge whose `node_modules` is a symbolic link (a shared folder, pnpm's layout, one checkout
 * linked to another's) still judges: Node's permission model checks the real path `require`
 * resolves to, and the sandbox's read list named only the link, so every job was a JE blaming
 * the build.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cleanEnv, ROOT, sh } from './pack';

test('the judge runs where node_modules is a link to another folder, through a chain of links', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'interleave-linked-'));
  try {
    for (const part of ['package.json', 'bin', 'dist']) cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
    cpSync(path.join(ROOT, 'problems'), path.join(dir, 'problems'), { recursive: true, filter: (src) => !src.split(path.sep).includes('solutions') });
    // A chain of links, as a checkout whose node_modules is a link to another's, itself a link.
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'shared_modules'), 'dir');
    symlinkSync(path.join(dir, 'shared_modules'), path.join(dir, 'node_modules'), 'dir');
    const file = path.join(dir, 'FooBar.ts');
    cpSync(path.join(ROOT, 'problems/foobar/solutions/accepted/semaphores.ts'), file);
    const env = cleanEnv();
    const ok = sh(process.execPath, [path.join(dir, 'bin/interleave.js'), 'run', 'foobar', file], dir, { env });
    expect({ status: ok.status, out: ok.stdout.split('\n')[1], err: ok.stderr }).toEqual({ status: 0, out: expect.stringMatching(/^AC accepted {2}100\/100 points/), err: '' });
    writeFileSync(file, "export class FooBar { constructor(private n: number) {} async foo(p: () => void) { for (let i = 0; i < this.n; i++) p(); } async bar(p: () => void) { for (let i = 0; i < this.n; i++) p(); } }");
    const bad = sh(process.execPath, [path.join(dir, 'bin/interleave.js'), 'run', 'foobar', file], dir, { env });
    expect(bad.stdout.split('\n')[1]).toMatch(/^WA /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
