/**
 * What learner code printed, as the trace note of the row that printed it: `console.log: …` or
 * `print: …`, cut to {@link NOTE_CHARS} characters with `…` when it was longer, so that a reader
 * never takes a cut line for the whole of it. (report/terminal's `truncate` does the same for
 * the console, but data flows from the loader to the reports, never back.)
 */
const NOTE_CHARS = 200;

export function printedNote(label: string, text: string): string {
  const chars = [...text];
  return `${label}: ${chars.length > NOTE_CHARS ? `${chars.slice(0, NOTE_CHARS - 1).join('')}…` : text}`;
}
