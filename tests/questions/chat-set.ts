/**
 * Question sets written in members' voice (`chat-*.yaml`): each in-scope question names the
 * organizations a fair answer may lead with and verbatim evidence spans from the articles. The
 * judge is the one the understanding issue defines:
 * - in scope: answered, the first company listed is one of `orgs`, and one of the first five facts
 *   shown quotes evidence (contains a span, or shares a run of at least 25 characters with one);
 * - out of scope: not answered (asking back counts as a decline here, and as a miss in scope).
 * Shared by the question tests and `npm run measure`.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import type { Answer } from "../../src/engine/index.js";

export const CHAT_CATEGORIES = [
  "chatter",
  "slang",
  "typo",
  "description",
  "paraphrase",
  "dutch",
  "mixed-language",
  "multi-company",
  "reporting",
  "follow-up",
  "sceptic",
  "hostile",
  "out-of-scope",
] as const;

const ChatEntrySchema = z.union([
  z.strictObject({
    q: z.string(),
    category: z.enum(CHAT_CATEGORIES).exclude(["out-of-scope"]),
    orgs: z.array(z.string()).min(1),
    evidence: z.array(z.string().min(20)).min(1),
  }),
  z.strictObject({
    q: z.string(),
    category: z.literal("out-of-scope"),
    answered: z.literal(false),
  }),
]);
export type ChatEntry = z.infer<typeof ChatEntrySchema>;

export function loadChatSet(file: URL): ChatEntry[] {
  return z.array(ChatEntrySchema).parse(parse(readFileSync(file, "utf8")));
}

/** White space and curly quotes aside, as the articles' README allows. */
export function normaliseQuote(text: string): string {
  return text
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Characters two texts must share in one run for a quote to count as evidence. */
const SHARED_RUN = 25;
/** Facts, in the order shown, among which a right quote must be. */
const FIRST_FACTS = 5;

export function quotesEvidence(quote: string, span: string): boolean {
  const q = normaliseQuote(quote);
  const s = normaliseQuote(span);
  if (q.includes(s)) return true;
  for (let i = 0; i + SHARED_RUN <= s.length; i++) {
    if (q.includes(s.slice(i, i + SHARED_RUN))) return true;
  }
  return false;
}

/** Why the answer misses, or undefined when it is right. */
export function judgeChat(entry: ChatEntry, a: Answer): string | undefined {
  if (entry.category === "out-of-scope") {
    return a.answered ? `answered (${a.companies.map((c) => c.id).join(", ")})` : undefined;
  }
  if (!a.answered) return `not answered (${a.decision}: ${a.reason?.code ?? ""})`;
  const first = a.companies[0]?.id;
  if (!first || !entry.orgs.includes(first))
    return `first is ${first}, not ${entry.orgs.join("|")}`;
  const shown = a.companies.flatMap((c) => c.facts).slice(0, FIRST_FACTS);
  const right = shown.some((f) => entry.evidence.some((span) => quotesEvidence(f.quote, span)));
  return right
    ? undefined
    : `no evidence in the first ${FIRST_FACTS} (${shown.map((f) => f.id).join(", ")})`;
}

export interface ChatResult {
  readonly entry: ChatEntry;
  readonly failure?: string | undefined;
}

/**
 * In-scope and out-of-scope accuracy, per category. `withMisses` lists each miss with its
 * question; a sealed set is reported without them.
 */
export function chatReport(
  title: string,
  results: readonly ChatResult[],
  withMisses: boolean,
): { inScope: number; outOfScope: number; report: string } {
  const share = (rs: readonly ChatResult[]) => rs.filter((r) => !r.failure).length;
  const inScope = results.filter((r) => r.entry.category !== "out-of-scope");
  const outScope = results.filter((r) => r.entry.category === "out-of-scope");
  const pct = (n: number, d: number) => (d > 0 ? (100 * n) / d : 0).toFixed(1);
  const rows = CHAT_CATEGORIES.map((c) => {
    const rs = results.filter((r) => r.entry.category === c);
    return `${c.padEnd(15)} ${share(rs)}/${rs.length}`;
  });
  const misses = results
    .filter((r) => r.failure)
    .map((r) => `  [${r.entry.category}] ${JSON.stringify(r.entry.q.slice(0, 90))}: ${r.failure}`);
  const report = [
    `${title}:`,
    ...rows,
    `in scope       ${share(inScope)}/${inScope.length} (${pct(share(inScope), inScope.length)}%)`,
    `out of scope   ${share(outScope)}/${outScope.length} declined (${pct(share(outScope), outScope.length)}%)`,
    ...(withMisses && misses.length ? ["Misses:", ...misses] : []),
  ].join("\n");
  return {
    inScope: inScope.length ? share(inScope) / inScope.length : 0,
    outOfScope: outScope.length ? share(outScope) / outScope.length : 0,
    report,
  };
}
