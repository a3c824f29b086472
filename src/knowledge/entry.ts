/** A valid item of one of the fact base's list files, remembered with where it came from. */
import { formatPath, type Problem } from "./problem.js";

/** The 1-based line of a path inside a file, when the file has it. */
export type LineOf = (path: readonly PropertyKey[]) => number | undefined;

export interface Entry<T> {
  readonly value: T;
  /** Relative to the knowledge folder, like `facts/netflix.yaml`. */
  readonly file: string;
  /** Position in the file's list. */
  readonly index: number;
  readonly lineOf: LineOf;
}

/** A problem on a field of an entry, like `facts/x.yaml:12 [3].quote`. */
export function problemAt(
  entry: Entry<unknown>,
  field: readonly PropertyKey[],
  message: string,
): Problem {
  const path = [entry.index, ...field];
  return { file: entry.file, field: formatPath(path), line: entry.lineOf(path), message };
}

/** Where an entry's field is, for messages that name a second place: `facts/x.yaml:12 [3].id`. */
export function placeOf(entry: Entry<unknown>, field: readonly PropertyKey[]): string {
  const path = [entry.index, ...field];
  const line = entry.lineOf(path);
  return `${entry.file}${line ? `:${line}` : ""} ${formatPath(path)}`;
}
