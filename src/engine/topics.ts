/**
 * Finds what a question is about from the topic keywords in `knowledge/topics.yaml` (English and
 * Dutch). Keywords match on stems, so "deleting" meets "delete" and "berichten" meets "bericht".
 */
import type { KnowledgeBase } from "../knowledge/schema.js";
import { words } from "./normalize.js";
import { stemVariants } from "./stem.js";

interface TopicKeyword {
  readonly topicId: string;
  readonly stems: readonly string[];
  /** Multi-word keywords say more than single words; words shared by topics say less. */
  readonly weight: number;
}

export interface TopicIndex {
  /** Keywords by their first stem. */
  readonly byFirstStem: ReadonlyMap<string, readonly TopicKeyword[]>;
  /** Topics marked `access` (who got access to what): a partner's answer calls for the platform's position. */
  readonly access: ReadonlySet<string>;
}

export interface TopicMatch {
  readonly id: string;
  /** Relative strength, the strongest topic of the question being 1. */
  readonly score: number;
}

export function buildTopicIndex(kb: KnowledgeBase): TopicIndex {
  const all: Array<Omit<TopicKeyword, "weight">> = [];
  for (const topic of kb.topics) {
    const seen = new Set<string>();
    for (const keyword of topic.keywords) {
      for (const stems of stemVariants(words(keyword))) {
        const key = stems.join(" ");
        if (stems.length === 0 || seen.has(key)) continue;
        seen.add(key);
        all.push({ topicId: topic.id, stems });
      }
    }
  }
  const topicsPerKey = new Map<string, number>();
  for (const k of all) {
    const key = k.stems.join(" ");
    topicsPerKey.set(key, (topicsPerKey.get(key) ?? 0) + 1);
  }
  const byFirstStem = new Map<string, TopicKeyword[]>();
  for (const k of all) {
    const weight = k.stems.length / (topicsPerKey.get(k.stems.join(" ")) ?? 1);
    const first = k.stems[0] ?? "";
    byFirstStem.set(first, [...(byFirstStem.get(first) ?? []), { ...k, weight }]);
  }
  return { byFirstStem, access: new Set(kb.topics.filter((t) => t.access).map((t) => t.id)) };
}

/**
 * Topics the stemmed question mentions, strongest first. The question comes stemmed each way
 * (English, Dutch); each keyword counts once, in whichever way it matches.
 */
export function findTopics(
  variants: readonly (readonly string[])[],
  index: TopicIndex,
): TopicMatch[] {
  const scores = new Map<string, number>();
  const found = new Set<TopicKeyword>();
  for (const stems of variants) {
    for (let i = 0; i < stems.length; i++) {
      for (const k of index.byFirstStem.get(stems[i] ?? "") ?? []) {
        if (found.has(k) || !k.stems.every((s, j) => stems[i + j] === s)) continue;
        found.add(k);
        scores.set(k.topicId, (scores.get(k.topicId) ?? 0) + k.weight);
      }
    }
  }
  const max = Math.max(0, ...scores.values());
  return [...scores]
    .map(([id, score]) => ({ id, score: score / max }))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
