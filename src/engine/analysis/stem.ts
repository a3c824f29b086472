/**
 * Snowball stemming for English and Dutch, from libraries, checked word for word against the
 * Snowball C stemmers (tests/engine/analysis/reference, made by scripts/reference-stems.sh from
 * Debian's libstemmer 2.2.0).
 *
 * - English: snowball-stemmers, the only installed port of Snowball's English (Porter2)
 *   algorithm; @orama/stemmers' "english" is Porter's original 1980 algorithm and differs on about
 *   1 word in 20 ("abruptly" → "abruptli", "alleys" → "allei").
 * - Dutch: @orama/stemmers. Both ports give Snowball 2.2's Dutch stems for every reference word;
 *   Orama's is about 8 times faster. Snowball 3.0 replaced "dutch" with the Kraaij-Pohlmann
 *   algorithm (the old one is now "dutch_porter"): both ports and the reference are the old one.
 *
 * Input is folded (lower case, diacritics removed: normalize.ts `fold`). For Dutch that changes
 * nothing: the algorithm itself first strips the accents it knows, so "privéberichten" and
 * "priveberichten" both give "privebericht". For English the few loan words with accents stem
 * slightly differently when folded ("canapé" keeps its é, "canape" becomes "canap"); questions and
 * facts are folded alike, so they still meet.
 */
import { stemmer as dutchStemmer } from "@orama/stemmers/dutch";
import snowball from "snowball-stemmers";

export type StemLanguage = "en" | "nl";

const englishStemmer = snowball.newStemmer("english");

const STEMMERS: Readonly<Record<StemLanguage, (word: string) => string>> = {
  en: (word) => englishStemmer.stem(word),
  nl: dutchStemmer,
};

/**
 * Stems seen before, one map per language: a base repeats its words many times, and the English
 * port does about 50,000 stems a second uncached. Bounded, as questions keep adding new words.
 */
const MAX_SEEN = 200_000;
const seen: Readonly<Record<StemLanguage, Map<string, string>>> = { en: new Map(), nl: new Map() };

/** The Snowball stem of a folded word in the given language. */
export function stemWord(folded: string, language: StemLanguage): string {
  const memo = seen[language];
  const known = memo.get(folded);
  if (known !== undefined) return known;
  const out = STEMMERS[language](folded);
  if (memo.size < MAX_SEEN) memo.set(folded, out);
  return out;
}
