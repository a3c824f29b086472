/**
 * Reading logged questions with the engine's own analysis (imported, never copied): the same
 * understanding, typo corrections and stems the engine answers with. Worked out when a report
 * is read, not stored, so a better analyzer regroups old rows.
 */
import { prepare } from "../engine/prepare.js";
import { rankFacts } from "../engine/rank.js";
import { isStopword } from "../engine/stopwords.js";
import { understand } from "../engine/understand.js";
import type { KnowledgeBase } from "../knowledge/schema.js";

export interface QuestionAnalysis {
  /** The question's content stems, sorted and each once: equal keys, the same question. */
  readonly key: string;
  /** Words the fact base and its lexicon do not know, and names it does not cover. */
  readonly unknownWords: readonly string[];
  /** The facts the engine ranks highest for it, best first (even when it declined). */
  readonly closestFacts: readonly string[];
}

export function analyzeQuestion(text: string, kb: KnowledgeBase, closest = 3): QuestionAnalysis {
  const p = prepare(kb);
  const u = understand(text, p);
  const stems = new Set<string>();
  u.tokens.forEach((token, i) => {
    const s = u.stems[i];
    if (s && !isStopword(token.text)) stems.add(s);
  });
  // A question of function words only ("what?") is grouped by its words as typed.
  const key =
    stems.size > 0
      ? [...stems].sort().join(" ")
      : u.tokens.map((t) => t.text).join(" ") || u.question;
  const unknownWords = [
    ...new Set([...u.unknownNames.map((n) => n.toLowerCase()), ...u.unknownWords]),
  ];
  const closestFacts = rankFacts(u, p)
    .slice(0, closest)
    .map((r) => r.prepared.fact.id);
  return { key, unknownWords, closestFacts };
}
