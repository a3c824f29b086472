/**
 * Words that carry no subject, so they neither rank facts nor count as unknown words: the
 * standard English and Dutch stop-word lists (stopwords-iso, in analysis/stopwords.ts), and the
 * question words and negations that module keeps apart as signals. The engine reads those signals
 * from the tokens themselves ("which", "who" in WHICH_WORDS; kinds of information through the
 * lexicon), so as subject words they are stop words here. Chat fillers and question wrappers are
 * in no standard list: they are curated in knowledge/lexicon.yaml and dropped before this.
 */
import { isStopword as isListedStopword, NEGATIONS, QUESTION_WORDS } from "./analysis/stopwords.js";
import { stem } from "./stem.js";

/**
 * A function word, or an English one inflected ("saying", "letting", "telling"): only English
 * function words are recognised through their stem, since only English inflects them so.
 */
export function isStopword(folded: string): boolean {
  if (isFunctionWord(folded)) return true;
  const base = stem(folded);
  return base !== folded && isListedStopword(base, "en");
}

/**
 * "why" and "when" (waarom, wanneer) change what is asked, and facts list them as keywords (a
 * reason, a date): they stay subject words.
 */
const ASKED_AS_SUBJECT: ReadonlySet<string> = new Set(["why", "when", "waarom", "wanneer"]);

function isFunctionWord(w: string): boolean {
  if (ASKED_AS_SUBJECT.has(w)) return false;
  return isListedStopword(w) || QUESTION_WORDS.has(w) || NEGATIONS.has(w);
}

/** The interrogatives asking which party: "which companies", "who got", "welke", "wie". */
export const WHO_WORDS: ReadonlySet<string> = new Set([
  ...["which", "who", "whom", "welke", "wie"],
  // "list every company that got…", "noem de bedrijven": asking which, as a request.
  ...["list", "noem"],
]);

/**
 * The question words asking which party (not the requests "list", "noem"): a who-word, which,
 * welke.
 */
export const PARTY_QUESTION_WORDS: ReadonlySet<string> = new Set([
  "who",
  "whos",
  "whom",
  "whose",
  "which",
  "wie",
  "welke",
]);

/** Adverbs people type inside a phrase ("who actually broke it"): the lexicon reads past them. */
export const INSERTED_ADVERBS: ReadonlySet<string> = new Set([
  "actually",
  "even",
  "really",
  "originally",
  "first",
  "ever",
  "just",
  "literally",
  "exactly",
  "eigenlijk",
  "nou",
  "echt",
]);

/** Words that mark a question about several companies: "which companies", "welke bedrijven". */
export const WHICH_WORDS: ReadonlySet<string> = new Set([
  ...WHO_WORDS,
  "companies",
  "company",
  "bedrijven",
  "partners",
  "partner",
  "compare",
  "vergelijk",
  "vs",
  "versus",
]);

/** Words that may stand between organizations set aside together ("Netflix and the bank"). */
export const LIST_WORDS: ReadonlySet<string> = new Set([
  "about",
  "abt",
  "and",
  "or",
  "en",
  "of",
  "the",
  "de",
  "het",
  "&",
]);
