/** Text helpers for Discord Markdown: escaping, block quotes, and trimming at a word boundary. */

/**
 * Escapes Markdown so quotes and user text show as typed: emphasis, code, spoilers, links and
 * escapes anywhere; headings, lists and quote marks at the start of a line. Linear time (the
 * discord.js escaper is slow on long unbroken text, and questions can be 6000 characters).
 */
export function escapeText(text: string): string {
  return text
    .replace(/[\\*_~`|[\]]/g, "\\$&")
    .replace(
      /^([ \t]*)(?:([#>-])|(\d+)\.(?=\s))/gm,
      (_m, space: string, mark?: string, digits?: string) =>
        mark ? `${space}\\${mark}` : `${space}${digits}\\.`,
    );
}

/** Every line as a Markdown block quote, so multi-line quotes stay quoted. */
export function blockQuote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.trim() === "" ? ">" : `> ${line}`))
    .join("\n");
}

/**
 * `text` if it fits in `max` characters; otherwise cut at the last word boundary that leaves room
 * for ` … note`, so a reader always sees that something was left out. A single word longer than
 * the room is cut inside the word, still with the note.
 */
export function trimWithNote(text: string, max: number, note: string): string {
  if (text.length <= max) return text;
  const tail = ` … ${note}`;
  const room = max - tail.length;
  if (room <= 0) return tail.trim().slice(0, max);
  const head = text.slice(0, room + 1);
  const boundary = head.search(/\s\S*$/);
  let cut = boundary > 0 ? head.slice(0, boundary) : head.slice(0, room);
  // Never leave half an escape sequence (a trailing backslash) before the note.
  cut = cut.replace(/\\+$/, "").trimEnd();
  return `${cut}${tail}`;
}

/** Trims to `max` at a word boundary with a plain ellipsis: for labels and names. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const boundary = head.search(/\s\S*$/);
  return `${(boundary > 0 ? head.slice(0, boundary) : head).trimEnd()}…`;
}
