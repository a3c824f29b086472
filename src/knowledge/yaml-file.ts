/**
 * Reads one YAML file of the fact base and validates it against a zod schema, reporting every
 * problem with its field path and line.
 */
import { readFile } from "node:fs/promises";
import { isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { formatPath, type Problem } from "./problem.js";

export interface ParsedFile<T> {
  readonly value?: T;
  readonly problems: Problem[];
  /** The 1-based line of a field, for problems found after parsing. */
  readonly lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

export async function readYamlFile<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
): Promise<ParsedFile<z.infer<S>>> {
  let text: string;
  try {
    text = await readFile(`${dir}/${file}`, "utf8");
  } catch (error) {
    const message =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "file is missing" : String(error);
    return { problems: [{ file, field: "", message }], lineOf: () => undefined };
  }
  return parseYaml(text, file, schema);
}

export function parseYaml<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): ParsedFile<z.infer<S>> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  if (text.trim() === "") {
    return {
      problems: [{ file, field: "", message: "file is empty; it should hold a YAML list" }],
      lineOf,
    };
  }
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      file,
      field: "",
      line: e.linePos?.[0].line,
      message: `not valid YAML: ${e.message.split("\n")[0]}`,
    }));
    return { problems, lineOf };
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({
      file,
      field: formatPath(issue.path),
      line: lineOf(issue.path),
      message: issue.message,
    }));
    return { problems, lineOf };
  }
  return { value: result.data, problems: [], lineOf };
}
