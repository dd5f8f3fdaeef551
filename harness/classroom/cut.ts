/**
 * Cutting text to a budget without losing what matters most: the start says what went wrong,
 * the end holds the replay command, so a long trace loses its middle.
 */

/**
 * `text` in at most `max` characters: its first and last lines, with a line in between saying how
 * much was left out. Cuts at line ends where it can. Text within the budget comes back unchanged.
 */
export function cutMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const marker = (n: number) => `\n… ${n} characters left out …\n`;
  const room = max - marker(text.length).length;
  if (room < 20) return cutEnd(text, max);
  let head = text.slice(0, Math.ceil(room / 2));
  let tail = text.slice(text.length - Math.floor(room / 2));
  const headBreak = head.lastIndexOf('\n');
  if (headBreak > head.length / 2) head = head.slice(0, headBreak);
  const tailBreak = tail.indexOf('\n');
  if (tailBreak >= 0 && tailBreak < tail.length / 2) tail = tail.slice(tailBreak + 1);
  return head + marker(text.length - head.length - tail.length) + tail;
}

/** `text` in at most `max` characters, ending with `…` when it was cut. */
export function cutEnd(text: string, max: number): string {
  if (text.length <= max) return text;
  return max <= 1 ? '…'.slice(0, Math.max(0, max)) : `${text.slice(0, max - 1)}…`;
}

/** The size of `text` in UTF-8 bytes, which is what GitHub's limits count. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
