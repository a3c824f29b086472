/**
 * The engine's stemming: Snowball English and Dutch (analysis/stem.ts, from libraries and checked
 * against Snowball's own stemmers). A word's language is not known ("berichten", "messages",
 * "chats" all occur in both), so the engine tries both: a question's words are stemmed both
 * ways, text whose language is known (a quote, a summary) one way, and mixed lists (keywords,
 * topics, the lexicon) both ways.
 */
import { type StemLanguage, stemWord } from "./analysis/stem.js";

export type { StemLanguage };

/** The stem of a folded word in one language. Numbers and very short words stay as they are. */
export function stemIn(word: string, language: StemLanguage): string {
  if (word.length <= 2 || /\d/.test(word)) return word;
  // Short words are stemmed the English way in both: Dutch stemming of a short English word
  // meets unrelated Dutch ones ("base" and "baas" both give "bas").
  if (language === "nl" && word.length < MIN_DUTCH_STEMMED) return stemWord(word, "en");
  return stemWord(word, language);
}

/** Words shorter than this are not stemmed with the Dutch stemmer (see stemIn). */
const MIN_DUTCH_STEMMED = 6;

/** The English stem: for text known to be English, and where one key per word is enough. */
export function stem(word: string): string {
  return stemIn(word, "en");
}

/** The word's English and Dutch stems, once when they agree. */
export function stemsOf(word: string): readonly string[] {
  const en = stemIn(word, "en");
  const nl = stemIn(word, "nl");
  return en === nl ? [en] : [en, nl];
}

/** A word list stemmed each way: one list, or two when any word stems differently in Dutch. */
export function stemVariants(list: readonly string[]): readonly (readonly string[])[] {
  const en = list.map((w) => stemIn(w, "en"));
  const nl = list.map((w) => stemIn(w, "nl"));
  return en.every((s, i) => s === nl[i]) ? [en] : [en, nl];
}
