/**
 * Finds the Python that judges Python submissions: `INTERLEAVE_PYTHON`, else `python3` (then
 * `python`) on PATH, 3.10 or newer. The real executable is resolved once (a pyenv shim needs the
 * environment the runner is denied), and its absence is an error of the setup, never a verdict.
 */
import { spawnSync } from 'node:child_process';

/** Python is missing or too old: the command cannot judge Python (exit 2), TypeScript is unaffected. */
export class PythonUnavailableError extends Error {
  override name = 'PythonUnavailableError';
}

export interface FoundPython {
  /** The interpreter's real path (sys.executable). */
  executable: string;
  version: string;
}

const MIN = [3, 10];
let found: FoundPython | PythonUnavailableError | undefined;

/**
 * What a parent that probed already passes to the child judging a Python job
 * (INTERLEAVE_PYTHON_PROBED): the child skips a start of the interpreter.
 */
export const PROBED_ENV = 'INTERLEAVE_PYTHON_PROBED';

/** The Python to run learner code with; throws PythonUnavailableError. */
export function findPython(): FoundPython {
  found ??= probed() ?? probe();
  if (found instanceof Error) throw found;
  return found;
}

function probed(): FoundPython | undefined {
  const text = process.env[PROBED_ENV];
  if (!text) return undefined;
  try {
    const p = JSON.parse(text) as FoundPython;
    return typeof p.executable === 'string' && typeof p.version === 'string' ? p : undefined;
  } catch {
    return undefined;
  }
}

function probe(): FoundPython | PythonUnavailableError {
  const candidates = process.env.INTERLEAVE_PYTHON ? [process.env.INTERLEAVE_PYTHON] : ['python3', 'python'];
  const seen: string[] = [];
  for (const cmd of candidates) {
    let r;
    try {
      r = spawnSync(cmd, ['-c', 'import sys; print(sys.executable); print("%d.%d.%d" % sys.version_info[:3])'], {
        encoding: 'utf8',
        timeout: 10_000,
      });
    } catch {
      continue;
    }
    if (r.status !== 0 || typeof r.stdout !== 'string') continue;
    const [executable, version] = r.stdout.trim().split('\n');
    const [major, minor] = version.split('.').map(Number);
    if (major > MIN[0] || (major === MIN[0] && minor >= MIN[1])) return { executable, version };
    seen.push(`${cmd} is Python ${version}`);
  }
  return new PythonUnavailableError(
    `judging a Python file needs Python ${MIN.join('.')} or newer on PATH (python3)${seen.length ? `: ${seen.join(', ')}` : ', and none was found'}. ` +
      'Install it (e.g. `apt-get install python3`) or set INTERLEAVE_PYTHON to its path.',
  );
}
