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

/** By file, then line, so a curator can work down the list file by file. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
}
