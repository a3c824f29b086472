/**
 * A light English and Dutch stemmer: enough that "messages", "message", "reading", "deleted",
 * "berichten" and "vrienden" meet their keyword forms. Both the question and the fact base are
 * stemmed the same way, so odd stems ("messag") do no harm.
 */

const RULES: ReadonlyArray<readonly [suffix: string, minLength: number, replacement: string]> = [
  ["ies", 5, "y"],
  ["ied", 5, "y"],
  ["ing", 6, ""],
  ["ed", 5, ""],
  ["en", 6, ""],
  ["es", 5, ""],
  ["s", 4, ""],
];

/** Stems seen before: a base repeats its words many times. Bounded, as questions add words. */
const seen = new Map<string, string>();
const MAX_SEEN = 200_000;

export function stem(word: string): string {
  const known = seen.get(word);
  if (known !== undefined) return known;
  const out = stemOnce(word);
  if (seen.size < MAX_SEEN) seen.set(word, out);
  return out;
}

function stemOnce(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  for (const [suffix, minLength, replacement] of RULES) {
    if (w.length >= minLength && w.endsWith(suffix) && !(suffix === "s" && w.endsWith("ss"))) {
      w = w.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  if (w.length >= 4 && w.endsWith("e")) w = w.slice(0, -1);
  // "stopped" → "stopp" → "stop"; "admitted" → "admit".
  if (w.length >= 4 && /([^aeiou])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}
