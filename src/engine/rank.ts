/**
 * Ranks facts against an understood question. Three signals, each between 0 and 1:
 * - lexical: the question's content words found in a fact's keywords (weight 3), summary (2) or
 *   quote, translation and speaker (1), weighted by rarity (IDF), plus keyword phrases matched;
 * - fuzzy: the words the fact base does not hold exactly (misspelt or unknown), matched by
 *   fuse.js against the base's keyword and summary words that start with the same letter,
 *   catching near-misses;
 * - topical: how much of the question's topic weight the fact's topics cover;
 * - outlet: the fact comes through a news outlet the question names next to a company.
 * Organizations are not scored here: the composer filters facts per organization.
 *
 * Only candidates are scored: facts sharing a stem with the question, about (or reported by) an
 * organization it names, on a topic it is about, or with a fuzzy match. Any other fact would
 * score 0, so the answer is the same as scoring every fact, at a cost that grows with the
 * matches, not with the size of the base.
 *
 * Whatever a question holds (the base's commonest words by the hundred, every name at once, a
 * near-typo of everything), its work is bounded by LIMITS: the stems it is searched by, the
 * postings read to find candidates, and the candidates scored in full. Questions as people ask
 * them stay far inside them (at 100,000 facts, at most 9 stems and 2,729 candidates over every
 * question set), so the caps change no answer there; a question past them is answered from the
 * facts its rarest words find.
 */
import Fuse from "fuse.js";
import { ABSOLUTE_FLOOR, RELATIVE_FLOOR } from "./compose.js";
import { maskAnswers, maskHas } from "./lexicon.js";
import { fold } from "./normalize.js";
import {
  FIELD,
  type Postings,
  type Prepared,
  type PreparedFact,
  postingFact,
  postingField,
  trigrams,
} from "./prepare.js";
import { stemsOf } from "./stem.js";
import type { Understanding } from "./understand.js";

export interface RankedFact {
  readonly prepared: PreparedFact;
  readonly score: number;
  readonly lexical: number;
  readonly fuzzy: number;
  readonly topical: number;
  /** The fact's position in the base. */
  readonly index: number;
}

/**
 * `kind`: a fact that gives the kind of information asked for ("how many partners" and "four
 * partners") ranks above one that only shares the words.
 */
export const WEIGHTS = {
  lexical: 1,
  fuzzy: 0.3,
  topical: 0.6,
  phrase: 0.15,
  outlet: 1,
  kind: 0.8,
} as const;

/**
 * The work one question may cost. A question past one of them is answered from what fits:
 * `stems` the rarest of its stems (ranking by the commonest says least), `postings` the
 * candidates found first (named organizations, then topics, then rarest stems), `scored` those
 * with the best rough score (rare stems, fuzzy matches and topics, without the phrase and common
 * stem work of a full score).
 */
export const LIMITS = {
  /** Distinct content stems searched: questions as people write them have under ten. */
  stems: 24,
  /**
   * Entries of stem, organization and topic lists read to find candidates (fuzzy ones counted
   * first): at 100,000 facts, questions people ask read under 3,000.
   */
  postings: 12_000,
  /** Of which entries of word lists read for fuzzy matches. */
  fuzzyPostings: 6000,
  /** Candidates scored in full: at 100,000 facts questions people ask reach under 3,000. */
  scored: 3000,
  /**
   * Common stems (over COMMON_POSTINGS facts) looked up for each fact scored, the least common
   * first: each costs a binary search a fact, and says little (its rarity weight is small).
   */
  commonStems: 6,
} as const;

/** Work done for one question, counted (tests assert it; the benchmark times it). */
export interface RankWork {
  /** List entries read, fuzzy ones included. */
  postings: number;
  /** Facts scored in full. */
  scored: number;
  /** Whether a limit was reached. */
  capped: boolean;
}

export const newWork = (): RankWork => ({ postings: 0, scored: 0, capped: false });

const MAX_FUZZY_WORDS = 12;
const NO_POSTINGS: Postings = new Int32Array(0);
/** Base words a typed word may stand for: its closest few. */
const MAX_WORD_MATCHES = 8;
const FUSE_OPTIONS = { includeScore: true, ignoreLocation: true, threshold: 0.3 } as const;

/**
 * The candidate facts with their scores, best first (ties in the base's order).
 *
 * A stem that thousands of facts share ("partner" in a base of many "… Partners") would make
 * them all candidates. Its facts are left out when the most such a fact could score through
 * common stems alone stays under the composer's floors: none of them could be shown anyway.
 */
export function rankFacts(u: Understanding, p: Prepared, work = newWork()): RankedFact[] {
  const score = scorer(u, p, work);
  const { rare, common } = candidates(u, p, score.queryStems, score.fuzzy, work);
  const beside = besideNamed(u);
  const ranked = (indexes: ReadonlySet<number>) => {
    const chosen =
      indexes.size > LIMITS.scored ? roughlyBest(indexes, score.rough, work) : [...indexes];
    work.scored += chosen.length;
    return byScore(
      chosen.sort((a, b) => a - b).map((i) => score.fact(i)),
      beside,
    );
  };
  const first = ranked(rare);
  // Past the cap already, the rare stems' facts fill it: the common ones' would rank below.
  if (common.length === 0 || rare.size > LIMITS.scored) return first;
  const bound = commonOnlyBound(common, score.queryStems, u, p);
  const best = first[0]?.score ?? 0;
  if (bound < ABSOLUTE_FLOOR && bound < RELATIVE_FLOOR * best) return first;
  const all = new Set(rare);
  for (const s of common) {
    for (const x of p.byStem.get(s) ?? []) {
      if (!spend(work, LIMITS.postings)) break;
      all.add(postingFact(x));
    }
  }
  return ranked(all);
}

/**
 * At equal scores, a fact about just the organizations named ranks before one about others too:
 * asked about Spotify and Netflix, a statement about those two says more than one about four.
 * Undefined when no organization is named (every fact ties).
 */
function besideNamed(u: Understanding): ((r: RankedFact) => number) | undefined {
  const named = new Set(u.organizations.map((m) => m.id));
  if (named.size === 0) return undefined;
  return (r) => {
    let others = 0;
    for (const id of r.prepared.fact.about) if (!named.has(id)) others++;
    return others;
  };
}

/**
 * The facts best first, ties by `beside` (fewest first), then in the order given: the same order
 * as a stable sort comparing `b.score - a.score || beside(a) - beside(b)`. The scores and ties are
 * read once per fact into typed arrays and the facts' positions sorted by them: the comparator
 * runs many times per fact (thousands of tied candidates), and counting a fact's organizations
 * in each call was a fifth of an adversarial question's ranking.
 */
export function byScore(
  facts: readonly RankedFact[],
  beside?: (r: RankedFact) => number,
): RankedFact[] {
  const n = facts.length;
  const scores = new Float64Array(n);
  const ties = new Int32Array(n);
  const order: number[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const r = facts[k] as RankedFact;
    scores[k] = r.score;
    if (beside !== undefined) ties[k] = beside(r);
    order[k] = k;
  }
  // Positions tie-break last, so the result does not rest on the sort being stable.
  order.sort(
    (a, b) =>
      (scores[b] as number) - (scores[a] as number) ||
      (ties[a] as number) - (ties[b] as number) ||
      a - b,
  );
  return order.map((k) => facts[k] as RankedFact);
}

/** Counts one posting read; false, and `capped`, once the limit is reached. */
function spend(work: RankWork, limit: number): boolean {
  if (work.postings >= limit) {
    work.capped = true;
    return false;
  }
  work.postings++;
  return true;
}

/**
 * The `LIMITS.scored` candidates with the best rough score (ties: the base's order). The cut-off
 * score comes from a numeric sort of the scores alone (no comparator, no pairs allocated).
 */
function roughlyBest(indexes: ReadonlySet<number>, rough: (i: number) => number, work: RankWork) {
  work.capped = true;
  const ids = Int32Array.from(indexes).sort();
  const values = new Float64Array(ids.length);
  for (let k = 0; k < ids.length; k++) values[k] = rough(ids[k] ?? 0);
  const cutoff = Float64Array.from(values).sort()[ids.length - LIMITS.scored] ?? 0;
  let above = 0;
  for (const v of values) if (v > cutoff) above++;
  // All above the cut-off, then those at it in the base's order until the cap is full.
  let atCutoff = LIMITS.scored - above;
  const chosen: number[] = [];
  for (let k = 0; k < ids.length; k++) {
    const v = values[k] ?? 0;
    if (v > cutoff || (v === cutoff && atCutoff-- > 0)) chosen.push(ids[k] ?? 0);
  }
  return chosen;
}

/** Scores any fact (by index) against the question; what is shared is worked out once. */
export function scorer(u: Understanding, p: Prepared, work = newWork()) {
  const queryStems = searchedStems(u, p, work);
  const lexical = lexicalScorer(queryStems, [u.stems, u.stemsNl], p, work);
  const fuzzy = fuzzyScores(u, p, work);
  const topicTotal = u.topics.reduce((sum, t) => sum + t.score, 0);
  const outlets = namedOutlets(u, p);
  const named = u.organizations.map((m) => m.id);
  // Looked up for every fact scored: a question may name every organization at once.
  const namedIds = new Set(named);
  const asksOutlet = u.asks.some((k) => p.lexicon.answeredBy.get(k) === "news-outlet");
  const topicalOf = (pf: PreparedFact) => {
    let topical = 0;
    for (const t of u.topics) if (pf.fact.topics.includes(t.id)) topical += t.score;
    return topicTotal > 0 ? topical / topicTotal : 0;
  };
  /** Rare stems, fuzzy matches and topics: what is already summed, for choosing past a cap. */
  const rough = (i: number): number =>
    WEIGHTS.lexical * lexical.rare(i) +
    WEIGHTS.fuzzy * (fuzzy.get(i) ?? 0) +
    WEIGHTS.topical * topicalOf(p.facts[i] as PreparedFact);
  const fact = (i: number): RankedFact => {
    const pf = p.facts[i] as PreparedFact;
    const lex = lexical.score(i, pf);
    const topical = topicalOf(pf);
    const f = fuzzy.get(i) ?? 0;
    // "What did NU.nl report about Netflix?": the outlet named is where to look. "Which outlet
    // did Netflix give a statement to?": a statement it gave to an outlet is.
    const toOutlet = asksOutlet && pf.fact.voice.to !== undefined && saidBy(pf, named);
    const viaOutlet = toOutlet || outlets.some((o) => pf.reportedBy.includes(o)) ? 1 : 0;
    // A year alone answers "how long" only beside another fact's year: half the weight.
    const kind = u.asks.some((k) => maskHas(pf.holds, k))
      ? 1
      : u.asks.some((k) => maskAnswers(pf.holds, k))
        ? 0.5
        : 0;
    // The kind asked counts for a fact about an organization named even with no word in common
    // ("who wrote the TechRadar piece?": the author's bio holds a person).
    const aboutNamed = pf.fact.about.some((id) => namedIds.has(id));
    const score =
      WEIGHTS.lexical * lex +
      WEIGHTS.fuzzy * f +
      WEIGHTS.topical * topical +
      WEIGHTS.outlet * viaOutlet +
      (lex + topical > 0 || aboutNamed ? WEIGHTS.kind * kind : 0);
    return { prepared: pf, score, lexical: lex, fuzzy: f, topical, index: i };
  };
  return { queryStems, fuzzy, fact, rough };
}

/**
 * The question's distinct content stems (alias words too), at most `LIMITS.stems` of them: past
 * it, the rarest (fewest facts), in the question's order.
 */
function searchedStems(u: Understanding, p: Prepared, work: RankWork): string[] {
  const all = [...new Set([...u.contentWords, ...u.aliasWords].map((w) => termOf(w, p)))];
  if (all.length <= LIMITS.stems) return all;
  work.capped = true;
  const size = (s: string) => p.byStem.get(s)?.length ?? 0;
  const kept = new Set(
    [...all].sort((a, b) => size(a) - size(b) || (a < b ? -1 : 1)).slice(0, LIMITS.stems),
  );
  return all.filter((s) => kept.has(s));
}

/**
 * The one stem a question word is scored by: of its English and Dutch stems, the one more facts
 * use ("berichten" → "bericht", "messages" → "messag"); a word's language is not known.
 */
function termOf(word: string, p: Prepared): string {
  const [en = word, nl] = stemsOf(word);
  if (nl === undefined) return en;
  return (p.byStem.get(nl)?.length ?? 0) > (p.byStem.get(en)?.length ?? 0) ? nl : en;
}

/** News outlets named next to another organization: the question's source, not its subject. */
/** Whether one of the organizations is among the fact's speakers. */
function saidBy(pf: PreparedFact, ids: readonly string[]): boolean {
  return (pf.fact.voice.who ?? []).some((id) => ids.includes(id));
}

function namedOutlets(u: Understanding, p: Prepared): string[] {
  const isOutlet = (id: string) => p.organizations.byId.get(id)?.role === "news-outlet";
  const ids = u.organizations.map((m) => m.id);
  return ids.some((id) => !isOutlet(id)) ? ids.filter(isOutlet) : [];
}

/**
 * The lexical score of a fact: the question's stems found in its keywords, summary or text
 * (rarity times the field's weight), as a share of all of them found in keywords, plus keyword
 * phrases matched. The rare stems' postings are summed once per question; a common stem (a
 * long list) is looked up by binary search for each fact scored instead.
 */
function lexicalScorer(
  queryStems: readonly string[],
  questionStems: readonly (readonly string[])[],
  p: Prepared,
  work: RankWork,
) {
  const got = new Map<number, number>();
  let common: Array<readonly [stemmed: string, weight: number, facts: number]> = [];
  let possible = 0;
  for (const q of queryStems) {
    const weight = p.idf.get(q) ?? 0;
    possible += weight * FIELD.keywords;
    const list = p.byStem.get(q) ?? [];
    if (list.length > COMMON_POSTINGS) {
      common.push([q, weight, list.length]);
      continue;
    }
    for (const x of list) {
      const i = postingFact(x);
      got.set(i, (got.get(i) ?? 0) + weight * postingField(x));
    }
  }
  if (common.length > LIMITS.commonStems) {
    work.capped = true;
    common = common
      .sort((a, b) => a[2] - b[2] || (a[0] < b[0] ? -1 : 1))
      .slice(0, LIMITS.commonStems);
  }
  const fields = common.map(([q, weight]) => [weight, fieldCursor(p.byStem.get(q))] as const);
  // A phrase whose first stem the question lacks is in none of its readings: ruled out without
  // scanning them (a long question is hundreds of stems, read for every phrase of every fact).
  const starts = new Set(questionStems.flat());
  return {
    score: (i: number, pf: PreparedFact): number => {
      let sum = got.get(i) ?? 0;
      for (const [weight, field] of fields) sum += weight * field(i);
      // Plain loops: this runs for every candidate of every question, and allocation adds up.
      let phrases = 0;
      for (const phrase of pf.keywordPhrases) {
        const first = phrase[0];
        if (first !== undefined && !starts.has(first)) continue;
        if (questionStems.some((stems) => containsPhrase(stems, phrase))) phrases++;
      }
      return (possible > 0 ? sum / possible : 0) + WEIGHTS.phrase * phrases;
    },
    /** The share through rare stems alone, already summed. */
    rare: (i: number): number => (possible > 0 ? (got.get(i) ?? 0) / possible : 0),
  };
}

/**
 * The field a stem is in for fact `i` (as `stemField`), from a long posting list, for facts asked
 * in ascending order as candidates are scored: the search starts where the last one ended and
 * gallops forward, instead of a binary search over the whole list each time (6 common stems for
 * each of up to 3,000 candidates). A fact asked out of order starts over from the list's start.
 */
export function fieldCursor(list: Postings | undefined): (i: number) => number {
  const entries = list ?? NO_POSTINGS;
  let at = 0;
  return (i: number): number => {
    const key = i * 4;
    if (at > 0 && (entries[at - 1] ?? 0) >= key) at = 0;
    // Every entry before `lo` is below the key; then the first at or above it, within [lo, hi).
    let lo = at;
    let bound = 1;
    while (lo + bound <= entries.length && (entries[lo + bound - 1] ?? 0) < key) {
      lo += bound;
      bound *= 2;
    }
    let hi = Math.min(lo + bound, entries.length);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((entries[mid] ?? 0) < key) lo = mid + 1;
      else hi = mid;
    }
    at = lo;
    const found = entries[lo];
    return found !== undefined && postingFact(found) === i ? postingField(found) : 0;
  };
}

function containsPhrase(stems: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= stems.length; i++) {
    let j = 0;
    while (j < phrase.length && stems[i + j] === phrase[j]) j++;
    if (j === phrase.length) return true;
  }
  return false;
}

/** Facts that share more stems than this are "common": see rankFacts. */
export const COMMON_POSTINGS = 1000;

/**
 * The facts worth scoring: through a rare stem of the question, an organization or topic it
 * names, or a fuzzy match; and the question's common stems, whose facts may be left out.
 */
function candidates(
  u: Understanding,
  p: Prepared,
  queryStems: readonly string[],
  fuzzy: ReadonlyMap<number, number>,
  work: RankWork,
): { rare: Set<number>; common: string[] } {
  const rare = new Set<number>(fuzzy.keys());
  const common: string[] = [];
  // Within LIMITS.postings, what says most first: the organizations named, the topics, then the
  // stems from the rarest (the question's order among equals). Under the limit the order does
  // not matter: the set is the same.
  const addAll = (list: Postings | undefined, toFact = (x: number) => x) => {
    for (const x of list ?? []) {
      if (!spend(work, LIMITS.postings)) return;
      rare.add(toFact(x));
    }
  };
  for (const m of u.organizations) addAll(p.byOrganization.get(m.id));
  for (const t of u.topics) addAll(p.byTopic.get(t.id));
  const stems = [...new Set([...queryStems, ...u.stems, ...u.stemsNl])].map(
    (s, order) => [s, p.byStem.get(s) ?? NO_POSTINGS, order] as const,
  );
  stems.sort((a, b) => a[1].length - b[1].length || a[2] - b[2]);
  for (const [s, list] of stems) {
    if (list.length > COMMON_POSTINGS) common.push(s);
    else addAll(list, postingFact);
  }
  return { rare, common };
}

/**
 * The highest score a fact found only through common stems could reach: their share of the
 * lexical weight, plus a phrase bonus for every run of two or more of them in the question
 * (its topics, organizations and fuzzy matches would have made it a candidate already).
 */
function commonOnlyBound(
  common: readonly string[],
  queryStems: readonly string[],
  u: Understanding,
  p: Prepared,
): number {
  const isCommon = new Set(common);
  let got = 0;
  let possible = 0;
  for (const q of queryStems) {
    const weight = (p.idf.get(q) ?? 0) * FIELD.keywords;
    possible += weight;
    if (isCommon.has(q)) got += weight;
  }
  let phrases = 0;
  let run = 0;
  for (const s of [...u.stems, ""]) {
    if (isCommon.has(s)) run++;
    else {
      phrases += (run * (run - 1)) / 2;
      run = 0;
    }
  }
  return WEIGHTS.lexical * ((possible > 0 ? got / possible : 0) + WEIGHTS.phrase * phrases);
}

/**
 * Fuzzy scores by fact index. Known words are scored exactly above; the words typed that the
 * base does not hold as such (misspelt or unknown) are matched by fuse.js against the base's
 * keyword and summary words, and a fact scores by how well its words match them, word by word.
 */
function fuzzyScores(u: Understanding, p: Prepared, work: RankWork): Map<number, number> {
  const typed = [...new Set([...u.corrections.map((c) => fold(c.typed)), ...u.unknownWords])];
  const scores = new Map<number, number>();
  const query = typed.slice(0, MAX_FUZZY_WORDS);
  for (const word of query) {
    const best = new Map<number, number>();
    for (const r of nearWords(word, p)) {
      const value = 1 - (r.score ?? 1);
      const facts = p.byWord.get(r.item) ?? [];
      // Close to a word thousands of facts use: that says as little as a stop word.
      if (facts.length > COMMON_POSTINGS) continue;
      for (const i of facts) {
        if (!spend(work, LIMITS.fuzzyPostings)) break;
        if (value > (best.get(i) ?? 0)) best.set(i, value);
      }
    }
    // Averaged over the words typed: matching one of three unknown words is a third of a match.
    for (const [i, value] of best) scores.set(i, (scores.get(i) ?? 0) + value / query.length);
  }
  return scores;
}

/**
 * fuse.js over the base's words that share enough three-letter pieces with the typed word
 * ("reageerde" finds "gereageerd"), rather than over every word: the search stays small however
 * large the base grows.
 */
function nearWords(word: string, p: Prepared) {
  if (word.length < 3) return [];
  const pieces = trigrams(word);
  const shared = new Map<string, number>();
  for (const t of pieces) {
    for (const w of p.wordsByTrigram.get(t) ?? []) shared.set(w, (shared.get(w) ?? 0) + 1);
  }
  const needed = Math.max(1, Math.floor(pieces.size / 3));
  const close = [...shared].filter(([, n]) => n >= needed).map(([w]) => w);
  if (close.length === 0) return [];
  return new Fuse(close, FUSE_OPTIONS).search(word, { limit: MAX_WORD_MATCHES });
}
