/**
 * The engine's entry points: a question and a knowledge base in, an answer object out. Never
 * throws on any input; an unanswerable question gets `answered: false`, an honest message and
 * suggestions.
 */
import type { KnowledgeBase, Organization } from "../knowledge/schema.js";
import type { Answer, AnswerCompany, AnswerSource } from "./answer-schema.js";
import { arrange } from "./arrange.js";
import { clarifications } from "./clarify.js";
import { answerFact, compose } from "./compose.js";
import { CONFIDENCE_THRESHOLD, confidence } from "./confidence.js";
import { afterComposition, beforeRanking, type NotAnswered } from "./decide.js";
import { confirmedGuess } from "./guess.js";
import { type Prepared, type PreparedFact, prepare } from "./prepare.js";
import { rankFacts } from "./rank.js";
import { matchOrganizations } from "./suggest.js";
import { type Understanding, understand } from "./understand.js";

export interface AnswerOptions {
  /** Most facts in the whole answer (default 6). */
  readonly maxFacts?: number;
}

const DEFAULT_MAX_FACTS = 6;

/** Answers a question from the knowledge base. Never throws on any input. */
export function answer(question: string, kb: KnowledgeBase, options: AnswerOptions = {}): Answer {
  const p = prepare(kb);
  let u: Understanding;
  try {
    u = understand(question, p);
  } catch {
    // Defensive: understanding is pure and bounded, but a question must never crash an adapter.
    return notAnswered(p, emptyUnderstanding(question), {
      decision: "decline",
      reason: { code: "empty-question" },
      offer: [],
    });
  }
  let early = beforeRanking(u, p);
  if (early?.reason.code === "did-you-mean") {
    // "apel says the data stays on phones": the question's rarer words confirm the guess.
    const confirmed = confirmedGuess(u, p);
    if (confirmed) {
      u = confirmed;
      early = beforeRanking(u, p);
    }
  }
  if (early) return notAnswered(p, u, early);
  const ranked = rankFacts(u, p);
  const composition = compose(u, ranked, p, clampMaxFacts(options.maxFacts));
  const value = confidence({ understanding: u, bestScore: composition.bestScore });
  const verdict = afterComposition(u, p, composition, value);
  if ("reason" in verdict) {
    // What it offers instead: the organizations asked about, else those the best facts are about.
    const offer =
      verdict.offer.length > 0
        ? verdict.offer
        : ranked.slice(0, 3).map((r) => r.prepared.fact.about[0] ?? "");
    return notAnswered(p, u, { ...verdict, offer }, value);
  }
  return {
    question: u.question,
    answered: true,
    decision: verdict.decision,
    notes: [...verdict.notes],
    clarifications: [],
    confidence: Math.max(value, CONFIDENCE_THRESHOLD),
    topics: u.topics.map((t) => t.id),
    companies: composition.companies,
    ...arrange(composition.companies, "question"),
    sources: citedSources(composition.companies, kb),
  };
}

/** Declined or asked back: no facts, the reason, and questions the base answers instead. */
function notAnswered(p: Prepared, u: Understanding, verdict: NotAnswered, value = 0): Answer {
  const topics = u.topics.map((t) => t.id);
  return {
    question: u.question,
    answered: false,
    decision: verdict.decision,
    reason: verdict.reason,
    notes: [],
    clarifications: clarifications(p, verdict.offer, topics),
    confidence: Math.min(value, CONFIDENCE_THRESHOLD - 0.01),
    topics,
    companies: [],
    groups: [],
    short: [],
    sources: [],
    suggestions: coveredNames(p),
  };
}

/** The platform and its partners: what people ask about. */
function coveredNames(p: Prepared): string[] {
  return p.kb.organizations
    .filter((o) => o.role === "platform" || o.role === "partner")
    .map((o) => o.name);
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
  const about = Array.from(p.byOrganization.get(org.id) ?? [], (i) => p.facts[i])
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
    decision: "answer",
    notes: [],
    clarifications: [],
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
    stemsNl: [],
    topics: [],
    asksWhich: false,
    asksWho: false,
    asksAdvice: false,
    asks: [],
    setAside: [],
    asksNameOf: [],
    asksClass: undefined,
    followUp: [],
    counted: undefined,
    asksStatementOf: [],
    asksStatementOfUnknown: [],
    opinionBeside: false,
    conceptPhrases: 0,
  };
}
