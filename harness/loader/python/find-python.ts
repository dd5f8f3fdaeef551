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
  /**
   * The Landlock ABI of this kernel (0: none): the runner confines itself with it (read the
   * standard library only, write nothing, no TCP; see interleave_contain.py).
   */
  landlock: number;
}

const MIN = [3, 10];
/** How long the interpreter may take to answer the probe (a pyenv shim runs a shell script first). */
const PROBE_TIMEOUT_MS = 30_000;
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
    return typeof p.executable === 'string' && typeof p.version === 'string' && typeof p.landlock === 'number' ? p : undefined;
  } catch {
    return undefined;
  }
}

/** Prints the interpreter, its version and the kernel's Landlock ABI (landlock_create_ruleset's version query). */
const PROBE = [
  'import sys',
  'print(sys.executable); print("%d.%d.%d" % sys.version_info[:3])',
  'try:',
  '    import ctypes; libc = ctypes.CDLL(None, use_errno=True); libc.syscall.restype = ctypes.c_long',
  '    print(max(0, libc.syscall(ctypes.c_long(444), None, ctypes.c_size_t(0), ctypes.c_uint32(1))))',
  'except Exception:',
  '    print(0)',
].join('\n');

/**
 * What the grader says once when it judges Python files on a kernel without Landlock: the runner's
 * audit hook is all that keeps a file from reading or emptying what the grader's user may.
 */
export function pythonContainmentNote(p: FoundPython): string | undefined {
  if (p.landlock > 0) return undefined;
  return 'Python files run without Landlock (this kernel has none; Linux 5.13 and later have it): only the runner\'s audit hook keeps a hostile one from reading or emptying files the grader\'s user may. Grade Python on a newer kernel, or as a user who can touch nothing else.';
}

/** Starts each candidate interpreter to ask its path, version and Landlock ABI (exported for tests). */
export function probe(timeoutMs = PROBE_TIMEOUT_MS): FoundPython | PythonUnavailableError {
  const candidates = process.env.INTERLEAVE_PYTHON ? [process.env.INTERLEAVE_PYTHON] : ['python3', 'python'];
  const seen: string[] = [];
  for (const cmd of candidates) {
    let r;
    try {
      r = spawnSync(cmd, ['-c', PROBE], {
        encoding: 'utf8',
        timeout: timeoutMs,
      });
    } catch {
      continue;
    }
    // A pyenv shim is a shell script, slow to start on a loaded machine: a probe cut off by its
    // timeout was reported as "none was found" (a red team saw it with two Python runs at once).
    if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') {
      seen.push(`${cmd} did not answer within ${timeoutMs / 1000} s (is the machine very busy?)`);
      continue;
    }
    if (r.status !== 0 || typeof r.stdout !== 'string') continue;
    const [executable, version, landlock] = r.stdout.trim().split('\n');
    const [major, minor] = version.split('.').map(Number);
    if (major > MIN[0] || (major === MIN[0] && minor >= MIN[1])) return { executable, version, landlock: Number(landlock) || 0 };
    seen.push(`${cmd} is Python ${version}`);
  }
  return new PythonUnavailableError(
    `judging a Python file needs Python ${MIN.join('.')} or newer on PATH (python3)${seen.length ? `: ${seen.join(', ')}` : ', and none was found'}. ` +
      'Install it (e.g. `apt-get install python3`) or set INTERLEAVE_PYTHON to its path.',
  );
}
