/**
 * Control characters in the fact base: NUL, other C0 and C1 characters and DEL are errors
 * wherever they are (tab and line feed excepted, and the carriage return of a CRLF line end).
 * ESC (U+001B) and CSI (U+009B) are among them, so no terminal escape sequence reaches a
 * terminal or a Discord message. Format characters (a no-break space, a soft hyphen) are not
 * control characters and stay allowed where the article has them.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/;

/** The first control character of a text, as a message with its line; undefined when clean. */
export function controlCharacterAt(text: string): { message: string; line: number } | undefined {
  const found = CONTROL_CHARACTER.exec(text);
  if (!found) return undefined;
  const line = lineAt(text, found.index);
  return { message: `${describeControl(found[0] ?? "")} (line ${line}): remove it`, line };
}

/** "holds a control character (U+0007)", and the like. */
export function describeControl(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  if (char === "\r") return "holds a carriage return that does not end a line";
  if (code === 0x1b || code === 0x9b) {
    return `holds a terminal escape character (${hex}; escape sequences are not allowed)`;
  }
  if (code === 0) return "holds a NUL character (U+0000)";
  return `holds a control character (${hex})`;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
