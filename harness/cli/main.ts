/**
 * `interleave <command>`: the command-line entry. Each command is one module; this file only
 * dispatches, answers `--version`, suggests the command a typo meant (each command's options are
 * parsed by the one parser in args.ts, which suggests the option a typo meant), chooses the
 * folder of problem packages (`--problems DIR`, interleave.config.json), and turns an unexpected
 * failure into a clear message and exit status 3.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT_USAGE, hint } from './args';
import { mark } from '../pool/phases';
import { ConfigError, useProblemsDir } from '../judge/problems-config';
import { packageRoot, PACKAGE_NAME } from '../paths';
import { detectRunner, setReplayRunner } from '../report/replay';

export const USAGE = `usage: npx interleave <command> …   (the npm package is ${PACKAGE_NAME}: npx ${PACKAGE_NAME} <command> … anywhere)

commands:
  run [<problem-id>] <file>   judge one solution file (the problem is found from the class name when left out); --watch re-judges on save
  grade <submissions-dir>     judge a whole class: results.json, index.html, junit.xml, grades.csv
  merge <shard-dir>… --out D  join the output folders of grade --shard I/N into one class's reports
  report <results.json>       render the reports again from a results file
  verify [<problem-id>…]      check problem packages: every shipped solution gets its folder's verdict
  classroom [<file>…]         grade an assignment repository: GitHub Classroom result, job summary, annotations, Gradescope
  problems                    list the problems
  show <problem-id>           print a problem's statement
  api                         print the reference of interleave/sync: every class and method, what to await, what throws
  new <problem-id>            scaffold a problem package (with an accepted and a known-bad solution)

every command:
  --problems DIR              use the problem packages in DIR (<DIR>/<id>/problem.json) instead of the shipped ones;
                              also INTERLEAVE_PROBLEMS=DIR, or { "problems": "DIR" } in an interleave.config.json
                              in this folder or above (on grade and classroom, --problems ID,… still picks problems)
  --version                   print the version

Run \`npx interleave <command> --help\` for a command's options.`;

interface Command {
  run(argv: string[]): Promise<number>;
  usage: string;
  /** `--problems` of this command takes problem ids (a folder is told apart by existing). */
  problemIds?: boolean;
}

/*
 * Each command's module is loaded only when that command runs: a learner's `interleave run` must
 * not wait for the HTML report's templates, Classroom's outputs or the whole judge to load (the
 * run command needs the judge only in its sandbox worker).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<string, () => Command> = {
  run: () => {
    const m = require('./run') as typeof import('./run');
    return { run: m.runCommand, usage: m.RUN_USAGE };
  },
  grade: () => {
    const m = require('./grade') as typeof import('./grade');
    return { run: m.gradeCommand, usage: m.GRADE_USAGE, problemIds: true };
  },
  merge: () => {
    const m = require('./merge') as typeof import('./merge');
    return { run: m.mergeCommand, usage: m.MERGE_USAGE };
  },
  report: () => {
    const m = require('./report') as typeof import('./report');
    return { run: m.reportCommand, usage: m.REPORT_USAGE };
  },
  verify: () => {
    const m = require('./verify') as typeof import('./verify');
    return { run: m.verifyCommand, usage: m.VERIFY_USAGE };
  },
  classroom: () => {
    const m = require('./classroom') as typeof import('./classroom');
    return { run: m.classroomCommand, usage: m.CLASSROOM_USAGE, problemIds: true };
  },
  problems: () => {
    const m = require('./problems') as typeof import('./problems');
    return { run: m.problemsCommand, usage: m.PROBLEMS_USAGE };
  },
  show: () => {
    const m = require('./problems') as typeof import('./problems');
    return { run: m.showCommand, usage: m.SHOW_USAGE };
  },
  api: () => {
    const m = require('./problems') as typeof import('./problems');
    return { run: m.apiCommand, usage: m.API_USAGE };
  },
  new: () => {
    const m = require('./new') as typeof import('./new');
    return { run: m.newCommand, usage: m.NEW_USAGE };
  },
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The package's version, from its package.json. */
export function version(): string {
  return (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * A reader that stops reading (`interleave run … --json | head`) ends nothing but the output: the
 * command finishes its work (a grade keeps its files), without a crash about a broken pipe.
 */
function quietWhenReaderLeaves(stream: NodeJS.WriteStream): void {
  if (stream.listenerCount('error') > 0) return;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
}

export async function main(argv: string[]): Promise<number> {
  mark('main');
  quietWhenReaderLeaves(process.stdout);
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? process.stderr : process.stdout).write(`${USAGE}\n`);
    return command === undefined ? EXIT_USAGE : 0;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    process.stdout.write(`${PACKAGE_NAME} ${version()}\n`);
    return 0;
  }
  const cmd = Object.hasOwn(COMMANDS, command) ? COMMANDS[command]() : undefined;
  if (!cmd) {
    const what = command.startsWith('-') ? `unknown option "${command}" before the command` : `unknown command "${command}"`;
    process.stderr.write(`interleave: ${what}${hint(command.replace(/^-+/, ''), command.startsWith('-') ? ['version', 'help'] : Object.keys(COMMANDS), command.startsWith('-') ? '--' : '')}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  let args: string[];
  try {
    args = takeProblemsDir(rest, cmd);
    if (args.includes('--version')) {
      process.stdout.write(`${PACKAGE_NAME} ${version()}\n`);
      return 0;
    }
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`interleave ${command}: ${e.message}\n`);
    return EXIT_USAGE;
  }
  setReplayRunner(detectRunner(process.cwd()));
  try {
    return await cmd.run(args);
  } catch (e) {
    process.stderr.write(`interleave ${command}: judge error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 3;
  }
}

/**
 * Takes `--problems-dir DIR`, and `--problems DIR` where it names a folder, out of the arguments,
 * and makes that folder (or INTERLEAVE_PROBLEMS, or the config file's) the problems folder.
 */
function takeProblemsDir(argv: string[], cmd: Command): string[] {
  const out: string[] = [];
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const m = /^--(problems|problems-dir)(?:=(.*))?$/.exec(a);
    if (!m) {
      out.push(a);
      continue;
    }
    const value = m[2] ?? argv[i + 1];
    const isDir = m[1] === 'problems-dir' || !cmd.problemIds || (value !== undefined && isFolder(value));
    if (!isDir) {
      out.push(a);
      continue;
    }
    if (value === undefined || value === '') throw new ConfigError(`${a} needs a folder of problem packages`);
    if (m[2] === undefined) i++;
    dir = value;
  }
  useProblemsDir(process.cwd(), dir);
  return out;
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
