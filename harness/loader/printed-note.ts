/**
 * What learner code printed, as the trace note of the row that printed it: `console.log: …` or
 * `print: …`, cut to {@link NOTE_CHARS} characters with `…` when it was longer, so that a reader
 * never takes a cut line for the whole of it.
 */
import { truncate } from '../report/terminal';

const NOTE_CHARS = 200;

export function printedNote(label: string, text: string): string {
  return `${label}: ${truncate(text, NOTE_CHARS)}`;
}
