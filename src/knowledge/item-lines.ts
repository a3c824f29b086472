/**
 * The line of an item of a list file, or of one of its top-level fields, found from the text
 * alone. Parsing a file again with positions (the `yaml` package) to place a problem costs more
 * than reading it, and a broken base can have a problem in every item of hundreds of files; this
 * is the common case done cheaply, and anything else (a value inside a list, a field in flow
 * style) is left to the full parse.
 *
 * `starts`: where each top-level item begins ("- " at the start of a line), trusted only once the
 * caller has checked that the file parses as exactly that many items.
 */
import type { LineOf } from "./entry.js";

export function itemLines(text: string, starts: readonly number[]): LineOf {
  let newlines: number[] | undefined;
  const lineAt = (offset: number) => {
    newlines ??= [...text.matchAll(/\n/g)].map((m) => m.index);
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((newlines[mid] ?? 0) < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
  return (path) => {
    const [index, key, ...rest] = path;
    if (typeof index !== "number" || rest.length > 0) return undefined;
    const start = starts[index];
    if (start === undefined) return undefined;
    if (key === undefined) return lineAt(start);
    if (typeof key !== "string") return undefined;
    const at = fieldOffset(text, start, starts[index + 1] ?? text.length, key);
    return at === undefined ? undefined : lineAt(at);
  };
}

/** Where `key:` begins in the item, at the indentation of the item's first field. */
function fieldOffset(text: string, start: number, end: number, key: string): number | undefined {
  const first = /^-[ \t]+/.exec(text.slice(start, start + 40));
  if (!first) return undefined;
  const indent = " ".repeat(first[0].length);
  if (text.startsWith(`${key}:`, start + first[0].length)) return start;
  const needle = `\n${indent}${key}:`;
  const at = text.indexOf(needle, start);
  return at === -1 || at >= end ? undefined : at + 1;
}
