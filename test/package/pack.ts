/**
 * The package as npm publishes it: `npm pack` of this checkout (built first: `npm test` builds),
 * and an install of that tarball into a fresh folder outside the repository, as a student's or an
 * instructor's `npm install` makes it (dependencies from npm's cache, else the registry).
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The environment of npm and the CLI in these tests: nothing of jest's or GitHub's. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_') && !k.startsWith('JEST_') && !k.startsWith('INTERLEAVE_') && k !== 'NODE_OPTIONS'));
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

export function sh(cmd: string, args: string[], cwd: string, opts: { env?: NodeJS.ProcessEnv; timeout?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, encoding: 'utf8', env: opts.env ?? cleanEnv(), timeout: opts.timeout ?? 180_000 });
}

export interface Packed {
  tarball: string;
  files: string[];
  size: number;
  unpackedSize: number;
}

/** `npm pack` into a temp folder (scripts off: the build is already done). */
export function pack(): Packed {
  const dest = mkdtempSync(path.join(tmpdir(), 'interleave-pack-'));
  const r = sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], ROOT);
  if (r.status !== 0) throw new Error(`npm pack failed:\n${r.stderr}`);
  const [info] = JSON.parse(r.stdout) as Array<{ filename: string; size: number; unpackedSize: number; files: Array<{ path: string }> }>;
  return { tarball: path.join(dest, info.filename), files: info.files.map((f) => f.path), size: info.size, unpackedSize: info.unpackedSize };
}

/** Installs `deps` (`name@spec` or a tarball path) into a new folder; returns the folder and the time it took. */
export function installInto(deps: string[], manifest: object = { name: 'fresh', private: true }): { dir: string; ms: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'interleave-install-'));
  require('node:fs').writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  const began = Date.now();
  const r = sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...deps], dir);
  if (r.status !== 0) throw new Error(`npm install ${deps.join(' ')} failed:\n${r.stderr}`);
  return { dir, ms: Date.now() - began };
}

/** npm in `cwd`, not blocking jest: its exit code and everything it wrote. */
export function npm(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  const child = spawn('npm', args, { cwd, env: cleanEnv({ CI: 'true' }), stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

/**
 * An assignment template (`templates/<name>`) copied to a fresh folder outside the repository and
 * installed as its README says, with this checkout's `npm pack` in place of the registry's
 * interleave-judge (same name, same version). `remove()` deletes the copy and the tarball.
 */
export async function installedTemplate(name: string): Promise<{ dir: string; remove: () => void }> {
  const tarball = pack().tarball;
  const dir = mkdtempSync(path.join(tmpdir(), `interleave-${name}-`));
  const remove = (): void => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(path.dirname(tarball), { recursive: true, force: true });
  };
  cpSync(path.join(ROOT, 'templates', name), dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  if (manifest.devDependencies.interleave !== `npm:interleave-judge@^${VERSION}`) {
    remove();
    throw new Error(`templates/${name}/package.json: interleave should be npm:interleave-judge@^${VERSION}, is ${manifest.devDependencies.interleave}`);
  }
  manifest.devDependencies.interleave = `file:${tarball}`;
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  const r = await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  if (r.code !== 0) {
    remove();
    throw new Error(`npm install failed in the copy of templates/${name}:\n${r.output}`);
  }
  return { dir, remove };
}
