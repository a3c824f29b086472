/**
 * The words the fact base knows (keywords, summaries, quotes, translations, topics, names), used
 * to tell a covered question from an off-topic one and to correct typos towards known words.
 */
import type { KnowledgeBase } from "../knowledge/schema.js";
import { typoDistance } from "./fuzzy.js";
import { words } from "./normalize.js";
import { stem } from "./stem.js";
import { isStopword } from "./stopwords.js";

export interface Vocabulary {
  /** Folded words, with how many facts (or topics, names) use them. */
  readonly words: ReadonlyMap<string, number>;
  readonly stems: ReadonlySet<string>;
  /** Words by first letter, for typo correction; names are left to organization matching. */
  readonly byInitial: ReadonlyMap<string, readonly string[]>;
}

export function buildVocabulary(kb: KnowledgeBase): Vocabulary {
  const steps = vocabularySteps(kb);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** The same, yielding now and then, for `prepareAsync`. */
export function* vocabularySteps(kb: KnowledgeBase): Generator<void, Vocabulary, void> {
  const counts = new Map<string, number>();
  const add = (text: string) => {
    for (const w of new Set(words(text))) {
      if (!isStopword(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  };
  for (const [i, f] of kb.facts.entries()) {
    add([f.summary, f.quote, f.translation ?? "", f.speaker, ...f.keywords].join(" \n "));
    if (i % 100 === 99) yield;
  }
  for (const t of kb.topics) add([t.name, ...t.keywords].join(" \n "));
  const names = kb.organizations.map((o) => [o.name, ...o.aliases].join(" \n "));
  for (const n of names) add(n);
  const nameWords = new Set(words(names.join(" \n ")));

  const byInitial = new Map<string, string[]>();
  for (const w of counts.keys()) {
    if (nameWords.has(w)) continue;
    const list = byInitial.get(w[0] ?? "") ?? [];
    list.push(w);
    byInitial.set(w[0] ?? "", list);
  }
  return { words: counts, stems: new Set([...counts.keys()].map(stem)), byInitial };
}

export function isKnownWord(vocab: Vocabulary, word: string): boolean {
  return vocab.words.has(word) || vocab.stems.has(stem(word));
}

/**
 * The known word a misspelt word most likely stands for ("mesages" → "messages"), or undefined
 * when no known word is close enough. Ties go to the more common word.
 */
export function correctWord(vocab: Vocabulary, word: string): string | undefined {
  if (word.length < 4 || /\d/.test(word)) return undefined;
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of vocab.byInitial.get(word[0] ?? "") ?? []) {
    const distance = typoDistance(word, candidate);
    if (distance === undefined) continue;
    const score = distance - (vocab.words.get(candidate) ?? 0) / 1000;
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
