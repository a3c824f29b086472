/**
 * Turns zod issues into problems a curator can act on: "is missing: add it" rather than
 * "expected string, received undefined", and one problem per unknown field, at that field.
 */
import type { z } from "zod";
import type { LineOf } from "./entry.js";
import { formatPath, type Problem } from "./problem.js";

const TYPE_NAMES: Record<string, string> = {
  array: "a list, like [a, b] or lines starting with '- '",
  string: "text",
  number: "a number",
  boolean: "true or false",
  object: "a set of fields (name: value)",
};

/** Per-parse error map: only replaces zod's default wording; schema messages win. */
export const curatorMessages = (issue: z.core.$ZodRawIssue): string | undefined => {
  if (issue.code === "invalid_union") return unionMessage(issue.errors, issue.input);
  if (issue.code !== "invalid_type") return undefined;
  if (issue.input === undefined) return "is missing: add this field";
  const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
  return `must be ${expected}, not ${describe(issue.input)}`;
};

/**
 * A keyword is text or a number: where it is neither (a list inside the list of keywords), zod
 * says only "Invalid input". Worded like the other type errors instead.
 */
function unionMessage(branches: readonly (readonly z.core.$ZodIssue[])[], input: unknown) {
  const expected = branches.flatMap((issues) =>
    issues.flatMap((i) => (i.code === "invalid_type" && i.path.length === 0 ? [i.expected] : [])),
  );
  if (expected.length !== branches.length || input === undefined) return undefined;
  const names = [...new Set(expected)].map((e) => TYPE_NAMES[e] ?? e);
  return `must be ${names.join(" or ")}, not ${describe(input)}`;
}

export function issueProblems(issue: z.core.$ZodIssue, file: string, lineOf: LineOf): Problem[] {
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => {
      const path = [...issue.path, key];
      const message = "unknown field: fix its spelling or remove it (the README lists the fields)";
      return { file, field: formatPath(path), line: lineOf(path), message };
    });
  }
  if (issue.path.length === 0 && issue.code === "invalid_type") {
    const message = `the file must be a YAML list, each entry starting with '- ', not ${describe(issue.input)}`;
    return [{ file, field: "", line: lineOf([]), message }];
  }
  const message =
    issue.code === "invalid_value" ? `must be one of ${issue.values.join(", ")}` : issue.message;
  return [{ file, field: formatPath(issue.path), line: lineOf(issue.path), message }];
}

function describe(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a set of fields";
  if (typeof value === "string") return `text (${JSON.stringify(value.slice(0, 40))})`;
  return `${typeof value} (${String(value)})`;
}
