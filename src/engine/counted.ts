/**
 * What a count is of. "How many users had their DMs read?" is not answered by "four partners":
 * a fact holds the count asked when a number in it counts the thing asked for (the same word,
 * the same concept, or the same kind: the lexicon's `counted` entries, such as companies and
 * partners, or people and employees).
 */
import type { AnswerFact } from "./answer-schema.js";
import { canonicalWords, holdsKind, type LexiconIndex } from "./lexicon.js";
import { words } from "./normalize.js";
import { stemsOf } from "./stem.js";
import { isStopword } from "./stopwords.js";

/** Words of a count cue, skipped to reach the thing counted ("how many former employees"). */
const CUE_WORDS = new Set(["how", "many", "hoeveel", "number", "of", "aantal", "count", "amount"]);
/** Words that describe rather than name what is counted ("former", "other"). */
const MODIFIERS = new Set(["former", "ex", "other", "different", "voormalige", "andere", "oud"]);
/** How far after the number the counted noun may stand ("four partners", "50 former employees"). */
const REACH = 3;

/**
 * The word a question's count is of, or undefined when it names none. `wordAt` gives the word
 * at a typed position as understood (typo-corrected), or undefined for a name's.
 */
export function countedNoun(
  length: number,
  cueAt: number | undefined,
  wordAt: (i: number) => string | undefined,
): string | undefined {
  if (cueAt === undefined) return undefined;
  for (let i = cueAt; i < Math.min(length, cueAt + 6); i++) {
    const w = wordAt(i);
    if (w === undefined || CUE_WORDS.has(w) || MODIFIERS.has(w) || isStopword(w)) continue;
    return w;
  }
  return undefined;
}

/** Whether the fact's text counts the noun. */
export function countsNoun(fact: AnswerFact, noun: string, lexicon: LexiconIndex): boolean {
  const text = [...words(fact.quote), ...words(fact.translation ?? "")];
  const asked = forms(noun, lexicon);
  for (let i = 0; i < text.length; i++) {
    if (!holdsKind("count", [text[i] ?? ""], lexicon)) continue;
    for (let j = i + 1; j <= i + REACH && j < text.length; j++) {
      if (sameThing(forms(text[j] ?? "", lexicon), asked)) return true;
    }
  }
  return false;
}

interface Forms {
  readonly stems: ReadonlySet<string>;
  readonly kind: number;
}

function forms(word: string, lexicon: LexiconIndex): Forms {
  const all = [word, ...canonicalWords([word], lexicon)];
  // Nouns of one kind (lexicon `counted` entries) count one another.
  const kind = lexicon.countedKinds.findIndex((k) => all.some((w) => k.has(w)));
  return { stems: new Set(all.flatMap((w) => stemsOf(w))), kind };
}

function sameThing(a: Forms, b: Forms): boolean {
  return (a.kind >= 0 && a.kind === b.kind) || [...a.stems].some((s) => b.stems.has(s));
}
