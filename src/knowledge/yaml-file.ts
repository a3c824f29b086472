/**
 * Reads one YAML list file of the fact base and validates it against its zod schema, reporting
 * every problem with its field path and line, and keeping the valid entries of a file that has
 * some invalid ones so later checks can still look at them.
 *
 * Two parsers: js-yaml reads a valid file several times faster and keeps no syntax tree, which
 * matters for a base of many thousand facts; the `yaml` package, slower but keeping positions,
 * explains a syntax error and finds the line of a problem, and only runs when there is one.
 */
import { createHash } from "node:crypto";
import { CORE_SCHEMA, load } from "js-yaml";
import { isNode, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import type { Entry, LineOf } from "./entry.js";
import { itemLines } from "./item-lines.js";
import { type Pace, pacer } from "./pacer.js";
import type { Problem } from "./problem.js";
import { type ReadBudget, readKnowledgeFile } from "./read-file.js";
import { curatorMessages, issueProblems } from "./schema-messages.js";
import { aliasRepeats, MAX_ALIAS_EXPANSION, sharedRepeats, type Verdict } from "./yaml-aliases.js";

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
  budget?: ReadBudget,
): Promise<ListFile<z.output<I>>> {
  const read = await readKnowledgeFile(dir, file, budget);
  if (!read.ok) {
    const message = read.missing
      ? `file is missing: create ${file} (the README describes it)`
      : read.message;
    return unreadable(file, message, read.line);
  }
  const key = `${dir}\u0000${file}`;
  const hash = memory.on ? createHash("sha256").update(read.text).digest("base64") : "";
  const known = memory.previous.get(key);
  if (known !== undefined && known.hash === hash) {
    memory.current.set(key, known);
    memory.counts.reused++;
    return known.result as ListFile<z.output<I>>;
  }
  try {
    memory.counts.parsed++;
    const result = await parseAndValidate(read.text, file, schema, pace);
    if (memory.on && result.parsed && result.problems.length === 0) {
      memory.current.set(key, { hash, result });
    }
    return result;
  } catch (error) {
    // A parser or validator that throws (a stack overflow on absurd nesting, say) ends this
    // file with a problem, not the whole load with a stack trace.
    const why = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    return unreadable(file, `could not be read as YAML (${why}): simplify the file`);
  }
}

async function parseAndValidate<I extends z.ZodType>(
  text: string,
  file: string,
  schema: z.ZodArray<I>,
  pace: Pace,
): Promise<ListFile<z.output<I>>> {
  const starts = [...text.matchAll(TOP_LEVEL_ITEM)].map((m) => m.index);
  // Lines from the text while the items are known to be where `starts` says, else a full parse.
  let quick: LineOf | undefined;
  const slow = lazyLineOf(text);
  const lineOf: LineOf = (path) => quick?.(path) ?? slow(path);
  const trust = (on: boolean) => {
    quick = on ? (quick ?? itemLines(text, starts)) : undefined;
  };
  const sliced = await readInSlices(text, starts, file, schema, lineOf, pace, trust);
  if (sliced) return sliced;
  const fast = loadFast(text);
  if (fast === undefined) return parseExplained(text, file, schema);
  trust(Array.isArray(fast) && fast.length === starts.length);
  if (MAY_HAVE_ALIAS.test(text)) {
    const verdict = sharedRepeats(fast);
    if (verdict !== "ok") return aliasRefusal(text, file, verdict);
  }
  return validate(fast, file, schema, lineOf);
}

/** What may be an alias: a file without one is not walked for them. */
const MAY_HAVE_ALIAS = /(^|[\s[{,])\*[^\s,[\]{}]/m;

/** The refusal of a file whose aliases repeat too much, at the alias (found with `yaml`). */
function aliasRefusal<T>(text: string, file: string, fallback: Verdict): ListFile<T> {
  const { doc, lines } = withPositions(text);
  const found = aliasRepeats(doc);
  const verdict = found.verdict === "ok" ? fallback : found.verdict;
  const line = found.at?.range ? lines.linePos(found.at.range[0]).line : undefined;
  return unreadable(file, aliasMessage(verdict), line);
}

function aliasMessage(verdict: Verdict): string {
  if (verdict === "circular") {
    return "a YAML alias here stands for the list or fields that hold it, a value without end: remove it";
  }
  const limit = MAX_ALIAS_EXPANSION.toLocaleString("en");
  return `YAML aliases (*name) in this file repeat more than ${limit} values (passed at this alias): write the values out, or use fewer aliases`;
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
  starts: readonly number[],
  file: string,
  schema: z.ZodArray<I>,
  lineOf: LineOf,
  pace: Pace,
  /** Called with true once a slice has parsed as the items `starts` says, false if one did not. */
  trust: (on: boolean) => void,
): Promise<ListFile<z.output<I>> | undefined> {
  if (starts.length <= ITEMS_PER_SLICE || UNSLICEABLE.test(text)) return undefined;
  const entries: Entry<z.output<I>>[] = [];
  const problems: Problem[] = [];
  const ids = new Set<string>();
  const slices = z.array(schema.element);
  for (let i = 0; i < starts.length; i += ITEMS_PER_SLICE) {
    const items = loadFast(text.slice(i === 0 ? 0 : starts[i], starts[i + ITEMS_PER_SLICE]));
    const expected = Math.min(ITEMS_PER_SLICE, starts.length - i);
    if (!Array.isArray(items) || items.length !== expected) {
      trust(false);
      return undefined;
    }
    // Only this slice's items are asked for lines, and they are where `starts` says.
    trust(true);
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
  // resolveKnownTags off: YAML 1.1 tags like !!binary or !!set are unknown tags too.
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
    resolveKnownTags: false,
  });
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
  const repeats = aliasRepeats(doc);
  if (repeats.verdict !== "ok") {
    const line = repeats.at?.range ? lines.linePos(repeats.at.range[0]).line : undefined;
    return unreadable(file, aliasMessage(repeats.verdict), line);
  }
  const tag = doc.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
  if (tag) {
    const name = /Unresolved tag: (\S+)/.exec(tag.message)?.[1] ?? "";
    const message = `unknown YAML tag ${name}: remove it (the fact base is plain YAML: text, numbers, lists and fields)`;
    return unreadable(file, message, lines.linePos(tag.pos[0]).line);
  }
  // Aliases are bounded above, by the same measure as on the fast path.
  return validate(doc.toJS({ maxAliasCount: -1 }), file, schema, lineOf);
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
    const entries = ownStrings(result.data).map((value, i) => ({
      value,
      file,
      index: offset + i,
      lineOf,
    }));
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

/**
 * The same values with strings of their own. A string the YAML parser hands out is a slice of
 * the file's text (V8 keeps such slices as a pointer into their parent), so one kept value keeps
 * the whole file alive: at 100,000 facts, tens of megabytes of text nothing reads. Validated
 * values are plain JSON (strings, lists, fields; numbers are made text), so a JSON round trip
 * copies them exactly, and fast.
 */
function ownStrings<T>(values: T): T {
  return copying.strings ? (JSON.parse(JSON.stringify(values)) as T) : values;
}

/**
 * Off by `keepParserStrings` in the worker that checks a base for the bot: its heap is thrown
 * away with it, and what it hands back is copied anyway (hand-back.ts).
 */
const copying = { strings: true };

export function keepParserStrings(): void {
  copying.strings = false;
}

/**
 * Sound files' results, by folder and file, with a hash of their text: in the worker kept between
 * checks (check-off-thread.ts), a file whose text has not changed since the last check is not
 * parsed and validated again (most of a check's time on a sound base). Only what the last check
 * read is kept; the checks across files (references, quotes, duplicates) run every time.
 */
const memory = {
  on: false,
  previous: new Map<string, { hash: string; result: ListFile<unknown> }>(),
  current: new Map<string, { hash: string; result: ListFile<unknown> }>(),
  /** Files parsed, and files whose last sound result was reused (work counters, for tests). */
  counts: { parsed: 0, reused: 0 },
};

export function fileCounts(): Readonly<{ parsed: number; reused: number }> {
  return { ...memory.counts };
}

/** In the checking worker: remember sound files from one check to the next. */
export function rememberSoundFiles(): void {
  memory.on = true;
}

/** Before each check: what the last check read is what may be reused; the rest is dropped. */
export function nextCheck(): void {
  memory.previous = memory.current;
  memory.current = new Map();
}

function idOf(item: unknown): string | undefined {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : undefined;
}

function unreadable<T>(file: string, message: string, line?: number): ListFile<T> {
  const problem: Problem = { file, field: "", message, ...(line ? { line } : {}) };
  return { entries: [], problems: [problem], ids: new Set(), parsed: false };
}
