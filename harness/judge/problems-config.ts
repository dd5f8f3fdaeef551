/**
 * Which folder of problem packages a command uses. In order: `--problems DIR` (or
 * `--problems-dir DIR`) on the command line, the environment variable `INTERLEAVE_PROBLEMS`,
 * `problems` in the nearest `interleave.config.json` found upward from the working folder, and
 * else the problems shipped with the package. The chosen folder is put in `INTERLEAVE_PROBLEMS`,
 * which every part of the judge reads (problemsDir()) and the sandbox workers inherit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CONFIG_FILE = 'interleave.config.json';

/** A config file that cannot be used; the message says what to fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** What interleave.config.json may hold. */
export interface InterleaveConfig {
  /** The folder of problem packages (`<dir>/<id>/problem.json`), relative to the config file. One folder, or a list of one. */
  problems?: string | string[];
}

/** The nearest interleave.config.json at or above `from`, or null. */
export function findConfig(from: string): string | null {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const file = path.join(dir, CONFIG_FILE);
    if (fs.existsSync(file)) return file;
    if (path.dirname(dir) === dir) return null;
  }
}

/** The problems folder a config file names (absolute), or null when it names none. Throws ConfigError. */
export function configProblemsDir(file: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError(`${file}: expected an object such as { "problems": "problems" }`);
  const unknown = Object.keys(data).filter((k) => k !== 'problems' && k !== '$schema');
  if (unknown.length) throw new ConfigError(`${file}: unknown key ${unknown.map((k) => `"${k}"`).join(', ')}; the only key is "problems" (the folder of problem packages)`);
  const value = (data as InterleaveConfig).problems;
  if (value === undefined) return null;
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((d) => typeof d !== 'string' || d === '')) {
    throw new ConfigError(`${file}: "problems" must be a folder, such as "problems" (relative to the config file)`);
  }
  if (list.length > 1) {
    throw new ConfigError(`${file}: "problems" lists ${list.length} folders; one folder of problem packages is supported: put the packages side by side in one folder`);
  }
  return checkedDir(path.resolve(path.dirname(file), list[0]), `"problems" in ${file}`);
}

/** `dir` if it is a folder; else a ConfigError naming where it came from. */
export function checkedDir(dir: string, from: string): string {
  let ok = false;
  try {
    ok = fs.statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new ConfigError(`${from}: there is no folder ${dir}`);
  return dir;
}

/**
 * The problems folder for a command run in `cwd` with `flag` (the value of --problems DIR, if
 * any): absolute, or undefined for the package's own problems. Throws ConfigError.
 */
export function chooseProblemsDir(cwd: string, flag?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (flag !== undefined) return checkedDir(path.resolve(cwd, flag), '--problems');
  if (env.INTERLEAVE_PROBLEMS) return env.INTERLEAVE_PROBLEMS;
  const config = findConfig(cwd);
  return config ? (configProblemsDir(config) ?? undefined) : undefined;
}

/** Chooses the problems folder (see chooseProblemsDir) and makes it the one every part of the judge uses. */
export function useProblemsDir(cwd: string, flag?: string): string | undefined {
  const dir = chooseProblemsDir(cwd, flag);
  if (dir !== undefined) process.env.INTERLEAVE_PROBLEMS = dir;
  return dir;
}
