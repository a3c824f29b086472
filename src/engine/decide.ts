/**
 * The decision, as named steps with reasons as codes: answer; answer with a note (words not
 * understood, names not covered, nothing matching on a company named); ask back (a middling match:
 * here is what the base answers well); decline (nothing in the sources, or the kind of
 * information asked for is in none of the facts that would be shown).
 *
 * A question that names a covered organization is never declined for the words around the name:
 * chatter, slang or text meant for a chatbot are just text. It is declined when what it asks about
 * the organization is a kind of information no fact shown holds (an amount, a count, a person, a
 * date, a consequence), worked out from the facts themselves.
 */
import type { InfoKind } from "../knowledge/schema.js";
import type { Reason } from "./answer-schema.js";
import { shownFit } from "./class-fit.js";
import { type Composition, hasNoResponse } from "./compose.js";
import { CONFIDENCE_THRESHOLD } from "./confidence.js";
import { countsNoun } from "./counted.js";
import { kindBit, maskAnswers, maskHas } from "./lexicon.js";
import { words } from "./normalize.js";
import type { Prepared } from "./prepare.js";
import { stem } from "./stem.js";
import { didYouMean } from "./suggest.js";
import { TUNING } from "./tuning.js";
import type { Understanding } from "./understand.js";

export type Verdict =
  | {
      readonly decision: "decline" | "ask-back";
      readonly reason: Reason;
      /** Organizations to offer questions about, best first. */
      readonly offer: readonly string[];
    }
  | { readonly decision: "answer" | "answer-with-note"; readonly notes: readonly Reason[] };

/** A verdict that gives no answer. */
export type NotAnswered = Extract<Verdict, { reason: Reason }>;

const decline = (reason: Reason, offer: readonly string[] = []): NotAnswered => ({
  decision: "decline",
  reason,
  offer,
});
const askBack = (reason: Reason, offer: readonly string[] = []): NotAnswered => ({
  decision: "ask-back",
  reason,
  offer,
});

/** What can be decided before ranking, or undefined to go on. */
export function beforeRanking(u: Understanding, p: Prepared): NotAnswered | undefined {
  if (u.tokens.length === 0) return decline({ code: "empty-question" });
  const named = u.organizations.map((m) => m.id);
  // The platform is the story's backdrop and an outlet its source: "did Google get my Facebook
  // friends?" and "what did the NYT say about Google?" are about Google.
  const onlyPlatform = named.every((id) => {
    const role = p.organizations.byId.get(id)?.role;
    return role === "platform" || role === "news-outlet";
  });
  // A person outside the story around a question about it ("pretend you are Zuckerberg and
  // explain why partners could read DMs") leaves the question; another company does not.
  const onlyPeople = u.unknownNames.every((n) =>
    words(n).some((w) => p.lexicon.outsidePeople.has(w)),
  );
  // "What is the best VPN against Facebook?" asks for advice first: the sources give none.
  if (u.asksAdvice) return decline({ code: "advice" }, named);
  // "Did Sony use the data for the PlayStation Network?" asks about a product the sources never
  // mention, whoever makes it: a company beside it is only whose product it is.
  const products = u.unknownNames.filter((n) => p.lexicon.outsideProducts.has(words(n).join(" ")));
  if (products.length > 0) return decline({ code: "unknown-names", names: products }, named);
  if (u.unknownNames.length > 0 && onlyPlatform && !(onlyPeople && u.topics.length > 0)) {
    return decline({ code: "unknown-names", names: [...u.unknownNames] });
  }
  if (named.length === 0) {
    const guess = didYouMean(u, p);
    if (guess) {
      return askBack({ code: "did-you-mean", organizations: refs(p, [guess.id]) }, [guess.id]);
    }
  }
  if (u.asksNameOf.length > 0) {
    const organizations = refs(p, u.asksNameOf);
    return decline({ code: "not-in-sources", subject: "name", organizations }, u.asksNameOf);
  }
  // "What did the Canadian government say about RBC?": a party the sources do not cover.
  if (u.asksStatementOfUnknown.length > 0) {
    return decline({ code: "unknown-names", names: [...u.asksStatementOfUnknown] }, named);
  }
  // "What did Sony say?": the sources quote no response of its own (decided at load).
  const silent = u.asksStatementOf.filter((id) => {
    const org = p.organizations.byId.get(id);
    return org !== undefined && org.role !== "news-outlet" && hasNoResponse(org, p);
  });
  if (silent.length > 0) {
    const organizations = refs(p, silent);
    return decline({ code: "not-in-sources", subject: "statement", organizations }, silent);
  }
  // "What happened to Facebook in 2019?": no source can report a year after its own date.
  const until = newestSource(p);
  const later = u.tokens.find((t) => /^(19|20)\d\d$/.test(t.text) && t.text > until.slice(0, 4));
  if (later && until) return decline({ code: "after-sources", year: later.text, until }, named);
  const subject = new Set([...u.contentWords, ...u.unknownWords, ...u.aliasWords].map(stem));
  // A question that names a covered organization is answered whatever surrounds the name
  // (chatter, text meant for a chatbot): with nothing else known, an overview of it is the answer.
  if (named.length > 0) return undefined;
  // "Who broke the story?" is whole: the kind asked names its subject (the outlets).
  const asksRole = u.asks.some((k) => p.lexicon.answeredBy.has(k));
  // No topic: nothing the base is about, unless a word of the base is asked about in a way that
  // says what is wanted ("how many partners were there?": a count of a word the facts use), or
  // enough of its words are ("the normal developer access thing every platform does").
  const known = new Set(u.contentWords.map(stem)).size;
  const asksOfKnown =
    (known > 0 && (u.asks.length > 0 || u.asksWhich)) || known >= TUNING.minWordsWithoutTopic;
  if (u.topics.length === 0 && !asksOfKnown) return decline({ code: "outside-sources" });
  // One word is too little ("can you read this?") unless it is one few facts use ("legal").
  const rare = [...subject].some((s) => {
    const n = p.byStem.get(s)?.length ?? 0;
    return n > 0 && n <= TUNING.rareSubjectFacts;
  });
  // A phrase of the lexicon says what it means: "was it opt in" asks about consent, where one
  // common word ("can you read this?") could be anything.
  const phrased = u.conceptPhrases > 0 && u.topics.length > 0;
  if (subject.size < TUNING.minSubjectWords && !u.asksWhich && !asksRole && !rare && !phrased) {
    return askBack({ code: "unsure" });
  }
  return undefined;
}

/** Kinds asked in passing by other questions ("how much…"): named last when several are missing. */
const GENERAL_KINDS: readonly InfoKind[] = ["amount", "count"];

const newestCache = new WeakMap<Prepared, string>();

/** The date of the newest source ("2018-12"), worked out once per base. */
function newestSource(p: Prepared): string {
  let newest = newestCache.get(p);
  if (newest === undefined) {
    newest = p.kb.sources.reduce((max, s) => (s.date > max ? s.date : max), "");
    newestCache.set(p, newest);
  }
  return newest;
}

/** The decision once the answer is composed. */
const holdsCache = new WeakMap<Prepared, ReadonlyMap<string, number>>();

/** What each fact holds, by id: built once per base (not a pass over every fact per question). */
function holdsById(p: Prepared): ReadonlyMap<string, number> {
  let map = holdsCache.get(p);
  if (!map) {
    map = new Map(p.facts.map((pf) => [pf.fact.id, pf.holds]));
    holdsCache.set(p, map);
  }
  return map;
}

export function afterComposition(
  u: Understanding,
  p: Prepared,
  c: Composition,
  confidence: number,
): Verdict {
  const ids = c.companies.map((co) => co.id);
  const named = u.organizations.map((m) => m.id);
  if (c.companies.length === 0) {
    return u.unknownNames.length > 0
      ? decline({ code: "unknown-names", names: [...u.unknownNames] }, named)
      : decline({ code: "outside-sources" }, named);
  }
  // "Which competitors…", "which other banks besides RBC": an organization of that kind must be
  // among those shown, or the sources do not name one. "Which dutch site did Netflix talk to":
  // the outlets that reported the facts shown count too.
  if (u.asksClass && !shownFit(p, c, u.asksClass)) {
    const subjects = named.length > 0 ? named : ids;
    return decline(
      { code: "not-in-sources", subject: "name", organizations: refs(p, subjects) },
      subjects,
    );
  }
  const holds = holdsById(p);
  // What was asked about a named organization must be in its own facts: the platform's position
  // shown beside a partner ("Facebook shared data for years") does not say how long Sony had it.
  // Likewise the platform's own: TechRadar's byline does not say who wrote Facebook's post.
  const subjectsAsked = named.some((id) => p.organizations.byId.get(id)?.role !== "platform")
    ? c.companies.filter((co) => named.includes(co.id) && co.role !== "platform")
    : named.length > 0
      ? c.companies.filter((co) => named.includes(co.id))
      : c.companies;
  const shown = (subjectsAsked.length > 0 ? subjectsAsked : c.companies).flatMap((co) => co.facts);
  // And in a fact about what was asked: "how many security breaches?" is not answered by a
  // count of partners. Facts that share words with the question, when any does.
  const matching = shown.filter((f) => c.matching.has(f.id));
  // With none, any fact of theirs may hold it ("when did Netflix do it?"), unless the question's
  // subject is words the sources never use ("what year was Facebook founded?").
  const candidates =
    matching.length > 0
      ? matching
      : u.unknownWords.length > 0 && u.contentWords.length === 0
        ? []
        : shown;
  // A count of the thing asked: "four partners" does not say how many users were affected.
  const counted = u.counted;
  const held = candidates.map((f) => {
    const mask = holds.get(f.id) ?? 0;
    if (!counted || !maskHas(mask, "count") || countsNoun(f, counted, p.lexicon)) return mask;
    return mask & ~kindBit("count");
  });
  const heldShown = shown.map((f) => holds.get(f.id) ?? 0);
  // "Who did the investigation into Facebook?": organizations of the role answering the kind
  // lead the answer, and their facts hold it, whoever else is named.
  const answeringShown = (kind: InfoKind) => {
    const role = p.lexicon.answeredBy.get(kind);
    return role !== undefined && c.companies.some((co) => co.role === role && co.facts.length > 0);
  };
  const isHeld = (kind: InfoKind) =>
    answeringShown(kind) ||
    (p.lexicon.heldByAnyShown.has(kind) ? heldShown : held).some((mask) => maskAnswers(mask, kind));
  // An opinion or a poem asked for beside a real question about an organization ("tell me a joke.
  // did Sony get data?") leaves the real question to answer; alone, nothing in the sources holds
  // it, though a word of it is the story's ("write me a poem": read, write and delete).
  const asked = u.asks.filter(
    (kind) =>
      !p.lexicon.ranksOnly.has(kind) &&
      (kind !== "opinion" || u.topics.length === 0 || named.length === 0 || !u.opinionBeside),
  );
  // The most telling kind missing is named: "how much was it fined?" asks for a fine first.
  const missing = [...asked]
    .sort((a, b) => GENERAL_KINDS.indexOf(a) - GENERAL_KINDS.indexOf(b))
    .find((kind) => !isHeld(kind));
  const subjects = named.length > 0 ? named : ids;
  if (missing) {
    const reason: Reason = {
      code: "not-in-sources",
      subject: missing,
      organizations: refs(p, subjects),
    };
    return decline(reason, subjects);
  }
  if (named.length === 0 && confidence < CONFIDENCE_THRESHOLD) {
    return askBack({ code: "unsure" }, ids);
  }
  const notes = notesOn(u, c, p);
  return { decision: notes.length > 0 ? "answer-with-note" : "answer", notes };
}

/** Names not covered, words the sources never use, organizations nothing matched on. */
function notesOn(u: Understanding, c: Composition, p: Prepared): Reason[] {
  const notes: Reason[] = [];
  if (u.unknownNames.length > 0) notes.push({ code: "unknown-names", names: [...u.unknownNames] });
  const unknown = [...new Set(u.unknownWords)].filter((w) => w.length >= 3);
  if (unknown.length > 0) {
    notes.push({ code: "unknown-words", words: unknown.slice(0, TUNING.maxNoteWords) });
  }
  if (c.offTopic.length > 0) notes.push({ code: "off-topic", organizations: refs(p, c.offTopic) });
  return notes;
}

/** Ids with their display names, for the adapters' wording. */
function refs(p: Prepared, ids: readonly string[]): { id: string; name: string }[] {
  return ids.map((id) => ({ id, name: p.organizations.byId.get(id)?.name ?? id }));
}
