/** A problem found in the fact base: what is wrong, and where, so a curator can fix it. */
export interface Problem {
  /** Path relative to the knowledge folder, like `facts/netflix.yaml`. */
  readonly file: string;
  /** Path inside the file, like `[3].quote`; empty for the whole file. */
  readonly field: string;
  /** 1-based line in the file, when known. */
  readonly line?: number;
  readonly message: string;
}

/** `file:line field: message`, the form editors and terminals make clickable. */
export function formatProblem(p: Problem): string {
  const where = [p.file + (p.line ? `:${p.line}` : ""), p.field].filter(Boolean).join(" ");
  return `${where}: ${p.message}`;
}

/** Turns a zod/YAML path like `[3, "quote"]` into `[3].quote`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`))
    .join("");
}

/** Problems listed at most: a broken base can have hundreds of thousands. */
export const MAX_PROBLEMS = 200;

// One collator for every comparison: localeCompare builds one per call, which dominated
// sorting a few hundred thousand problems.
const byName = new Intl.Collator().compare;

/** By file, then line, so a curator can work down the list file by file. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => byName(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * The first `MAX_PROBLEMS` in order, as plain data (a message may be computed on first reading),
 * and how many more there are.
 */
export function firstProblems(problems: readonly Problem[]): {
  problems: Problem[];
  omitted: number;
} {
  const shown = sortProblems(problems)
    .slice(0, MAX_PROBLEMS)
    .map(({ file, field, line, message }) => ({ file, field, line, message }));
  return { problems: shown, omitted: Math.max(0, problems.length - MAX_PROBLEMS) };
}

/** "… and 1,234 more problems: fix these and check again", or nothing. */
export function omittedLine(omitted: number): string | undefined {
  if (omitted <= 0) return undefined;
  const n = omitted.toLocaleString("en");
  return `… and ${n} more problem${omitted === 1 ? "" : "s"} (only the first ${MAX_PROBLEMS} are listed): fix these and check again`;
}
