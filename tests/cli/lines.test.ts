import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { readLines } from "../../src/cli/lines.js";

async function linesOf(chunks: readonly (string | Buffer)[]): Promise<string[]> {
  const input = new PassThrough();
  const out: Promise<string[]> = (async () => {
    const lines: string[] = [];
    for await (const line of readLines(input)) lines.push(line);
    return lines;
  })();
  for (const chunk of chunks) input.write(chunk);
  input.end();
  return out;
}

describe("readLines", () => {
  it("ends lines at \\n and \\r\\n only", async () => {
    expect(await linesOf(["a\rb\nc\r\n\nd"])).toEqual(["a\rb", "c", "", "d"]);
  });

  it("joins a line, a \\r\\n and a UTF-8 character split across chunks", async () => {
    const euro = Buffer.from("€");
    expect(
      await linesOf(["ab", "c\r", "\nx", euro.subarray(0, 1), euro.subarray(1), "\n"]),
    ).toEqual(["abc", "x€"]);
  });

  it("yields nothing for empty input, and no extra line after a final \\n", async () => {
    expect(await linesOf([])).toEqual([]);
    expect(await linesOf(["one\n"])).toEqual(["one"]);
  });
});
