/**
 * Ranks facts against an understood question. Three signals, each between 0 and 1:
 * - lexical: the question's content words found in a fact's keywords (weight 3), summary (2) or
 *   quote, translation and speaker (1), weighted by rarity (IDF), plus keyword phrases matched;
 * - fuzzy: fuse.js token search (per-word Bitap) over keywords and summaries for the words the
 *   fact base does not hold exactly (misspelt or unknown), catching near-misses;
 * - topical: how much of the question's topic weight the fact's topics cover;
 * - outlet: the fact comes through a news outlet the question names next to a company.
 * Organizations are not scored here: the composer filters facts per organization.
 */
import { fold } from "./normalize.js";
import type { Prepared, PreparedFact } from "./prepare.js";
import { stem } from "./stem.js";
import type { Understanding } from "./understand.js";

export interface RankedFact {
  readonly prepared: PreparedFact;
  readonly score: number;
  readonly lexical: number;
  readonly fuzzy: number;
  readonly topical: number;
}

export const WEIGHTS = { lexical: 1, fuzzy: 0.3, topical: 0.6, phrase: 0.15, outlet: 1 } as const;

const MAX_FUZZY_WORDS = 12;
const FIELD_WEIGHT = { keywords: 3, summary: 2, text: 1 } as const;

/** Every fact with its score, best first. */
export function rankFacts(u: Understanding, p: Prepared): RankedFact[] {
  const queryStems = [...new Set([...u.contentWords, ...u.aliasWords].map(stem))];
  const fuzzy = fuzzyScores(u, p);
  const topicTotal = u.topics.reduce((sum, t) => sum + t.score, 0);
  const outlets = namedOutlets(u, p);
  return p.facts
    .map((pf, i) => {
      const lexical = lexicalScore(pf, queryStems, u.stems, p.idf);
      const topical =
        topicTotal > 0
          ? u.topics.filter((t) => pf.topics.has(t.id)).reduce((s, t) => s + t.score, 0) /
            topicTotal
          : 0;
      const f = fuzzy.get(i) ?? 0;
      // "What did NU.nl report about Netflix?": the outlet named is where to look.
      const viaOutlet = outlets.some((o) => pf.reportedBy.has(o)) ? 1 : 0;
      const score =
        WEIGHTS.lexical * lexical +
        WEIGHTS.fuzzy * f +
        WEIGHTS.topical * topical +
        WEIGHTS.outlet * viaOutlet;
      return { prepared: pf, score, lexical, fuzzy: f, topical };
    })
    .sort((a, b) => b.score - a.score);
}

/** News outlets named next to another organization: the question's source, not its subject. */
function namedOutlets(u: Understanding, p: Prepared): string[] {
  const isOutlet = (id: string) => p.organizations.byId.get(id)?.role === "news-outlet";
  const ids = u.organizations.map((m) => m.id);
  return ids.some((id) => !isOutlet(id)) ? ids.filter(isOutlet) : [];
}

function lexicalScore(
  pf: PreparedFact,
  queryStems: readonly string[],
  questionStems: readonly string[],
  idf: ReadonlyMap<string, number>,
): number {
  let got = 0;
  let possible = 0;
  for (const q of queryStems) {
    const weight = idf.get(q) ?? 0;
    possible += weight * FIELD_WEIGHT.keywords;
    if (pf.keywordStems.has(q)) got += weight * FIELD_WEIGHT.keywords;
    else if (pf.summaryStems.has(q)) got += weight * FIELD_WEIGHT.summary;
    else if (pf.textStems.has(q)) got += weight * FIELD_WEIGHT.text;
  }
  const phrases = pf.keywordPhrases.filter((phrase) => containsPhrase(questionStems, phrase));
  return (possible > 0 ? got / possible : 0) + WEIGHTS.phrase * phrases.length;
}

function containsPhrase(stems: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= stems.length; i++) {
    if (phrase.every((s, j) => stems[i + j] === s)) return true;
  }
  return false;
}

/** fuse.js token search over the content words: 1 − score per matching fact index. */
function fuzzyScores(u: Understanding, p: Prepared): Map<number, number> {
  // Known words are scored exactly above; fuse.js looks at the words typed that the fact base
  // does not hold as such (misspelt or unknown), where fuzzy matching can still find a fact.
  // Distinct and few: Bitap runs once per word, field and fact.
  const typed = [...u.corrections.map((c) => fold(c.typed)), ...u.unknownWords];
  const query = [...new Set(typed)].slice(0, MAX_FUZZY_WORDS).join(" ");
  const scores = new Map<number, number>();
  if (!query) return scores;
  for (const r of p.fuse.search(query)) scores.set(r.item.index, 1 - (r.score ?? 1));
  return scores;
}
