/**
 * The answer in reading order: what was reported, each company's own response right after it,
 * then the platform's position; each fact once, even when it is about several companies. And
 * which facts' curated summaries make the short answer on top: the first of each group.
 */
import type { AnswerCompany, AnswerFact, AnswerGroup } from "./answer-schema.js";

/** `question`: reports lead; `company` (everything on one): its own words lead. */
export type ArrangeMode = "question" | "company";

const SHORT_MAX = 3;

export function arrange(
  companies: readonly AnswerCompany[],
  mode: ArrangeMode,
): { groups: AnswerGroup[]; short: string[] } {
  const named = (c: AnswerCompany) => ({ id: c.id, name: c.name });
  const hasPartner = companies.some((c) => c.role === "partner");
  // The platform next to its partners gives its position; asked about alone, it is the subject.
  const isPosition = (c: AnswerCompany) => c.role === "platform" && hasPartner;
  const seen = new Set<string>();
  const take = (facts: readonly AnswerFact[]) =>
    facts.filter((f) => !seen.has(f.id) && seen.add(f.id)).map((f) => f.id);

  const subjects = companies.filter((c) => !isPosition(c));
  const reported: AnswerGroup[] = [];
  const responses: AnswerGroup[] = [];
  const positions: AnswerGroup[] = [];
  const first = subjects[0];
  const reportedFacts = (c: AnswerCompany) => c.facts.filter((f) => !isOwn(f, c.id));
  const ownFacts = (c: AnswerCompany) => c.facts.filter((f) => isOwn(f, c.id));
  const respond = (c: AnswerCompany) => {
    const facts = take(ownFacts(c));
    // A partner the sources quote no response from gets its group all the same: it says so.
    if (facts.length > 0 || (c.noResponseInSources && c.role === "partner")) {
      responses.push({ kind: "response", company: named(c), facts });
    }
  };
  if (mode === "company") {
    // Everything on one company: its own statements first, then the reports, then others' words.
    const own = companies[0];
    if (own) {
      respond(own);
      const reports = [...reportedFacts(own)].sort(
        (a, b) => Number(a.kind === "context") - Number(b.kind === "context"),
      );
      reported.push({ kind: "reported", company: named(own), facts: take(reports) });
    }
    for (const c of companies.slice(1)) {
      positions.push({ kind: "position", company: named(c), facts: take(c.facts) });
    }
    const groups = [...responses, ...reported, ...positions].filter(
      (g) => g.facts.length > 0 || g.kind === "response",
    );
    return { groups, short: shortOf(groups) };
  }
  // One "What was reported" for all subjects: a sentence naming three companies shows once.
  const reports = subjects.flatMap((c) => take(reportedFacts(c)));
  if (first && reports.length > 0)
    reported.push({ kind: "reported", company: named(first), facts: reports });
  for (const c of subjects) respond(c);
  for (const c of companies.filter(isPosition)) {
    const facts = take(c.facts);
    if (facts.length > 0) positions.push({ kind: "position", company: named(c), facts });
  }
  // Asked about the platform first, its statements lead ("how did Facebook explain...").
  const leads = companies[0] !== undefined && isPosition(companies[0]);
  const groups = leads
    ? [...positions, ...reported, ...responses]
    : [...reported, ...responses, ...positions];
  return { groups, short: shortOf(groups) };
}

/** A response the organization speaks itself. */
function isOwn(fact: AnswerFact, id: string): boolean {
  return fact.kind === "response" && fact.voice.who.some((w) => w.id === id);
}

/** The first fact of each group, then the next ones in order, up to three. */
function shortOf(groups: readonly AnswerGroup[]): string[] {
  const out: string[] = [];
  for (const g of groups) if (g.facts[0] && out.length < SHORT_MAX) out.push(g.facts[0]);
  for (const g of groups) {
    for (const id of g.facts)
      if (out.length < Math.min(2, SHORT_MAX) && !out.includes(id)) out.push(id);
  }
  const order = groups.flatMap((g) => g.facts);
  return out.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
