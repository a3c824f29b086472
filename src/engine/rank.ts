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
 */
import Fuse from "fuse.js";
import { ABSOLUTE_FLOOR, RELATIVE_FLOOR } from "./compose.js";
import { maskHas } from "./lexicon.js";
import { fold } from "./normalize.js";
import {
  FIELD,
  type Prepared,
  type PreparedFact,
  postingFact,
  postingField,
  stemField,
  trigrams,
} from "./prepare.js";
import { stem } from "./stem.js";
import type { Understanding } from "./understand.js";

export interface RankedFact {
  readonly prepared: PreparedFact;
  readonly score: number;
  readonly lexical: number;
  readonly fuzzy: number;
  readonly topical: number;
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

const MAX_FUZZY_WORDS = 12;
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
export function rankFacts(u: Understanding, p: Prepared): RankedFact[] {
  const score = scorer(u, p);
  const { rare, common } = candidates(u, p, score.queryStems, score.fuzzy);
  const ranked = (indexes: Iterable<number>) =>
    [...indexes]
      .sort((a, b) => a - b)
      .map((i) => score.fact(i))
      .sort((a, b) => b.score - a.score);
  const first = ranked(rare);
  if (common.length === 0) return first;
  const bound = commonOnlyBound(common, score.queryStems, u, p);
  const best = first[0]?.score ?? 0;
  if (bound < ABSOLUTE_FLOOR && bound < RELATIVE_FLOOR * best) return first;
  const all = new Set(rare);
  for (const s of common) for (const x of p.byStem.get(s) ?? []) all.add(postingFact(x));
  return ranked(all);
}

/** Scores any fact (by index) against the question; what is shared is worked out once. */
export function scorer(u: Understanding, p: Prepared) {
  const queryStems = [...new Set([...u.contentWords, ...u.aliasWords].map(stem))];
  const lexical = lexicalScorer(queryStems, u.stems, p);
  const fuzzy = fuzzyScores(u, p);
  const topicTotal = u.topics.reduce((sum, t) => sum + t.score, 0);
  const outlets = namedOutlets(u, p);
  const fact = (i: number): RankedFact => {
    const pf = p.facts[i] as PreparedFact;
    const lex = lexical(i, pf);
    let topical = 0;
    for (const t of u.topics) if (pf.fact.topics.includes(t.id)) topical += t.score;
    if (topicTotal > 0) topical /= topicTotal;
    const f = fuzzy.get(i) ?? 0;
    // "What did NU.nl report about Netflix?": the outlet named is where to look.
    const viaOutlet = outlets.some((o) => pf.reportedBy.includes(o)) ? 1 : 0;
    const kind = u.asks.some((k) => maskHas(pf.holds, k)) ? 1 : 0;
    const score =
      WEIGHTS.lexical * lex +
      WEIGHTS.fuzzy * f +
      WEIGHTS.topical * topical +
      WEIGHTS.outlet * viaOutlet +
      (lex + topical > 0 ? WEIGHTS.kind * kind : 0);
    return { prepared: pf, score, lexical: lex, fuzzy: f, topical };
  };
  return { queryStems, fuzzy, fact };
}

/** News outlets named next to another organization: the question's source, not its subject. */
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
  questionStems: readonly string[],
  p: Prepared,
) {
  const got = new Map<number, number>();
  const common: Array<readonly [stemmed: string, weight: number]> = [];
  let possible = 0;
  for (const q of queryStems) {
    const weight = p.idf.get(q) ?? 0;
    possible += weight * FIELD.keywords;
    const list = p.byStem.get(q) ?? [];
    if (list.length > COMMON_POSTINGS) {
      common.push([q, weight]);
      continue;
    }
    for (const x of list) {
      const i = postingFact(x);
      got.set(i, (got.get(i) ?? 0) + weight * postingField(x));
    }
  }
  return (i: number, pf: PreparedFact): number => {
    let sum = got.get(i) ?? 0;
    for (const [q, weight] of common) sum += weight * stemField(p, q, i);
    // Plain loops: this runs for every candidate of every question, and allocation adds up.
    let phrases = 0;
    for (const phrase of pf.keywordPhrases) if (containsPhrase(questionStems, phrase)) phrases++;
    return (possible > 0 ? sum / possible : 0) + WEIGHTS.phrase * phrases;
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
): { rare: Set<number>; common: string[] } {
  const rare = new Set<number>(fuzzy.keys());
  const common: string[] = [];
  const addAll = (list: readonly number[] | undefined) => {
    for (const i of list ?? []) rare.add(i);
  };
  for (const s of new Set([...queryStems, ...u.stems])) {
    const list = p.byStem.get(s) ?? [];
    if (list.length > COMMON_POSTINGS) common.push(s);
    else for (const x of list) rare.add(postingFact(x));
  }
  for (const m of u.organizations) addAll(p.byOrganization.get(m.id));
  for (const t of u.topics) addAll(p.byTopic.get(t.id));
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
function fuzzyScores(u: Understanding, p: Prepared): Map<number, number> {
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
