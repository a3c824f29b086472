/**
 * The words the fact base knows (keywords, summaries, quotes, translations, topics, names), used
 * to tell a covered question from an off-topic one and to correct typos towards known words.
 */
import type { KnowledgeBase } from "../knowledge/schema.js";
import { typoDistance } from "./fuzzy.js";
import { append } from "./multimap.js";
import { words } from "./normalize.js";
import { stemsOf } from "./stem.js";
import { isStopword } from "./stopwords.js";

export interface Vocabulary {
  /** Folded words, with how many facts (or topics, names) use them. */
  readonly words: ReadonlyMap<string, number>;
  readonly stems: ReadonlySet<string>;
  /** Words by first letter, for typo correction; names are left to organization matching. */
  readonly byInitial: ReadonlyMap<string, readonly string[]>;
}

/** Counts words per fact (or topic, or name): each distinct word of `lists` once. */
export class WordCounter {
  /** The last `add` that counted each word (a set cleared per call would be reallocated). */
  private readonly countedBy = new Map<string, number>();
  private calls = 0;

  /**
   * `isStop`: the stop-word test, or a memo of it; `counts`: the counts so far (indexing counts
   * the facts' words itself and hands them on).
   */
  constructor(
    private readonly isStop: (folded: string) => boolean = isStopword,
    readonly counts = new Map<string, number>(),
  ) {}

  add(...lists: readonly (readonly string[])[]): void {
    const call = ++this.calls;
    for (const list of lists) {
      for (const w of list) {
        if (this.countedBy.get(w) === call || this.isStop(w)) continue;
        this.countedBy.set(w, call);
        this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
      }
    }
  }
}

/** Names or words handled between two chances to yield (for `prepareAsync`). */
const STEP = 100;

/** The vocabulary of a base: its facts' words (counted by the caller), its topics and names. */
export function* finishVocabulary(
  counter: WordCounter,
  kb: KnowledgeBase,
): Generator<void, Vocabulary> {
  for (const t of kb.topics) counter.add(words(t.name), ...t.keywords.map(words));
  const nameWords = new Set<string>();
  for (const [i, o] of kb.organizations.entries()) {
    const lists = [o.name, ...o.aliases].map(words);
    // A description's words are ordinary words the base knows ("bank", "music"), not names.
    counter.add(...lists, ...o.descriptions.map(words));
    for (const list of lists) for (const w of list) nameWords.add(w);
    if (i % STEP === STEP - 1) yield;
  }
  const { counts } = counter;
  const byInitial = new Map<string, string[]>();
  const stems = new Set<string>();
  let n = 0;
  for (const w of counts.keys()) {
    if (++n % STEP === 0) yield;
    for (const s of stemsOf(w)) stems.add(s);
    if (!nameWords.has(w)) append(byInitial, w[0] ?? "", w);
  }
  return { words: counts, stems, byInitial };
}

export function isKnownWord(vocab: Vocabulary, word: string): boolean {
  return vocab.words.has(word) || stemsOf(word).some((s) => vocab.stems.has(s));
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
