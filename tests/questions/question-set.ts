/**
 * The question set (`questions.yaml`) and how an answer is judged against it. Shared by the
 * question-set test and `npm run bench`.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import type { Answer } from "../../src/engine/index.js";

export const CATEGORIES = [
  "direct",
  "paraphrased",
  "typo",
  "alias",
  "dutch",
  "multi-company",
  "out-of-scope",
  "hostile",
] as const;

const EntrySchema = z.strictObject({
  q: z.string(),
  category: z.enum(CATEGORIES),
  first: z.string().optional(),
  orgs: z.array(z.string()).optional(),
  facts: z.array(z.string()).optional(),
  /** Other companies that may rightly appear (a "which companies" question may find more). */
  also: z.array(z.string()).optional(),
  answered: z.literal(false).optional(),
  repeat: z.number().int().positive().optional(),
});
export type QuestionEntry = z.infer<typeof EntrySchema> & { readonly question: string };

export function loadQuestionSet(
  file = new URL("./questions.yaml", import.meta.url),
): QuestionEntry[] {
  const entries = z.array(EntrySchema).parse(parse(readFileSync(file, "utf8")));
  return entries.map((e) => ({ ...e, question: expand(e.q, e.repeat) }));
}

function expand(q: string, length?: number): string {
  if (!length || q.length === 0) return q;
  return q.repeat(Math.ceil(length / q.length)).slice(0, length);
}

/** The share of entries judged right, and a table of it per category with every miss. */
export function accuracyReport(
  title: string,
  results: ReadonlyArray<{ readonly entry: QuestionEntry; readonly failure?: string | undefined }>,
): { accuracy: number; report: string } {
  const rows = CATEGORIES.map((category) => {
    const inCategory = results.filter((r) => r.entry.category === category);
    return `${category.padEnd(14)} ${inCategory.filter((r) => !r.failure).length}/${inCategory.length}`;
  });
  const passed = results.filter((r) => !r.failure).length;
  const misses = results
    .filter((r) => r.failure)
    .map(
      (r) =>
        `  [${r.entry.category}] ${JSON.stringify(r.entry.question.slice(0, 70))}: ${r.failure}`,
    );
  const accuracy = results.length > 0 ? passed / results.length : 0;
  const report = [
    `${title}:`,
    ...rows,
    `overall        ${passed}/${results.length} (${(100 * accuracy).toFixed(1)}%)`,
    ...(misses.length ? ["Misses:", ...misses] : []),
  ].join("\n");
  return { accuracy, report };
}

/** Why the answer misses the expectation, or undefined when it passes. */
export function judge(entry: QuestionEntry, a: Answer): string | undefined {
  if (entry.answered === false) {
    return a.answered ? `answered (${a.companies.map((c) => c.id).join(", ")})` : undefined;
  }
  if (!a.answered) return `not answered: ${a.message ?? ""}`;
  const ids = a.companies.map((c) => c.id);
  if (entry.first && ids[0] !== entry.first) return `first is ${ids[0]}, not ${entry.first}`;
  const missing = (entry.orgs ?? []).filter((o) => !ids.includes(o));
  if (missing.length > 0) return `missing ${missing.join(", ")} (got ${ids.join(", ")})`;
  const expected = [entry.first, ...(entry.orgs ?? [])].filter((x): x is string => !!x);
  if (expected.length > 0) {
    const allowed = new Set([...expected, ...(entry.also ?? []), "facebook"]);
    const extra = ids.filter((id) => !allowed.has(id));
    if (extra.length > 0) return `unexpected companies ${extra.join(", ")}`;
  }
  const factIds = new Set(a.companies.flatMap((c) => c.facts.map((f) => f.id)));
  if (entry.facts && !entry.facts.some((f) => factIds.has(f))) {
    return `none of the expected facts (got ${[...factIds].join(", ")})`;
  }
  return undefined;
}
