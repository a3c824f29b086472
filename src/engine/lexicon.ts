/**
 * The curated lexicon (`knowledge/lexicon.yaml`) applied to a question's tokens: a concept's words
 * become its canonical words (the articles' own: "dms" → "messages", "pulled the plug" → "shut
 * down"), fillers and question wrappers are dropped ("tbh", "so like"), and the kinds of
 * information asked for are noted ("how much" → amount). Facts are read through the same concepts
 * (`canonicalWords`), so either side may use any of a concept's words.
 *
 * Phrases match on stems, so "pulling the plug" meets "pulled the plug"; the longest phrase wins.
 */
import { InfoKind, type LexiconEntry, type Role } from "../knowledge/schema.js";
import { append } from "./multimap.js";
import { type Token, words } from "./normalize.js";
import { stemIn, stemVariants } from "./stem.js";
import { INSERTED_ADVERBS, PARTY_QUESTION_WORDS } from "./stopwords.js";
import { TUNING } from "./tuning.js";

interface Phrase {
  readonly stems: readonly string[];
  /** The cue's folded words: an information cue matches them as written (see `sameWord`). */
  readonly words: readonly string[];
  readonly entry: LexiconEntry;
  /** For a concept: its canonical words, folded. */
  readonly canonical: readonly string[];
}

export interface LexiconIndex {
  /** Phrases by the stem of their first word. */
  readonly byFirstStem: ReadonlyMap<string, readonly Phrase[]>;
  /** The words (as written, or with a plural s) a fact must contain to hold each kind. */
  readonly holds: ReadonlyMap<InfoKind, ReadonlySet<string>>;
  /** Kinds that organizations of one role answer ("reporting": the news outlets). */
  readonly answeredBy: ReadonlyMap<InfoKind, Role>;
  /** Kinds held by any fact shown on an organization, not only by matching ones (`anyShownFact`). */
  readonly heldByAnyShown: ReadonlySet<InfoKind>;
  /** Kinds that order the facts holding them first and never decline (`ranksOnly`). */
  readonly ranksOnly: ReadonlySet<InfoKind>;
  /** Words that, shortly before a kind's cue, make it ask something else (`notAfter`), folded. */
  readonly notAfter: ReadonlyMap<InfoKind, ReadonlySet<string>>;
  /** Question words one of which must come shortly before a kind's cue (`askedWith`), folded. */
  readonly askedWith: ReadonlyMap<InfoKind, ReadonlySet<string>>;
  /** One-word names outside the story ("twitter"), for typo-tolerant look-up. */
  readonly outsideWords: ReadonlySet<string>;
  /** Words of the names of people outside the story ("zuckerberg", "tim cook"), folded. */
  readonly outsidePeople: ReadonlySet<string>;
  /** Names of products and features outside the story ("playstation network"), folded. */
  readonly outsideProducts: ReadonlySet<string>;
  /** Kinds of organization asked for by name ("bank", "competitors"), folded, one word each. */
  readonly classWords: ReadonlySet<string>;
  /** The class words that qualify a kind of organization (a class entry's `qualifiers`). */
  readonly qualifierWords: ReadonlySet<string>;
  /** Each `counted` entry's nouns, folded: nouns in one set count one another. */
  readonly countedKinds: readonly ReadonlySet<string>[];
  /** The nouns of `counted` entries marked `organizations`, folded. */
  readonly organizationNouns: ReadonlySet<string>;
  /** Words and two-word phrases (joined by a space) that set aside the organizations after them. */
  readonly exceptWords: ReadonlySet<string>;
  /** Words and two-word phrases that take back what came before them ("jk", "just kidding"). */
  readonly retractWords: ReadonlySet<string>;
  /**
   * The info kinds' one-word cues long enough to read misspelt ("aplogize" asks for an apology),
   * folded: the question words' typo rule, for the kinds' words.
   */
  readonly typoCues: ReadonlySet<string>;
  /** Chat's short forms (`shorthand`), folded, to the word each stands for. */
  readonly shorthand: ReadonlyMap<string, string>;
  /** Each info kind's `canonical` words, split. */
  readonly canonicalOf: ReadonlyMap<InfoKind, readonly string[]>;
  /** Cues of two words with others between them (`asksAround`), the first word stemmed both ways. */
  readonly around: readonly AroundCue[];
  readonly longest: number;
}

interface AroundCue {
  readonly kind: InfoKind;
  readonly firstStems: ReadonlySet<string>;
  readonly last: string;
}

export interface LexiconReading {
  readonly tokens: Token[];
  /** Position in `tokens` of each input token, or -1 for one dropped or rewritten. */
  readonly positions: readonly number[];
  /** Kinds of information the question asks for. */
  readonly asks: ReadonlySet<InfoKind>;
  /** Where each kind's cues start, as positions of the input tokens. */
  readonly cuesAt: ReadonlyMap<InfoKind, readonly number[]>;
  /** Words of names outside the story, as typed. */
  readonly outside: readonly string[];
  /** Concepts met through a phrase of two words or more ("opt in", "say yes"). */
  readonly phrases: number;
}

const NO_KINDS: ReadonlySet<InfoKind> = new Set();

/** Words that make what follows the asker's own ("my boss asked me"), in English and Dutch. */
const POSSESSIVES: ReadonlySet<string> = new Set(["my", "mijn", "m'n", "mn", "our", "onze", "ons"]);

/**
 * "They didn't know how much data they had", "wisten ze hoeveel": a cue right after a verb of
 * knowing is a question inside a statement; it asks whether they knew, not how much.
 */
function afterKnowing(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - TUNING.knowingReach); j--) {
    if (KNOWING.has(tokens[j]?.text ?? "") && !wantsToKnow(tokens, j)) return true;
  }
  return false;
}

/**
 * "What I wanna know is how long…", "ik wil weten hoeveel", "anyone know if somebody sued": the
 * asker's own question, wanting to know or asking who knows.
 */
function wantsToKnow(tokens: readonly Token[], at: number): boolean {
  return wordBefore(tokens, at, TUNING.knowingReach, WANTING);
}

/** Whether one of the words stands among the `reach` tokens before position `i`. */
function wordBefore(
  tokens: readonly Token[],
  i: number,
  reach: number,
  words: ReadonlySet<string>,
): boolean {
  for (let j = i - 1; j >= Math.max(0, i - reach); j--) {
    if (words.has(tokens[j]?.text ?? "")) return true;
  }
  return false;
}

const WANTING: ReadonlySet<string> = new Set([
  "anyone",
  "anybody",
  "someone",
  "somebody",
  "you",
  "u",
  "iemand",
  "jij",
  "wanna",
  "want",
  "wants",
  "like",
  "love",
  "need",
  "curious",
  "wil",
  "wilde",
  "benieuwd",
]);

const KNOWING: ReadonlySet<string> = new Set([
  "know",
  "knew",
  "known",
  "aware",
  "unaware",
  "idea",
  "clue",
  "weten",
  "wisten",
  "wist",
  "weet",
  "besef",
  "beseften",
]);

export function buildLexicon(entries: readonly LexiconEntry[]): LexiconIndex {
  const byFirstStem = new Map<string, Phrase[]>();
  const holds = new Map<InfoKind, Set<string>>();
  const answeredBy = new Map<InfoKind, Role>();
  const heldByAnyShown = new Set<InfoKind>();
  const ranksOnly = new Set<InfoKind>();
  const notAfter = new Map<InfoKind, Set<string>>();
  const askedWith = new Map<InfoKind, Set<string>>();
  const outsideWords = new Set<string>();
  const classWords = new Set<string>();
  const qualifierWords = new Set<string>();
  const countedKinds: ReadonlySet<string>[] = [];
  const organizationNouns = new Set<string>();
  const exceptWords = new Set<string>();
  const retractWords = new Set<string>();
  const outsidePeople = new Set<string>();
  const outsideProducts = new Set<string>();
  const around: AroundCue[] = [];
  const canonicalOf = new Map<InfoKind, string[]>();
  const shorthand = new Map<string, string>();
  const typoCues = new Set<string>();
  let longest = 1;
  // A word or phrase as the steps that read words compare it: folded, words joined by a space.
  const folded = (w: string | number) => words(String(w)).join(" ");
  for (const entry of entries) {
    // Not read through as phrases: "bank" stays a word of the question.
    if (entry.kind === "class") {
      for (const w of entry.words) {
        classWords.add(folded(w));
        if (entry.qualifiers) qualifierWords.add(folded(w));
      }
      continue;
    }
    // Read as words by the steps that use them, not as phrases.
    if (entry.kind === "counted") {
      countedKinds.push(new Set(entry.words.map(folded)));
      if (entry.organizations) for (const w of entry.words) organizationNouns.add(folded(w));
      continue;
    }
    // Read before anything else, word for word.
    if (entry.kind === "shorthand") {
      for (const w of entry.words) shorthand.set(folded(w), folded(entry.for));
      continue;
    }
    if (entry.kind === "except" || entry.kind === "retract") {
      const set = entry.kind === "except" ? exceptWords : retractWords;
      for (const w of entry.words) set.add(folded(w));
      continue;
    }
    const cues = entry.kind === "info" ? entry.asks : entry.words;
    const canonical =
      entry.kind === "concept" || entry.kind === "info"
        ? (entry.canonical ?? []).flatMap((c) => words(c))
        : [];
    for (const cue of cues) {
      const cueWords = words(String(cue));
      for (const stems of stemVariants(cueWords)) {
        if (stems.length === 0) continue;
        longest = Math.max(longest, stems.length);
        append(byFirstStem, stems[0] ?? "", { stems, words: cueWords, entry, canonical });
      }
      if (entry.kind === "outside" && cueWords.length === 1) outsideWords.add(cueWords[0] ?? "");
      if (entry.kind === "outside" && entry.people) for (const w of cueWords) outsidePeople.add(w);
      if (entry.kind === "outside" && entry.products) outsideProducts.add(cueWords.join(" "));
    }
    if (entry.kind === "info") {
      // As written, like the cues: "authorization" is not "author" (their stems are one).
      holds.set(entry.id, new Set(entry.holds.flatMap((h) => words(String(h)))));
      if (entry.answeredBy) answeredBy.set(entry.id, entry.answeredBy);
      if (entry.anyShownFact) heldByAnyShown.add(entry.id);
      if (entry.canonical) canonicalOf.set(entry.id, canonical);
      for (const cue of entry.asks) {
        const w = folded(cue);
        if (!w.includes(" ") && w.length >= TUNING.minTypoCueLength) typoCues.add(w);
      }
      if (entry.ranksOnly) ranksOnly.add(entry.id);
      if (entry.notAfter) notAfter.set(entry.id, new Set(entry.notAfter.map(folded)));
      if (entry.askedWith) askedWith.set(entry.id, new Set(entry.askedWith.map(folded)));
      for (const [first, last] of entry.asksAround ?? []) {
        const word = folded(first);
        const firstStems = new Set([stemIn(word, "en"), stemIn(word, "nl")]);
        around.push({ kind: entry.id, firstStems, last: folded(last) });
      }
    }
  }
  for (const list of byFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return {
    byFirstStem,
    holds,
    answeredBy,
    heldByAnyShown,
    ranksOnly,
    notAfter,
    askedWith,
    outsideWords,
    outsidePeople,
    outsideProducts,
    classWords,
    qualifierWords,
    countedKinds,
    organizationNouns,
    exceptWords,
    retractWords,
    around,
    canonicalOf,
    shorthand,
    typoCues,
    longest,
  };
}

interface PhraseMatch {
  readonly phrase: Phrase;
  /** Tokens it covers: its words and the adverbs typed inside it ("who actually broke"). */
  readonly span: number;
}

/**
 * The longest phrase starting at `i` within `free` tokens, the words stemmed either way. An
 * adverb may stand inside it ("who actually broke", "who even reported"): it is skipped.
 */
function phraseAt(
  texts: readonly string[],
  variants: readonly (readonly string[])[],
  i: number,
  free: (j: number) => boolean,
  index: LexiconIndex,
): PhraseMatch | undefined {
  let best: PhraseMatch | undefined;
  let bestRank = 0;
  for (const stems of variants) {
    for (const phrase of index.byFirstStem.get(stems[i] ?? "") ?? []) {
      const at = matchAt(texts, stems, i, phrase, free);
      if (!at) continue;
      const rank = phraseRank(texts, phrase, at);
      if (best && bestRank >= rank) continue;
      best = { phrase, span: (at[at.length - 1] ?? i) - i + 1 };
      bestRank = rank;
    }
  }
  return best;
}

/**
 * The longest phrase wins; at equal length, one typed as written beats one met by its stem
 * ("reporters" is a person asked for before it is "reporting"). A function of its own, not a
 * closure: indexing calls `phraseAt` for every word of a base.
 */
function phraseRank(texts: readonly string[], phrase: Phrase, at: readonly number[]): number {
  let asWritten = 1;
  for (let j = 0; j < phrase.words.length; j++) {
    if (!sameWord(texts[at[j] ?? -1] ?? "", phrase.words[j] ?? "")) asWritten = 0;
  }
  return 2 * phrase.stems.length + asWritten;
}

/** Positions of the phrase's words from `i`, or undefined when it is not there. */
function matchAt(
  texts: readonly string[],
  stems: readonly string[],
  i: number,
  phrase: Phrase,
  free: (j: number) => boolean,
): number[] | undefined {
  const at: number[] = [];
  let k = i;
  let inserted = 0;
  for (let j = 0; j < phrase.stems.length; j++) {
    while (
      j > 0 &&
      inserted < TUNING.maxInsertedAdverbs &&
      INSERTED_ADVERBS.has(texts[k] ?? "") &&
      stems[k] !== phrase.stems[j]
    ) {
      k++;
      inserted++;
    }
    const ok =
      k < stems.length &&
      free(k) &&
      stems[k] === phrase.stems[j] &&
      !(phrase.entry.kind === "concept" && isUnlike(phrase.entry.unlike, texts[k] ?? "")) &&
      (phrase.entry.kind !== "info" || sameWord(texts[k] ?? "", phrase.words[j] ?? ""));
    if (!ok) return undefined;
    at.push(k);
    k++;
  }
  return at;
}

/**
 * An information cue is matched as written, or with a plural s: its stem alone would take
 * "reported" for "reporters" and "the call" for "called".
 */
function sameWord(typed: string, cue: string): boolean {
  return typed === cue || typed === `${cue}s` || cue === `${typed}s`;
}

/** A word the concept lists as sharing its stem but not its meaning. */
function isUnlike(unlike: readonly (string | number)[] | undefined, typed: string): boolean {
  return unlike?.some((w) => words(String(w)).join(" ") === typed) === true;
}

/** Every token may be part of a phrase. */
const ANY_TOKEN = (): boolean => true;

/** The words stemmed in English and in Dutch: the language of a word is not known. */
function bothWays(list: readonly string[]): readonly (readonly string[])[] {
  return [list.map((w) => stemIn(w, "en")), list.map((w) => stemIn(w, "nl"))];
}

/**
 * Reads the question's tokens through the lexicon; tokens for which `keep` is true (names already
 * found) pass through untouched.
 */
export function readThroughLexicon(
  tokens: readonly Token[],
  index: LexiconIndex,
  keep: (i: number) => boolean,
): LexiconReading {
  if (index.byFirstStem.size === 0) {
    const positions = tokens.map((_, i) => i);
    return {
      tokens: [...tokens],
      positions,
      asks: NO_KINDS,
      cuesAt: new Map(),
      outside: [],
      phrases: 0,
    };
  }
  const texts = tokens.map((t) => t.text);
  const stems = bothWays(texts);
  const out: Token[] = [];
  const positions: number[] = [];
  const asks = new Set<InfoKind>();
  const cuesAt = new Map<InfoKind, number[]>();
  const outside: string[] = [];
  let phrases = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const match = keep(i) ? undefined : phraseAt(texts, stems, i, (j) => !keep(j), index);
    if (!match) {
      positions.push(out.length);
      out.push(token);
      continue;
    }
    const { phrase, span: n } = match;
    for (let j = 0; j < n; j++) positions.push(-1);
    const { entry } = phrase;
    if (entry.kind === "concept") {
      if (phrase.words.length >= 2) phrases++;
      if (entry.cues && askedOfSources(tokens, i) && afterWhoWord(tokens, i)) {
        asks.add(entry.cues);
        append(cuesAt, entry.cues, i);
        for (const w of index.canonicalOf.get(entry.cues) ?? []) {
          out.push({ text: w, raw: w, sentenceStart: false });
        }
      }
      for (const w of phrase.canonical) out.push({ text: w, raw: w, sentenceStart: false });
    } else if (entry.kind === "info") {
      if (askedOfSources(tokens, i)) {
        asks.add(entry.id);
        append(cuesAt, entry.id, i);
      }
      if (entry.keepWords) {
        for (let j = 0; j < n; j++) {
          positions[positions.length - n + j] = out.length;
          out.push(tokens[i + j] as Token);
        }
      }
      for (const w of phrase.canonical) out.push({ text: w, raw: w, sentenceStart: false });
    } else if (entry.kind === "outside") {
      outside.push(
        tokens
          .slice(i, i + n)
          .map((t) => t.raw)
          .join(" "),
      );
    }
    i += n - 1;
  }
  for (const [kind, at] of aroundCues(tokens, stems, index.around)) {
    asks.add(kind);
    append(cuesAt, kind, at);
  }
  return { tokens: out, positions, asks, cuesAt, outside, phrases };
}

/**
 * "My mom still uses Messenger for everything": a possessive shortly before the verb makes it the
 * asker's own life, as one right before a cue does.
 */
function ownLifeBefore(tokens: readonly Token[], i: number): boolean {
  return wordBefore(tokens, i, TUNING.knowingReach, POSSESSIVES) || afterKnowing(tokens, i);
}

/**
 * Where cues around the question's words stand ("use the chat access for"): the first word, then
 * the last within `TUNING.aroundReach` words of the same clause. At the first word's position.
 */
function aroundCues(
  tokens: readonly Token[],
  stems: readonly (readonly string[])[],
  cues: readonly AroundCue[],
): [InfoKind, number][] {
  const found: [InfoKind, number][] = [];
  for (const cue of cues) {
    for (let i = 0; i < tokens.length; i++) {
      if (!stems.some((s) => cue.firstStems.has(s[i] ?? "")) || ownLifeBefore(tokens, i)) continue;
      for (let j = i + 2; j <= i + 1 + TUNING.aroundReach && j < tokens.length; j++) {
        if (tokens[j]?.clauseStart) break;
        if (tokens[j]?.text === cue.last) {
          found.push([cue.kind, i]);
          break;
        }
      }
    }
  }
  return found;
}

/**
 * A concept that `cues` a kind asks it only shortly after a word asking which party (the person
 * question words less "any", which asks whether there is a person, not who).
 */
function afterWhoWord(tokens: readonly Token[], i: number): boolean {
  return wordBefore(tokens, i, TUNING.questionWordReach, PARTY_QUESTION_WORDS);
}

/** "My boss", "mijn geld": the asker's own life, not what they ask the sources. */
function askedOfSources(tokens: readonly Token[], i: number): boolean {
  return !POSSESSIVES.has(tokens[i - 1]?.text ?? "") && !afterKnowing(tokens, i);
}

/**
 * The canonical words of the concepts a fact's words use, to index beside them: a Dutch quote
 * that says "chatgesprekken" is then found by "messages" and so by "dms".
 */
export function canonicalWords(
  list: readonly string[],
  index: LexiconIndex,
  stems: readonly (readonly string[])[] = bothWays(list),
): string[] {
  if (index.byFirstStem.size === 0 || list.length === 0) return [];
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const match = phraseAt(list, stems, i, ANY_TOKEN, index);
    if (match?.phrase.entry.kind !== "concept") continue;
    out.push(...match.phrase.canonical);
    i += match.span - 1;
  }
  return out;
}

const KINDS = InfoKind.options;

/**
 * The kinds of information a fact gives, as a bit mask over `InfoKind.options`: by its words, or
 * by being about an organization of the role that answers the kind (`roles`, of its `about`).
 */
export function kindsHeld(
  factWords: readonly string[],
  roles: readonly (Role | undefined)[],
  index: LexiconIndex,
): number {
  let mask = factWords.some(isYear) ? DATED : 0;
  KINDS.forEach((kind, i) => {
    const role = index.answeredBy.get(kind);
    if ((role && roles.includes(role)) || holdsKind(kind, factWords, index)) mask |= 1 << i;
  });
  return mask;
}

/** A bit past the kinds' bits: the fact gives a year. */
const DATED = 1 << KINDS.length;

const isYear = (w: string) => /^(19|20)\d\d$/.test(w);

/**
 * Whether the facts of a mask answer the kind for the decision: a single year answers "how
 * long" too, beside another fact's ("launched in 2014", "shut down in 2015"), though alone it
 * says when, not how long (so it does not rank a fact as holding a duration).
 */
export function maskAnswers(mask: number, kind: InfoKind): boolean {
  return maskHas(mask, kind) || (kind === "duration" && (mask & DATED) !== 0);
}

/** The bit of a kind in a mask from `kindsHeld`. */
export function kindBit(kind: InfoKind): number {
  return 1 << KINDS.indexOf(kind);
}

/** Whether a mask from `kindsHeld` has the kind. */
export function maskHas(mask: number, kind: InfoKind): boolean {
  return (mask & (1 << KINDS.indexOf(kind))) !== 0;
}

/** Whether a fact's words give the kind of information asked ("2015" is a date, "fifty" a count). */
export function holdsKind(
  kind: InfoKind,
  factWords: readonly string[],
  index: LexiconIndex,
): boolean {
  const cues = index.holds.get(kind);
  let year: string | undefined;
  for (const w of factWords) {
    if (cues && [w, w.endsWith("s") ? w.slice(0, -1) : ""].some((x) => cues.has(x))) return true;
    // A year dates a thing, and two of them ("2014 ... 2015") say how long it lasted: one year
    // ("shut down in 2015") says when, not how long.
    if (isYear(w)) {
      if (kind === "date" || (kind === "duration" && year !== undefined && year !== w)) return true;
      year = w;
    }
    if (kind === "count" && /^\d+$/.test(w) && !/^(19|20)\d\d$/.test(w)) return true;
    if (kind === "amount" && /^\d/.test(w) && /[$€£]/.test(w)) return true;
  }
  return false;
}
