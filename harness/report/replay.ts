/** The command that reproduces a failing run, as learners paste it into a shell. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../paths';

/** What the package's command is called where it is installed; `npx interleave` elsewhere runs somebody else's package. */
const LOCAL_RUNNER = 'npx interleave';

let runner = LOCAL_RUNNER;
let placeFile: (file: string) => string = (file) => file;

/**
 * The command a replay starts with: `node bin/interleave.js` in a copy of the judge that is not an
 * installed package (a checkout or an unpacked copy: the command it is started as, relative from
 * inside it, absolute from elsewhere), `npx interleave` where the package is installed (an
 * assignment's `node_modules/.bin/interleave`, found from `cwd` upward), else
 * `npx interleave-judge@<version>`, which npm fetches anywhere (the judge itself ran from npm's
 * cache or a global install). Reports use this for every replay command they print (default:
 * `npx interleave`).
 */
export function detectRunner(cwd: string, version = ownVersion(), root = packageRoot()): string {
  const here = path.resolve(cwd);
  const bin = path.join(root, 'bin', 'interleave.js');
  const installed = root.split(path.sep).includes('node_modules');
  if (here === root || here.startsWith(root + path.sep)) {
    if (!installed) return `node ${shellQuote(path.relative(here, bin))}`;
  }
  for (let dir = here; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'node_modules', '.bin', 'interleave'))) return LOCAL_RUNNER;
    if (path.dirname(dir) === dir) break;
  }
  // Started as `node <copy>/bin/interleave.js` from another folder: npx would fetch a package that
  // may not be published (or another version of it); the copy that judged is the one to replay with.
  if (!installed) return `node ${shellQuote(bin)}`;
  return version ? `npx interleave-judge@${version}` : 'npx interleave-judge';
}

/** Sets the command replays start with (see detectRunner). */
export function setReplayRunner(command: string): void {
  runner = command;
}

/** The command that starts this judge where the learner is (see detectRunner): `npx interleave`, `node bin/interleave.js`, … */
export function runnerCommand(): string {
  return runner;
}

/**
 * Sets how a result's file is written in a replay command, so that it works from the folder the
 * command will be run in: `grade` names files relative to the submissions folder and turns them
 * into paths from the folder it was run in. Pass undefined to leave files as they are.
 */
export function setReplayFiles(place: ((file: string) => string) | undefined): void {
  placeFile = place ?? ((file) => file);
}

/**
 * `npx interleave run <problem> <file> --replay <token>`, each argument quoted for a POSIX shell
 * when it needs to be (a path with spaces, a token with `$`), so copy and paste always works.
 */
export function replayCommand(problem: string, file: string, token: string): string {
  return [runner, ...['run', problem, placeFile(file), '--replay', token].map(shellQuote)].join(' ');
}

/** Quotes one argument for sh/bash/zsh; plain words stay as they are. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

function ownVersion(): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
