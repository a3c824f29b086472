/**
 * Reads one YAML list file of the fact base and validates it against its zod schema, reporting
 * every problem with its field path and line, and keeping the valid entries of a file that has
 * some invalid ones so later checks can still look at them.
 *
 * Two parsers: js-yaml reads a valid file several times faster and keeps no syntax tree, which
 * matters for a base of many thousand facts; the `yaml` package, slower but keeping positions,
 * explains a syntax error and finds the line of a problem, and only runs when there is one.
 */
import { readFile } from "node:fs/promises";
import { CORE_SCHEMA, load } from "js-yaml";
import { isNode, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import type { Entry, LineOf } from "./entry.js";
import { type Pace, pacer } from "./pacer.js";
import type { Problem } from "./problem.js";
import { curatorMessages, issueProblems } from "./schema-messages.js";

export interface ListFile<T> {
  /** The file's valid entries. */
  readonly entries: readonly Entry<T>[];
  readonly problems: readonly Problem[];
  /** Ids of every entry that has one, valid or not: a reference to them is not "unknown". */
  readonly ids: ReadonlySet<string>;
  /** False when the file could not be read or parsed at all. */
  readonly parsed: boolean;
}

/**
 * Reads, parses and validates one list file. A large file is parsed and validated a slice of
 * items at a time, pacing between slices, so a bot reloading it keeps answering.
 */
export async function readYamlList<I extends z.ZodType>(
  dir: string,
  file: string,
  schema: z.ZodArray<I>,
  pace: Pace = pacer(),
): Promise<ListFile<z.output<I>>> {
  let text: string;
  try {
    text = await readFile(`${dir}/${file}`, "utf8");
  } catch (error) {
    return unreadable(file, readError(error, file));
  }
  const lineOf = lazyLineOf(text);
  const sliced = await readInSlices(text, file, schema, lineOf, pace);
  if (sliced) return sliced;
  const fast = loadFast(text);
  if (fast === undefined) return parseExplained(text, file, schema);
  return validate(fast, file, schema, lineOf);
}

/** Items parsed and validated between two chances to pace. */
const ITEMS_PER_SLICE = 100;
/** A line that starts an item of the top-level list. */
const TOP_LEVEL_ITEM = /^-(?=[ \t\r\n]|$)/gm;
/** Document markers, or what may be an anchor or alias: the file is parsed whole. */
const UNSLICEABLE = /^(---|\.\.\.)|(^|[\s[{,])[&*][^\s,[\]{}]/m;

/**
 * A large file read a slice of top-level items at a time: each slice parsed and validated before
 * the next, so a slice's raw data dies young. In a file that parses whole, a line starting with
 * "- " begins an item of the top-level list (a scalar's continuation lines are indented), so
 * slices are whole items. Undefined for a small file, one with document markers or anchors (an
 * alias may point into another slice), or a slice that does not parse as its items: those are
 * read whole, with the same result.
 */
async function readInSlices<I extends z.ZodType>(
  text: string,
  file: string,
  schema: z.ZodArray<I>,
  lineOf: LineOf,
  pace: Pace,
): Promise<ListFile<z.output<I>> | undefined> {
  const starts = [...text.matchAll(TOP_LEVEL_ITEM)].map((m) => m.index);
  if (starts.length <= ITEMS_PER_SLICE || UNSLICEABLE.test(text)) return undefined;
  const entries: Entry<z.output<I>>[] = [];
  const problems: Problem[] = [];
  const ids = new Set<string>();
  const slices = z.array(schema.element);
  for (let i = 0; i < starts.length; i += ITEMS_PER_SLICE) {
    const items = loadFast(text.slice(i === 0 ? 0 : starts[i], starts[i + ITEMS_PER_SLICE]));
    const expected = Math.min(ITEMS_PER_SLICE, starts.length - i);
    if (!Array.isArray(items) || items.length !== expected) return undefined;
    const part = validate(items, file, slices, lineOf, i);
    for (const entry of part.entries) entries.push(entry);
    for (const problem of part.problems) problems.push(problem);
    for (const id of part.ids) ids.add(id);
    await pace();
  }
  return { entries, problems, ids, parsed: true };
}

function shiftPath(path: readonly PropertyKey[], by: number): PropertyKey[] {
  const [first, ...rest] = path;
  return typeof first === "number" ? [first + by, ...rest] : [...path];
}

/** The file's data, or undefined when it is empty or not valid YAML (the slow path says why). */
function loadFast(text: string): unknown {
  try {
    // The core schema, as `yaml` uses: "2018-12-01" stays a string, not a Date.
    const data = load(text, { schema: CORE_SCHEMA });
    return data === null ? undefined : data;
  } catch {
    return undefined;
  }
}

/** A line finder that parses the file with positions on its first use only. */
function lazyLineOf(text: string): LineOf {
  let found: LineOf | undefined;
  return (path) => {
    found ??= withPositions(text).lineOf;
    return found(path);
  };
}

function withPositions(text: string) {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineOf: LineOf = (path) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { doc, lines, lineOf };
}

/** The slow path: `yaml`'s own parse, for its error message and line. */
function parseExplained<I extends z.ZodType>(
  text: string,
  file: string,
  schema: z.ZodArray<I>,
): ListFile<z.output<I>> {
  const { doc, lines, lineOf } = withPositions(text);
  const [error] = doc.errors;
  if (error) {
    // Only the first: the errors after a syntax error are mostly its echoes.
    const line = lines.linePos(error.pos[0]).line;
    const message = `not valid YAML: ${error.message.split("\n")[0]}; fix the syntax at this line`;
    return unreadable(file, message, line);
  }
  if (doc.contents === null) {
    return unreadable(
      file,
      "file is empty: it should hold a YAML list of entries, each starting with '- '",
    );
  }
  return validate(doc.toJS(), file, schema, lineOf);
}

/** `offset`: where `raw` starts in the file's list, for the paths of its problems. */
function validate<I extends z.ZodType>(
  raw: unknown,
  file: string,
  schema: z.ZodArray<I>,
  lineOf: LineOf,
  offset = 0,
): ListFile<z.output<I>> {
  const options = { error: curatorMessages, reportInput: true };
  const result = schema.safeParse(raw, options);
  const items: unknown[] = Array.isArray(raw) ? raw : [];
  const ids = new Set(items.map(idOf).filter((id) => id !== undefined));
  if (result.success) {
    const entries = result.data.map((value, i) => ({ value, file, index: offset + i, lineOf }));
    return { entries, problems: [], ids, parsed: true };
  }
  const problems = result.error.issues.flatMap((issue) =>
    issueProblems({ ...issue, path: shiftPath(issue.path, offset) }, file, lineOf),
  );
  const entries = items.flatMap((item, i) => {
    const one = schema.element.safeParse(item);
    return one.success ? [{ value: one.data as z.output<I>, file, index: offset + i, lineOf }] : [];
  });
  return { entries, problems, ids, parsed: Array.isArray(raw) };
}

function idOf(item: unknown): string | undefined {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : undefined;
}

function unreadable<T>(file: string, message: string, line?: number): ListFile<T> {
  const problem: Problem = { file, field: "", message, ...(line ? { line } : {}) };
  return { entries: [], problems: [problem], ids: new Set(), parsed: false };
}

function readError(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return `file is missing: create ${file} (the README describes it)`;
  if (code === "EISDIR") return "is a folder, not a file";
  return `cannot be read: ${String(error)}`;
}
