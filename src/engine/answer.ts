/**
 * The engine's entry points: a question and a knowledge base in, an answer object out. Never
 * throws on any input; an unanswerable question gets `answered: false`, an honest message and
 * suggestions.
 */
import type { KnowledgeBase, Organization } from "../knowledge/schema.js";
import type { Answer, AnswerCompany, AnswerSource } from "./answer-schema.js";
import { arrange } from "./arrange.js";
import { answerFact, compose } from "./compose.js";
import { CONFIDENCE_THRESHOLD, confidence, coverage } from "./confidence.js";
import { type Prepared, type PreparedFact, prepare } from "./prepare.js";
import { rankFacts } from "./rank.js";
import { didYouMean, matchOrganizations, suggestions } from "./suggest.js";
import { type Understanding, understand } from "./understand.js";

export interface AnswerOptions {
  /** Most facts in the whole answer (default 6). */
  readonly maxFacts?: number;
}

const DEFAULT_MAX_FACTS = 6;
/** Share of a company-less question's words that the fact base must know. */
const MIN_COVERAGE = 0.5;

/** Answers a question from the knowledge base. Never throws on any input. */
export function answer(question: string, kb: KnowledgeBase, options: AnswerOptions = {}): Answer {
  const p = prepare(kb);
  let u: Understanding;
  try {
    u = understand(question, p);
  } catch {
    // Defensive: understanding is pure and bounded, but a question must never crash an adapter.
    return decline(p, emptyUnderstanding(question), "I could not read that question.");
  }
  const maxFacts = clampMaxFacts(options.maxFacts);
  const reason = declineReason(u, p);
  if (reason) return decline(p, u, reason);

  const ranked = rankFacts(u, p);
  const composition = compose(u, ranked, p, maxFacts);
  const value = confidence({ understanding: u, bestScore: composition.bestScore });
  if (composition.companies.length === 0 || value < CONFIDENCE_THRESHOLD) {
    return decline(p, u, notCovered(u), value);
  }
  return {
    question: u.question,
    answered: true,
    confidence: value,
    ...optionalMessage(notes(u, composition.offTopic, p)),
    topics: u.topics.map((t) => t.id),
    companies: composition.companies,
    ...arrange(composition.companies, "question"),
    sources: citedSources(composition.companies, kb),
  };
}

/** Why the question cannot be answered before any ranking, or undefined. */
function declineReason(u: Understanding, p: Prepared): string | undefined {
  if (u.tokens.length === 0) {
    return "That does not look like a question. Ask me about the December 2018 Facebook data-sharing story.";
  }
  const known = u.organizations.length > 0;
  // The platform is the story's backdrop: "did Google get my Facebook friends?" is about Google.
  const onlyPlatform = u.organizations.every(
    (m) => p.organizations.byId.get(m.id)?.role === "platform",
  );
  if (u.unknownNames.length > 0 && onlyPlatform) {
    return `My sources say nothing about ${list(u.unknownNames)}. They cover Facebook's data-sharing partners in December 2018.`;
  }
  const guess = known ? undefined : didYouMean(u, p);
  if (guess) return "I do not recognise a company in that question.";
  if (u.asksAdvice) {
    return "My sources report what happened in December 2018; they give no advice or how-to. Ask me what was reported or what a company said.";
  }
  const words = u.contentWords.length + u.unknownWords.length;
  // Without a company, the question must name one of the story's topics, in words that are
  // mostly the fact base's own: "play some music" names no topic, "was my permission needed" does.
  if (!known && (u.topics.length === 0 || (words > 0 && coverage(u) < MIN_COVERAGE))) {
    return notCovered(u);
  }
  // Named companies and nothing known asked about them: "Netflix's stock price". Two or more
  // companies and no other word ("spotify vs netflix") is a comparison: answered below.
  // Mostly words the sources never use ("Facebook's stock price today") is not covered either.
  const mostlyUnknown = u.unknownWords.length > u.contentWords.length;
  // Nothing typed is in the sources but names and our guesses at typos, and no topic is named
  // ("how much was Facebook fined" is not "find"): what was asked is not known.
  const onlyGuesses =
    u.topics.length === 0 &&
    u.corrections.length > 0 &&
    u.corrections.length >= u.contentWords.length;
  if (
    known &&
    (mostlyUnknown || onlyGuesses) &&
    (u.contentWords.length > 0 || u.organizations.length < 2)
  ) {
    const names = u.organizations.map((m) => p.organizations.byId.get(m.id)?.name ?? m.id);
    return `My sources do not cover that about ${list(names)}.`;
  }
  return undefined;
}

function notCovered(u: Understanding): string {
  return u.unknownNames.length > 0
    ? `My sources say nothing about ${list(u.unknownNames)}.`
    : "That is not in my sources: three articles on how Facebook shared users' data with partners (December 2018).";
}

/**
 * Notes for the user: organizations not covered, subjects the question's topic misses. (A
 * company with no response in the sources is flagged on the company itself.)
 */
function notes(u: Understanding, offTopic: readonly string[], p: Prepared): string | undefined {
  const out: string[] = [];
  if (u.unknownNames.length > 0) out.push(`My sources say nothing about ${list(u.unknownNames)}.`);
  // Words the sources never use ("did Facebook sell my data?"): the facts shown do not say it.
  const unknown = [...new Set(u.unknownWords)].filter((w) => w.length >= 3).slice(0, 5);
  if (unknown.length > 0) out.push(`My sources do not mention: ${unknown.join(", ")}.`);
  for (const id of offTopic) {
    const name = p.organizations.byId.get(id)?.name ?? id;
    out.push(`The sources do not report that about ${name}; here is what they do report.`);
  }
  return out.length > 0 ? out.join(" ") : undefined;
}

function decline(p: Prepared, u: Understanding, message: string, value = 0): Answer {
  return {
    question: u.question,
    answered: false,
    confidence: Math.min(value, CONFIDENCE_THRESHOLD - 0.01),
    message,
    topics: u.topics.map((t) => t.id),
    companies: [],
    groups: [],
    short: [],
    sources: [],
    suggestions: suggestions(u, p),
  };
}

function citedSources(companies: readonly AnswerCompany[], kb: KnowledgeBase): AnswerSource[] {
  const cited = new Set(companies.flatMap((c) => c.facts.map((f) => f.source)));
  return kb.sources.flatMap((s, i) =>
    cited.has(s.id)
      ? [
          {
            id: s.id,
            n: i + 1,
            title: s.title,
            titleKind: s.titleKind,
            ...(s.titleNl ? { titleNl: s.titleNl } : {}),
            ...(s.publisher ? { publisher: s.publisher } : {}),
            ...(s.author ? { author: s.author } : {}),
            date: s.date,
            language: s.language,
          },
        ]
      : [],
  );
}

/**
 * Everything the base holds on one organization (for `/company`), or undefined for an unknown
 * id: what was reported about it, then its own responses, then the platform's statements about
 * it. All of it by default; `maxFacts` caps the total.
 */
export function companyAnswer(
  organizationId: string,
  kb: KnowledgeBase,
  options: AnswerOptions = {},
): Answer | undefined {
  const p = prepare(kb);
  const org = p.organizations.byId.get(organizationId);
  if (!org) return undefined;
  const max =
    options.maxFacts === undefined ? Number.POSITIVE_INFINITY : clampMaxFacts(options.maxFacts);
  // Facts in base order, then by how central the organization is to each.
  const about = (p.byOrganization.get(org.id) ?? [])
    .map((i) => p.facts[i])
    .filter((pf): pf is PreparedFact => pf?.fact.about.includes(org.id) === true)
    .sort((a, b) => a.fact.about.indexOf(org.id) - b.fact.about.indexOf(org.id));
  const own = about.filter((pf) => pf.fact.kind !== "response" || pf.speakers.includes(org.id));
  const ownFirst = [
    ...own.filter((pf) => pf.fact.kind !== "response"),
    ...own.filter((pf) => pf.fact.kind === "response"),
  ].slice(0, max);
  const companies: AnswerCompany[] = [
    {
      id: org.id,
      name: org.name,
      role: org.role,
      facts: ownFirst.map((pf) => answerFact(pf, p)),
      noResponseInSources:
        org.noResponseInSources ||
        (org.role !== "news-outlet" &&
          org.role !== "regulator" &&
          !own.some((pf) => pf.fact.kind === "response")),
    },
  ];
  const others = groupOthersResponses(about, org, p, max - ownFirst.length);
  companies.push(...others);
  return {
    question: org.name,
    answered: true,
    confidence: 1,
    topics: [],
    companies,
    ...arrange(companies, "company"),
    sources: citedSources(companies, kb),
  };
}

/** Other organizations' statements about this one (Facebook on its partners), by speaker. */
function groupOthersResponses(
  about: readonly PreparedFact[],
  org: Organization,
  p: Prepared,
  room: number,
): AnswerCompany[] {
  const bySpeaker = new Map<string, AnswerCompany>();
  let left = room;
  for (const pf of about) {
    if (left <= 0) break;
    if (pf.fact.kind !== "response" || pf.speakers.includes(org.id)) continue;
    const speaker = pf.speakers.map((id) => p.organizations.byId.get(id)).find(Boolean);
    if (!speaker) continue;
    const entry = bySpeaker.get(speaker.id) ?? {
      id: speaker.id,
      name: speaker.name,
      role: speaker.role,
      facts: [],
      noResponseInSources: false,
    };
    entry.facts.push(answerFact(pf, p));
    bySpeaker.set(speaker.id, entry);
    left--;
  }
  return [...bySpeaker.values()];
}

/** Organizations matching a partial, possibly misspelt name, best first (for autocomplete). */
export function suggestOrganizations(text: string, kb: KnowledgeBase, limit = 25): Organization[] {
  return matchOrganizations(text, kb, limit);
}

function clampMaxFacts(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return DEFAULT_MAX_FACTS;
  return Math.max(1, Math.min(50, Math.floor(value)));
}

function optionalMessage(message: string | undefined): { message?: string } {
  return message ? { message } : {};
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function emptyUnderstanding(question: unknown): Understanding {
  return {
    question: typeof question === "string" ? question.slice(0, 500) : "",
    tokens: [],
    organizations: [],
    unknownNames: [],
    contentWords: [],
    aliasWords: [],
    unknownWords: [],
    corrections: [],
    stems: [],
    topics: [],
    asksWhich: false,
    asksAdvice: false,
  };
}
