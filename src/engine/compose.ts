/**
 * Composes the answer per organization, most relevant first, each organization's facts best
 * first (arrange.ts then puts them in reading order: what was reported, its own response, the
 * platform's position): what was reported about it, its own response (or the fact that the
 * sources report none), and Facebook's position when the question is about a partner's access. Facts only ever appear under an organization they are
 * about, so one company's facts never stand in for another's.
 */
import type { InfoKind, Organization } from "../knowledge/schema.js";
import type { AnswerCompany, AnswerFact } from "./answer-schema.js";
import { fitsClass } from "./class-fit.js";
import { maskHas } from "./lexicon.js";
import { words } from "./normalize.js";
import { type Prepared, type PreparedFact, postingFact } from "./prepare.js";
import type { RankedFact } from "./rank.js";
import { stemsOf } from "./stem.js";
import { TUNING } from "./tuning.js";
import type { Understanding } from "./understand.js";

export interface Composition {
  readonly companies: AnswerCompany[];
  /** Subjects for which no fact matched the question (shown: what the base holds on them). */
  readonly offTopic: readonly string[];
  /** Best score among the facts shown. */
  readonly bestScore: number;
  /** Ids of the facts shown that share words with the question (not only a topic or a name). */
  readonly matching: ReadonlySet<string>;
}

/** A fact scoring below this share of the best is filler, not an answer. */
export const RELATIVE_FLOOR = 0.35;
/** A fact scoring below this says nothing about the question. */
export const ABSOLUTE_FLOOR = 0.12;
const MAX_SUBJECTS = 4;
/**
 * A subject's best fact below this share of the question's best match is noise, and an overview
 * is shown (fitted on the development sets: 0.2 to 0.3 give the same answers; 0.4 trades one
 * tuned-set question for one of dev-c).
 */
export const NOISE_SHARE = 0.25;
/** Reported facts in an overview of a subject nothing matched (its own response comes beside). */
const OVERVIEW_FACTS = 2;
/** Facts per company when several share the answer. */
const MAX_PER_COMPANY = 3;
/** How many times better the platform's position must match than its partners' facts to lead. */
const POSITION_LEADS = 2;
/**
 * With no organization named ("what could these partners do with the messages?"), the question is
 * about the practice: the platform's position leads when it matches at least as well as the best
 * partner fact. Fitted on the development sets (0.8 and 1.2 each lost a question).
 */
export const UNNAMED_LEADS = 1;

/** Question words that ask for a reason. */
const REASON_WORDS: ReadonlySet<string> = new Set(["why", "waarom"]);

export function compose(
  u: Understanding,
  ranked: readonly RankedFact[],
  p: Prepared,
  maxFacts: number,
): Composition {
  const role = (id: string) => p.organizations.byId.get(id)?.role;
  const chosen = chooseSubjects(u, ranked, p);
  const platform = p.kb.organizations.find((o) => o.role === "platform");
  const hasPartner = chosen.some((id) => role(id) === "partner");
  // Named next to a partner ("did FB let Netflix read DMs"), the platform gives its position.
  // Partners named only through a description of many ("andere techbedrijven") beside the
  // platform's name: the question is the platform's, and it stays the first subject.
  const partnersByName = u.organizations.some((m) => !m.description && role(m.id) === "partner");
  const platformNamed =
    platform !== undefined &&
    hasPartner &&
    u.organizations.some((m) => m.id === platform.id) &&
    chosen.includes(platform.id) &&
    (partnersByName || !u.organizations.some((m) => m.description));
  const subjects = platformNamed ? chosen.filter((id) => id !== platform?.id) : chosen;
  const wantsPosition =
    platform !== undefined &&
    hasPartner &&
    !subjects.includes(platform.id) &&
    (platformNamed || u.topics.length === 0 || u.topics.some((t) => p.topics.access.has(t.id)));
  const n = Math.max(1, subjects.length);
  // Every subject gets at least one fact; the platform's position takes what is left over.
  // "Why did Netflix get access?": the reason is the platform's to give, so its position gets
  // two places, as when it is named, and the second is among the first the reader sees.
  const why = u.contentWords.some((w) => REASON_WORDS.has(w));
  const reserve = Math.max(
    0,
    Math.min(wantsPosition ? (platformNamed || why ? 2 : 1) : 0, maxFacts - n),
  );
  const asked = u.contentWords.length > 0 || u.topics.length > 0;
  const about = rankedAbout(ranked, subjects, p);
  const plans = subjects.map((id) => planSubject(id, about.get(id) ?? [], ranked, p, u.asks));
  const shown = allocate(plans, maxFacts - reserve, n === 1 ? maxFacts : MAX_PER_COMPANY);

  const companies: AnswerCompany[] = [];
  let bestScore = 0;
  for (const plan of plans) {
    const org = p.organizations.byId.get(plan.id);
    if (!org || plan.facts.length === 0) continue;
    if (!plan.offTopic) for (const r of plan.facts) bestScore = Math.max(bestScore, r.score);
    companies.push(company(org, order(plan.facts, plan.id), p));
  }
  if (wantsPosition && platform) {
    const room = Math.min(
      reserve + Math.max(0, maxFacts - reserve - shown.size),
      maxFacts - shown.size,
    );
    const position = platformPosition(
      platform.id,
      subjects,
      ranked,
      Math.min(room, reserve),
      u.asks,
    );
    // "Why did FB compare it to Alexa?": the platform is what is asked about (named first), and
    // its own statements answer far better than anything on the partner, so they lead.
    // Or the question uses a word only its own statements use ("the Alexa comparison"): it asks
    // about what the platform said, even when the partner's product is named first.
    const itsWords = usesOnlyStatementsOf(platform.id, u, p);
    const unnamed = u.organizations.length === 0;
    const leads =
      (platformNamed || itsWords || unnamed) &&
      (u.organizations[0]?.id === platform.id || itsWords || unnamed) &&
      (position[0]?.score ?? 0) >=
        (itsWords || unnamed ? UNNAMED_LEADS : POSITION_LEADS) * bestScore;
    if (position.length > 0) {
      // Better than anything on the partners, it comes right after the first of them.
      const outranks = (position[0]?.score ?? 0) > bestScore;
      if (leads) companies.unshift(company(platform, position, p));
      else if (outranks) companies.splice(1, 0, company(platform, position, p));
      else companies.push(company(platform, position, p));
    }
  }
  // Without content words or topics ("what did Apple get?") an overview is the answer.
  const offTopic = asked ? plans.filter((pl) => pl.offTopic && pl.facts.length > 0) : [];
  const matching = new Set(ranked.filter((r) => r.lexical > 0).map((r) => r.prepared.fact.id));
  return { companies, offTopic: offTopic.map((pl) => pl.id), bestScore, matching };
}

/**
 * Whether a content word of the question is used by the organization's own statements alone, and
 * in the quoted words of one (not only a keyword or the project's translation): "likening" is
 * Facebook's.
 */
function usesOnlyStatementsOf(id: string, u: Understanding, p: Prepared): boolean {
  return u.contentWords.some((w) =>
    stemsOf(w).some((s) => {
      const list = p.byStem.get(s);
      if (list === undefined || list.length === 0) return false;
      const facts = Array.from(list, (value) => p.facts[postingFact(value)]);
      return (
        facts.every((pf) => pf !== undefined && isOwnResponse(pf, id)) &&
        facts.some(
          (pf) => pf !== undefined && words(pf.fact.quote).some((q) => stemsOf(q).includes(s)),
        )
      );
    }),
  );
}

interface SubjectPlan {
  readonly id: string;
  /** Facts that answer the question for this subject, best first. */
  readonly queue: readonly RankedFact[];
  /** Its own most relevant response, if it has one. */
  readonly own?: RankedFact;
  /** No fact about the subject matches the question: the queue is an overview. */
  readonly offTopic: boolean;
  readonly facts: RankedFact[];
}

/**
 * Shares the fact budget among subjects: first each subject's best fact, then each one's own
 * response, then the next best in turn. A fact already shown under another subject costs nothing.
 */
function allocate(plans: readonly SubjectPlan[], budget: number, perCompany: number): Set<string> {
  const shown = new Set<string>();
  const take = (plan: SubjectPlan, r: RankedFact | undefined): boolean => {
    const id = r?.prepared.fact.id;
    if (!r || !id || plan.facts.includes(r) || plan.facts.length >= perCompany) return false;
    if (!shown.has(id) && shown.size >= budget) return false;
    plan.facts.push(r);
    shown.add(id);
    return true;
  };
  for (const plan of plans) take(plan, plan.queue[0]);
  for (const plan of plans) take(plan, plan.own);
  for (let progress = true; progress; ) {
    progress = false;
    for (const plan of plans) {
      const next = plan.queue.find((r) => !plan.facts.includes(r));
      if (take(plan, next)) progress = true;
    }
  }
  return shown;
}

/**
 * The organizations the answer covers: those named, or those the best facts are about. A question
 * asking a kind of information that organizations of one role answer ("who broke the story?":
 * the outlets) leads with those, named or found in the best facts, before the others named.
 */
function chooseSubjects(u: Understanding, ranked: readonly RankedFact[], p: Prepared): string[] {
  // "Besides Netflix, who else…": those set aside are not the answer, unless nothing else is.
  const aside = new Set(u.setAside);
  const others = { ...u, organizations: u.organizations.filter((m) => !aside.has(m.id)) };
  const kept = ordinarySubjects(others, ranked, p).filter((id) => !aside.has(id));
  const subjects = kept.length > 0 ? kept : ordinarySubjects(u, ranked, p);
  const leadRole = u.asks.map((k) => p.lexicon.answeredBy.get(k)).find((r) => r !== undefined);
  if (!leadRole) return subjects;
  const role = (id: string) => p.organizations.byId.get(id)?.role;
  const namedLead = u.organizations.map((m) => m.id).filter((id) => role(id) === leadRole);
  const lead = namedLead.length > 0 ? namedLead : topAbout(ranked, (id) => role(id) === leadRole);
  if (lead.length === 0) return subjects;
  return [...new Set([...lead, ...subjects])].slice(0, MAX_SUBJECTS);
}

/** Organizations the best facts are about that pass `keep`, by the facts' scores. */
function topAbout(ranked: readonly RankedFact[], keep: (id: string) => boolean): string[] {
  const best = ranked[0]?.score ?? 0;
  if (best < ABSOLUTE_FLOOR) return [];
  const weight = new Map<string, number>();
  // By its best fact, not a sum: the outlet of the best-matching report leads.
  for (const r of ranked.filter((x) => x.score >= best * 0.6).slice(0, 4)) {
    for (const id of r.prepared.fact.about.filter(keep)) {
      weight.set(id, Math.max(weight.get(id) ?? 0, r.score));
    }
  }
  return [...weight].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

function ordinarySubjects(u: Understanding, ranked: readonly RankedFact[], p: Prepared): string[] {
  const role = (id: string) => p.organizations.byId.get(id)?.role;
  const named = u.organizations.map((m) => m.id);
  // "Which companies did Facebook let read messages?" asks for the partners, not the platform.
  const asksPartners = u.asksWho && named.every((id) => role(id) === "platform");
  if (named.length > 0 && !asksPartners) {
    // A named outlet is a source, not the subject, unless the best fact is centrally about it
    // ("how many employees did the Times talk to?"): then it leads.
    const central = ranked[0]?.prepared.fact.about[0];
    // The platform named alone is the story's backdrop ("how many ex fb employees did they talk
    // to?"): the outlet the best fact is about leads too, when that fact holds what is asked.
    const top = ranked[0]?.prepared;
    const backdrop =
      named.every((id) => role(id) === "platform") &&
      top !== undefined &&
      u.asks.some((k) => maskHas(top.holds, k));
    const outletLeads =
      central !== undefined &&
      (named.includes(central) || backdrop) &&
      role(central) === "news-outlet";
    // An outlet of the kind asked is what is asked for ("which dutch site did Netflix talk to":
    // the Dutch site is the answer, not the source of one).
    const kind = u.asksClass?.word;
    const fits = (id: string) => kind !== undefined && fitsClass(p, id, kind);
    const subject = (id: string) => role(id) !== "news-outlet" || fits(id);
    const subjects = outletLeads
      ? [central, ...named.filter((id) => id !== central && role(id) !== "news-outlet")]
      : named.some((id) => role(id) !== "news-outlet")
        ? named.filter(subject)
        : named;
    // The platform's position follows its partners' facts, when a partner is named as such: a
    // description fitting many ("other tech companies") does not outrank the platform's name.
    const byName = new Set(u.organizations.filter((m) => !m.description).map((m) => m.id));
    if (subjects.some((id) => role(id) === "partner" && byName.has(id))) {
      subjects.sort((a, b) => Number(role(a) === "platform") - Number(role(b) === "platform"));
    }
    // "You said Netflix denied it, and Spotify?": what the message ends by asking about leads;
    // "which bank was it": an organization of the kind asked leads.
    const asked = new Set(u.followUp);
    subjects.sort((a, b) => Number(asked.has(b)) - Number(asked.has(a)));
    if (kind !== undefined) subjects.sort((a, b) => Number(fits(b)) - Number(fits(a)));
    return subjects.slice(0, MAX_SUBJECTS);
  }
  const best = ranked[0]?.score ?? 0;
  if (best < ABSOLUTE_FLOOR) return [];
  const top = ranked.filter((r) => r.score >= best * 0.6).slice(0, 4);
  const weight = new Map<string, number>();
  // "How long ago were they shut down?": the fact saying how long counts in full, those giving
  // only a year ("in 2015") as further facts do.
  const holds = (r: RankedFact) => u.asks.some((k) => maskHas(r.prepared.holds, k));
  const someHold = top.some(holds);
  const inGeneral = partnersInGeneral(u, p);
  for (const r of top) {
    // Outlets only when the fact is about nothing else (the reporting itself, its author), or
    // when the best fact is centrally about one ("where does the 50 employees figure come from").
    const others = r.prepared.fact.about.filter((id) => role(id) !== "news-outlet");
    const centralOutlet = r === ranked[0] && role(r.prepared.fact.about[0] ?? "") === "news-outlet";
    const about = others.length > 0 && !centralOutlet ? others : r.prepared.fact.about;
    // "Which companies…" lists every company a top fact names (partners before the platform);
    // otherwise each fact stands for its central organization.
    const ids = u.asksWhich
      ? about.filter((id) => role(id) !== "platform" || about.length === 1 || inGeneral)
      : about.slice(0, 1);
    const share = someHold && !holds(r) ? TUNING.moreFactsShare : 1;
    ids.forEach((id, i) => {
      const value = (share * r.score) / (1 + 0.1 * i);
      // Its best fact, and a share of the others: the same report in two articles (Dutch and
      // English) is not twice the evidence.
      const seen = weight.get(id);
      weight.set(id, seen === undefined ? value : seen + TUNING.moreFactsShare * value);
    });
  }
  const ordered = [...weight].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const platform = ordered.find((id) => role(id) === "platform");
  if (inGeneral && platform) {
    ordered.sort((a, b) => Number(b === platform) - Number(a === platform));
  }
  return ordered.slice(0, MAX_SUBJECTS);
}

/**
 * "Could outside firms wipe conversations?": partners spoken of only in general ask about the
 * practice, whose subject is the platform; "which firms…" lists them, "how many…" counts them,
 * and one set aside ("besides Netflix, the other companies…") leaves the others as the answer.
 */
function partnersInGeneral(u: Understanding, p: Prepared): boolean {
  return (
    u.setAside.length === 0 &&
    !u.asks.includes("count") &&
    !u.asksWho &&
    u.tokens.some((t) => p.lexicon.organizationNouns.has(t.text))
  );
}

/**
 * Whether a fact may stand under an organization: it must be about it, and for the platform and
 * its partners it must not be another party's response (Facebook's statements about Netflix are
 * Facebook's position, shown under Facebook). A regulator or a PR firm has no side to confuse.
 */
function belongsTo(pf: PreparedFact, id: string, p: Prepared): boolean {
  if (!pf.fact.about.includes(id)) return outletsOwnWords(pf, id, p);
  const role = p.organizations.byId.get(id)?.role;
  if (role !== "platform" && role !== "partner") return true;
  return pf.fact.kind !== "response" || pf.speakers.includes(id) || pf.speakers.length === 0;
}

/**
 * The ranked facts about each subject, in ranked order: one pass over them, not one per subject
 * (a question made of many names has up to `MAX_SUBJECTS` subjects and thousands of facts ranked).
 */
function rankedAbout(
  ranked: readonly RankedFact[],
  subjects: readonly string[],
  p: Prepared,
): Map<string, RankedFact[]> {
  const out = new Map<string, RankedFact[]>(subjects.map((id) => [id, []]));
  const outlets = subjects.filter((id) => p.organizations.byId.get(id)?.role === "news-outlet");
  for (const r of ranked) {
    for (const id of r.prepared.fact.about) out.get(id)?.push(r);
    // An outlet's own words count where they match the question: below the floor they would only
    // fill an overview, which is what the base holds about the outlet; and at 100,000 facts an
    // outlet has thousands of them to sort.
    if (r.score < ABSOLUTE_FLOOR) continue;
    for (const id of outlets) {
      if (!r.prepared.fact.about.includes(id) && outletsOwnWords(r.prepared, id, p)) {
        out.get(id)?.push(r);
      }
    }
  }
  return out;
}

/**
 * An outlet's own words are its say on what they are about: "did TechRadar think the other
 * companies would respond?" is answered by TechRadar's remark that it remains to be seen.
 */
function outletsOwnWords(pf: PreparedFact, id: string, p: Prepared): boolean {
  return (
    pf.fact.voice.how === "article" &&
    pf.reportedBy.includes(id) &&
    p.organizations.byId.get(id)?.role === "news-outlet"
  );
}

function planSubject(
  id: string,
  about: readonly RankedFact[],
  ranked: readonly RankedFact[],
  p: Prepared,
  asks: readonly InfoKind[],
): SubjectPlan {
  const centrality = (r: RankedFact) => 1 / (1 + 0.15 * aboutRank(r, id));
  const candidates = about
    .filter((r) => belongsTo(r.prepared, id, p))
    .map((r) => ({ r, s: r.score * centrality(r) }))
    .sort((a, b) => b.s - a.s);
  const top = candidates[0]?.s ?? 0;
  // A match far below the question's best match is noise for this organization ("did Microsoft
  // read messages?": Netflix's facts match; a passing word on Microsoft's does not answer it).
  const best = ranked[0]?.score ?? 0;
  if (top < Math.max(ABSOLUTE_FLOOR, NOISE_SHARE * best)) {
    // Nothing about this organization matches: show what the base holds on it, most central first.
    // Facts that hold the kind of information asked come first ("who wrote the TechRadar piece?").
    const holding = holdingFirst(asks);
    const overview = candidates
      .map(({ r }) => r)
      .sort(
        (a, b) =>
          holding(a) - holding(b) ||
          kindOrder(a) - kindOrder(b) ||
          aboutRank(a, id) - aboutRank(b, id),
      );
    const own = overview.find((r) => isOwnResponse(r.prepared, id));
    return {
      id,
      queue: overview.slice(0, OVERVIEW_FACTS),
      ...(own ? { own } : {}),
      offTopic: candidates.length > 0,
      facts: [],
    };
  }
  const matched = candidates
    .filter(({ s }) => s >= Math.max(ABSOLUTE_FLOOR, top * RELATIVE_FLOOR))
    .map(({ r }) => r);
  // One fact that matches only in passing ("and Apple? the same kind of deal?": a fact listing
  // Apple among others) is followed by what the base holds centrally on the organization.
  // Worked out only then: a question made of many names has thousands of candidates.
  const passing = matched.length < OVERVIEW_FACTS && matched.every((r) => aboutRank(r, id) > 0);
  const queue = passing
    ? [...matched, ...centralFacts(candidates, matched, id)].slice(0, OVERVIEW_FACTS)
    : matched;
  // Its own response on the matter belongs in the answer even when reports outrank it; the
  // platform's statements are most of what is said about it, and compete on their scores.
  const isPlatform = p.organizations.byId.get(id)?.role === "platform";
  const own = isPlatform
    ? undefined
    : candidates.find(({ r }) => isOwnResponse(r.prepared, id) && r.score >= ABSOLUTE_FLOOR)?.r;
  return { id, queue, ...(own ? { own } : {}), offTopic: false, facts: [] };
}

/** Facts centrally about the organization besides those matched: reports first, base order. */
function centralFacts(
  candidates: readonly { r: RankedFact }[],
  matched: readonly RankedFact[],
  id: string,
): RankedFact[] {
  const taken = new Set(matched);
  return (
    candidates
      .map(({ r }) => r)
      .filter((r) => !taken.has(r) && aboutRank(r, id) === 0)
      // Matching nothing, their scores say nothing: what was reported first, in the base's order.
      .sort((a, b) => kindOrder(a) - kindOrder(b) || a.index - b.index)
  );
}

/** A sort key that puts first the facts holding a kind of information asked (0), then the rest. */
function holdingFirst(asks: readonly InfoKind[]): (r: RankedFact) => number {
  return (r) => (asks.some((k) => maskHas(r.prepared.holds, k)) ? 0 : 1);
}

function isOwnResponse(pf: PreparedFact, id: string): boolean {
  return pf.fact.kind === "response" && pf.speakers.includes(id);
}

/** Position of the organization in the fact's `about` (0 = most central). */
function aboutRank(r: RankedFact, id: string): number {
  return Math.max(0, r.prepared.fact.about.indexOf(id));
}

const kindOrder = (r: RankedFact) =>
  r.prepared.fact.kind === "reported" ? 0 : r.prepared.fact.kind === "context" ? 1 : 2;

/** Best first; at equal scores, what was reported before responses. */
function order(facts: RankedFact[], id: string): RankedFact[] {
  const group = (r: RankedFact) => (isOwnResponse(r.prepared, id) ? 1 : 0);
  return [...facts].sort((a, b) => b.score - a.score || group(a) - group(b));
}

/** The platform's own statements about the subjects' access, most relevant first. */
function platformPosition(
  platformId: string,
  subjects: readonly string[],
  ranked: readonly RankedFact[],
  room: number,
  asks: readonly InfoKind[],
): RankedFact[] {
  if (room <= 0) return [];
  // The statement that holds what was asked first ("how many partners?": "four partners").
  const holding = holdingFirst(asks);
  return ranked
    .filter(
      (r) =>
        isOwnResponse(r.prepared, platformId) &&
        subjects.some((s) => r.prepared.fact.about.includes(s)) &&
        r.score >= ABSOLUTE_FLOOR,
    )
    .sort((a, b) => holding(a) - holding(b) || b.score - a.score)
    .slice(0, room);
}

function company(org: Organization, facts: readonly RankedFact[], p: Prepared): AnswerCompany {
  return {
    id: org.id,
    name: org.name,
    role: org.role,
    facts: facts.map((r) => answerFact(r.prepared, p)),
    noResponseInSources: hasNoResponse(org, p),
  };
}

/** Whether the sources report no response of the organization's own (the answer's flag). */
export function hasNoResponse(org: Organization, p: Prepared): boolean {
  if (org.noResponseInSources) return true;
  if (org.role === "news-outlet" || org.role === "regulator") return false;
  return !p.withOwnResponse.has(org.id);
}

export function answerFact(pf: PreparedFact, p: Prepared): AnswerFact {
  const f = pf.fact;
  const named = (id: string) => ({ id, name: p.organizations.byId.get(id)?.name ?? id });
  const { who = [], spokesperson, how, to } = f.voice;
  return {
    id: f.id,
    kind: f.kind,
    speaker: f.speaker,
    voice: { who: who.map(named), spokesperson, how, ...(to ? { to: named(to) } : {}) },
    quote: f.quote,
    ...(f.translation ? { translation: f.translation } : {}),
    summary: f.summary,
    summaryNl: f.summaryNl,
    source: f.source,
    language: f.language,
  };
}
