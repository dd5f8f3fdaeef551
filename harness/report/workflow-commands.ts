/**
 * GitHub Actions workflow commands (`::error file=…::message`), escaped as GitHub documents; the
 * `stop-commands` block that keeps text from learner code from issuing commands of its own; and
 * {@link inertCommands} for output that is not inside such a block.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import { randomBytes } from 'node:crypto';

/** A command's message: `%`, CR and LF encoded, so the message stays on its one line. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as data, and also `:` and `,`, which end a property. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name k=v,k=v::message`, every part escaped; properties left undefined are left out. */
export function workflowCommand(name: string, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** A token no learner can guess: it is made after the judging, in the grading process. */
export function stopToken(): string {
  return `interleave-${randomBytes(16).toString('hex')}`;
}

/**
 * `text` between `::stop-commands::<token>` and `::<token>::`: GitHub ignores every workflow command
 * inside, so learner output such as `::add-mask::` or `::error::` is printed, never obeyed.
 */
export function stopCommands(text: string, token: string): string {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `::stop-commands::${token}\n${body}::${token}::\n`;
}

/** Joins two characters without showing anything: it breaks `::` and `##[` for GitHub, not for people. */
const JOINER = '\u2060';

/**
 * Text that no GitHub runner reads as a workflow command, for output that holds learner text
 * outside a stop-commands block (`grade`'s table, `verify`, `run`): a line whose first non-blank
 * characters are `::` (the runner trims leading blanks before it looks) gets a word joiner
 * between the two colons, and every `##[` (the older command syntax, matched anywhere in a line)
 * one between the two `#`. The joiner is invisible, so the text reads the same.
 */
export function inertCommands(text: string): string {
  return text.replace(/(^|[\r\n])([^\S\r\n]*):(?=:)/g, `$1$2:${JOINER}`).replace(/##\[/g, `#${JOINER}#[`);
}
