/**
 * The lines of a text stream, as `ask --json` reads them: only "\n" ends a line, and a "\r"
 * just before it is dropped (Windows line ends). A lone "\r" is part of the line, where
 * `node:readline` would end the line there and turn one question into two.
 */
export async function* readLines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  // Decodes UTF-8 across chunk boundaries.
  input.setEncoding("utf8");
  let partial = "";
  for await (const chunk of input as AsyncIterable<string>) {
    let start = 0;
    for (let end = chunk.indexOf("\n"); end !== -1; end = chunk.indexOf("\n", start)) {
      yield withoutCr(partial + chunk.slice(start, end));
      partial = "";
      start = end + 1;
    }
    // Only the new chunk is searched, so a very long line costs its length, not its square.
    partial += chunk.slice(start);
  }
  if (partial !== "") yield withoutCr(partial);
}

function withoutCr(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}
