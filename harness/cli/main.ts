/**
 * `interleave <command>`: the command-line entry. Each command is one module; this file only
 * dispatches and turns an unexpected failure into a clear message and exit status 3.
 */
import { classroomCommand } from './classroom';
import { gradeCommand } from './grade';
import { reportCommand } from './report';
import { runCommand } from './run';
import { verifyCommand } from './verify';
import { EXIT_USAGE } from './args';

export const USAGE = `usage: npx interleave <command> …

commands:
  run [<problem-id>] <file>   judge one solution file (the problem is found from the class name when left out)
  grade <submissions-dir>     judge a whole class: results.json, index.html, junit.xml, grades.csv
  report <results.json>       render the reports again from a results file
  verify [<problem-id>…]      check problem packages: every shipped solution gets its folder's verdict
  classroom [<file>…]         grade an assignment repository: GitHub Classroom result, job summary, annotations, Gradescope

Run \`npx interleave <command> --help\` for a command's options.`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  run: runCommand,
  grade: gradeCommand,
  report: reportCommand,
  verify: verifyCommand,
  classroom: classroomCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? process.stderr : process.stdout).write(`${USAGE}\n`);
    return command === undefined ? EXIT_USAGE : 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`interleave: unknown command "${command}"\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  try {
    return await run(rest);
  } catch (e) {
    process.stderr.write(`interleave ${command}: judge error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 3;
  }
}
