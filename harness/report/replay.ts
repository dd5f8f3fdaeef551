/** The command that reproduces a failing run, as learners paste it into a shell. */

/**
 * `npx interleave run <problem> <file> --replay <token>`, each argument quoted for a POSIX shell
 * when it needs to be (a path with spaces, a token with `$`), so copy and paste always works.
 */
export function replayCommand(problem: string, file: string, token: string): string {
  return ['npx', 'interleave', 'run', problem, file, '--replay', token].map(shellQuote).join(' ');
}

/** Quotes one argument for sh/bash/zsh; plain words stay as they are. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
