/**
 * Everything the engine derives from a knowledge base once (indexes, vocabulary, stems), cached
 * per base so each question costs only the matching.
 */

import {
  type Fact,
  InfoKind,
  type KnowledgeBase,
  type Organization,
  type Role,
} from "../knowledge/schema.js";
import { type LetterCounts, letterCounts, letterMask } from "./fuzzy.js";
import {
  buildLexicon,
  canonicalWords,
  holdsKind,
  kindsHeld,
  type LexiconIndex,
} from "./lexicon.js";
import { addOnce, append } from "./multimap.js";
import { tokenize, words, wordsOfParts } from "./normalize.js";
import {
  findOrganizations,
  type OrganizationIndex,
  organizationIndexSteps,
} from "./organizations.js";
import { type StemLanguage, stemIn, stemVariants } from "./stem.js";
import { isStopword } from "./stopwords.js";
import { buildTopicIndex, type TopicIndex } from "./topics.js";
import { finishVocabulary, type Vocabulary, WordCounter } from "./vocabulary.js";

export interface PreparedFact {
  readonly fact: Fact;
  /** Multi-word keywords as stem sequences ("read messages"), matched as phrases. */
  readonly keywordPhrases: ReadonlyArray<readonly string[]>;
  /**
   * Organizations named as the speaker: for a response, whose response it is. Shared between the
   * facts of one speaker, like `reportedBy`: per-fact collections cost most of a large base's
   * memory, so a fact keeps only what is its own.
   */
  readonly speakers: readonly string[];
  /** Every organization through which the fact reaches us: speakers, outlets, the publisher. */
  readonly reportedBy: readonly string[];
  /** The kinds of information its quote gives (an amount, a date…), as a mask: see lexicon.ts. */
  readonly holds: number;
}

export interface Prepared {
  readonly kb: KnowledgeBase;
  readonly vocabulary: Vocabulary;
  readonly organizations: OrganizationIndex;
  readonly topics: TopicIndex;
  readonly lexicon: LexiconIndex;
  readonly facts: readonly PreparedFact[];
  /** Inverse document frequency of each stem over the facts. */
  readonly idf: ReadonlyMap<string, number>;
  /**
   * The candidates for a question, so that ranking scores tens of facts, not the whole base:
   * facts by stem (keywords, summary, quote, translation, speaker), by organization (about,
   * speaker or outlet), by topic, and by keyword or summary word (for fuzzy matches). Lists are
   * in fact order. A stem's list holds postings (`posting`): the fact and the best field the
   * stem is in, which is all ranking needs to know of a fact's words.
   */
  readonly byStem: ReadonlyMap<string, Postings>;
  readonly byOrganization: ReadonlyMap<string, Postings>;
  readonly byTopic: ReadonlyMap<string, Postings>;
  readonly byWord: ReadonlyMap<string, Postings>;
  /** The distinct keyword and summary words by trigram, to find a typed word's near-misses. */
  readonly wordsByTrigram: ReadonlyMap<string, readonly string[]>;
  /** Organizations with a response of their own in the base. */
  readonly withOwnResponse: ReadonlySet<string>;
  /** Every name and alias, folded ("royal bank of canada"), for look-ups by name. */
  readonly names: readonly OrganizationName[];
  /** The same by first letter. */
  readonly namesByInitial: ReadonlyMap<string, NamesOfInitial>;
}

/**
 * Names of one first letter, in the base's order, with the length and letters of each `joined`
 * in typed arrays beside them: the "did you mean" search reads every name of a letter for every
 * unknown word, and rules most out from these two numbers without touching the name itself.
 */
export interface NamesOfInitial {
  readonly names: readonly OrganizationName[];
  readonly lengths: Int32Array;
  readonly masks: Int32Array;
}

/**
 * A list of fact indexes (or postings), in fact order. Typed arrays, not arrays: their numbers
 * live outside the garbage-collected heap, which a collection would otherwise walk number by
 * number (4 million of them at 100,000 facts), and take half the memory. Never written after
 * indexing.
 */
export type Postings = Int32Array;

/** A list as postings, the numbers copied. */
const postings = (list: readonly number[]): Postings => Int32Array.from(list);

export interface OrganizationName {
  readonly org: Organization;
  /** Position of the organization in the base. */
  readonly order: number;
  readonly folded: string;
  /** Without spaces: "royalbankofcanada". */
  readonly joined: string;
  /** Of `joined`, to rule out names far from a typed word cheaply. */
  readonly letters: LetterCounts;
  /** The letters `joined` holds, a cheaper test to run first (fuzzy.ts). */
  readonly mask: number;
  /** The first letter of each word ("rboc"), to rule out names for a half-typed one. */
  readonly initials: string;
}

const cache = new WeakMap<KnowledgeBase, Prepared>();
/**
 * Rarity is log(1 + IDF_SCALE / facts using the stem): a fixed scale rather than the size of the
 * base, so facts about other stories, added by the thousand, do not reweigh this story's words.
 */
const IDF_SCALE = 100;
/** Facts prepared between two chances to yield to the event loop in `prepareAsync`. */
const CHUNK = 10;
/** The same for the heaviest step, the facts' text. */
const FEW = 8;
/** The same for the lighter steps: words, stems, names, facts wrapped. */
const STEP = 100;
/** `prepareAsync` gives the event loop a turn once it has worked this long. */
const SLICE_MS = 8;

/** The engine's indexes for a base, built once and cached. */
export function prepare(kb: KnowledgeBase): Prepared {
  const cached = cache.get(kb);
  if (cached) return cached;
  const steps = build(kb);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * The same, built a chunk at a time with a turn of the event loop between chunks, so a bot
 * reloading a large base keeps answering from the old one meanwhile.
 */
export async function prepareAsync(kb: KnowledgeBase): Promise<Prepared> {
  const cached = cache.get(kb);
  if (cached) return cached;
  // The first step is timed too (it builds the lexicon's index, and the first facts' postings).
  let since = performance.now();
  const steps = build(kb);
  let step = steps.next();
  while (!step.done) {
    if (performance.now() - since > SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    }
    step = steps.next();
  }
  return step.value;
}

function* build(kb: KnowledgeBase): Generator<void, Prepared, void> {
  const lexicon = buildLexicon(kb.lexicon);
  const roleOf = new Map(kb.organizations.map((o) => [o.id, o.role]));
  const text = yield* textIndexes(kb, lexicon, (id) => roleOf.get(id));
  const vocabulary = yield* finishVocabulary(text.counter, kb);
  const organizations = yield* organizationIndexSteps(kb);
  const named = yield* organizationIndexes(kb, organizations, vocabulary);
  const idf = new Map<string, number>();
  for (const [s, list] of text.byStem) {
    idf.set(s, Math.log(1 + IDF_SCALE / list.length));
    if (idf.size % STEP === 0) yield;
  }
  const wordsByTrigram = new Map<string, string[]>();
  let n = 0;
  for (const w of text.byWord.keys()) {
    for (const t of trigrams(w)) addOnce(wordsByTrigram, t, w);
    if (++n % STEP === 0) yield;
  }
  const names: OrganizationName[] = [];
  for (const [order, org] of kb.organizations.entries()) {
    names.push(...namesOf(org, order));
    if (order % STEP === STEP - 1) yield;
  }
  const facts: PreparedFact[] = [];
  for (const [i, fact] of kb.facts.entries()) {
    const keywordPhrases = text.phrases[i] ?? NONE;
    const speakers = named.speakers[i] ?? NONE;
    const reportedBy = named.reportedBy[i] ?? NONE;
    facts.push({ fact, keywordPhrases, speakers, reportedBy, holds: text.holds[i] ?? 0 });
    if (i % STEP === STEP - 1) yield;
  }
  const prepared: Prepared = {
    kb,
    vocabulary,
    organizations,
    topics: buildTopicIndex(kb),
    lexicon,
    facts,
    idf,
    byStem: text.byStem,
    byWord: text.byWord,
    wordsByTrigram,
    byOrganization: named.byOrganization,
    byTopic: named.byTopic,
    withOwnResponse: named.withOwnResponse,
    names,
    namesByInitial: namesOfInitials(names),
  };
  cache.set(kb, prepared);
  return prepared;
}

/** Shared by every fact that has no such entries. */
const NONE: readonly never[] = Object.freeze([]);

/** Field codes in a stem posting, equal to the field's weight in ranking. */
export const FIELD = { keywords: 3, summary: 2, text: 1 } as const;

/** A stem posting: the fact's index and the best field the stem is in, in one small integer. */
export function posting(factIndex: number, field: number): number {
  return factIndex * 4 + field;
}
export const postingFact = (value: number): number => value >> 2;
export const postingField = (value: number): number => value & 3;

/** The best field of the fact that holds the stem (a FIELD code), or 0: a binary search. */
export function stemField(p: Prepared, stemmed: string, factIndex: number): number {
  const list = p.byStem.get(stemmed);
  if (!list) return 0;
  let lo = 0;
  let hi = list.length;
  const key = factIndex * 4;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? 0) < key) lo = mid + 1;
    else hi = mid;
  }
  const found = list[lo];
  return found !== undefined && postingFact(found) === factIndex ? postingField(found) : 0;
}

/**
 * One pass over the facts' text, each field tokenized once: stem postings, word postings, keyword
 * phrases and the vocabulary's counts. Nothing per fact is kept but its phrases, if any.
 */
function* textIndexes(
  kb: KnowledgeBase,
  lexicon: LexiconIndex,
  roleOf: (id: string) => Role | undefined,
) {
  const phrases: (readonly (readonly string[])[] | undefined)[] = [];
  const holds: number[] = [];
  // A base repeats its words many times: each distinct word is looked at once (a stop word or
  // not, its stems) and keeps its counts and lists with it, so that a word met again costs one
  // look-up, not one per index it goes into.
  const word = wordMemo(lexicon);
  // A list none of whose words can start a phrase of the lexicon has none of its concepts; the
  // phrases are found by the stems already known (each word is stemmed once per base).
  const concepts = (list: readonly KnownWord[]): readonly KnownWord[] => {
    if (!list.some((k) => k.startsPhrase)) return NONE;
    const texts = list.map((k) => k.word);
    const stems = [list.map((k) => k.en), list.map((k) => k.nl)];
    return canonicalWords(texts, lexicon, stems).map(word.of);
  };
  // Each stem's postings, in the order stems are first posted (as a map of lists would be).
  const stems = new Map<string, StemSlot>();
  const slotOf = (s: string): StemSlot => {
    let slot = stems.get(s);
    if (slot === undefined) {
      slot = { latest: -1, list: [] };
      stems.set(s, slot);
    }
    return slot;
  };
  // A stem is posted once per fact, in the first (best) field it is found in.
  const post = (slot: StemSlot, field: number, i: number) => {
    if (slot.latest === i) return;
    slot.latest = i;
    slot.list.push(posting(i, field));
  };
  // Text in a known language is stemmed in it; keywords mix English and Dutch: both ways.
  const mark = (list: readonly KnownWord[], field: number, i: number, lang: Lang) => {
    for (const known of list) {
      if (known.stop) continue;
      if (lang !== "nl") {
        known.enSlot ??= slotOf(known.en);
        post(known.enSlot, field, i);
      }
      if (lang === "nl" || (lang === "both" && known.nl !== known.en)) {
        known.nlSlot ??= slotOf(known.nl);
        post(known.nlSlot, field, i);
      }
    }
  };
  // The vocabulary's counts: each distinct word of a fact once, in the order first counted.
  const counted: KnownWord[] = [];
  let call = 0;
  const count = (lists: readonly (readonly KnownWord[])[]) => {
    call++;
    for (const list of lists) {
      for (const known of list) {
        if (known.countedBy === call || known.stop) continue;
        known.countedBy = call;
        if (known.count++ === 0) counted.push(known);
      }
    }
  };
  // Facts by keyword or summary word, in the order words are first added.
  const listed: KnownWord[] = [];
  const list = (known: KnownWord, i: number) => {
    if (known.facts === undefined) {
      known.facts = [i];
      listed.push(known);
    } else if (known.facts[known.facts.length - 1] !== i) known.facts.push(i);
  };
  // Each token is looked up once: a base repeats its words, and a look-up hashes the token.
  const known = (list: readonly string[]) => list.map(word.of);
  for (const [i, fact] of kb.facts.entries()) {
    const keywords = known(wordsOfParts(fact.keywords));
    const summary = known(words(fact.summary));
    const summaryNl = fact.summaryNl ? known(words(fact.summaryNl)) : NONE;
    const quote = known(words(fact.quote));
    const english = known(wordsOfParts([fact.translation ?? "", fact.speaker]));
    const text = [...quote, ...english];
    count([summary, summaryNl, text, keywords]);
    // A stem counts in its best field: keywords, then summaries, then quote and speaker.
    mark(keywords, FIELD.keywords, i, "both");
    mark(summary, FIELD.summary, i, "en");
    mark(summaryNl, FIELD.summary, i, "nl");
    mark(quote, FIELD.text, i, fact.language);
    mark(english, FIELD.text, i, "en");
    // The same concepts in other words ("chatgesprekken" is "messages"), in the field they are in.
    mark(concepts(keywords), FIELD.keywords, i, "en");
    mark(concepts([...summary, ...summaryNl]), FIELD.summary, i, "en");
    mark(concepts(text), FIELD.text, i, "en");
    for (const k of keywords) list(k, i);
    for (const k of summary) list(k, i);
    phrases.push(keywordPhrases(fact));
    // Only the words that give some kind count: the same mask, from fewer words.
    const giving = text.filter((k) => k.givesKind).map((k) => k.word);
    holds.push(kindsHeld(giving, fact.about.map(roleOf), lexicon));
    // Every few facts: a fact takes up to a millisecond here on a busy machine.
    if (i % FEW === FEW - 1) yield;
  }
  const byStem = new Map<string, Postings>();
  for (const [s, slot] of stems) {
    byStem.set(s, postings(slot.list));
    if (byStem.size % STEP === 0) yield;
  }
  const byWord = new Map<string, Postings>();
  for (const known of listed) {
    byWord.set(known.word, postings(known.facts ?? []));
    known.facts = undefined;
    if (byWord.size % STEP === 0) yield;
  }
  const counter = new WordCounter(word.isStop, new Map(counted.map((k) => [k.word, k.count])));
  return { byStem, byWord, phrases, holds, counter };
}

/** The language a field is stemmed in; keywords are stemmed both ways. */
type Lang = StemLanguage | "both";

/** A distinct word of the base while indexing: what is known of it, and its counts and lists. */
interface KnownWord {
  readonly word: string;
  readonly stop: boolean;
  /** `stemIn(word, "en")` and `stemIn(word, "nl")`, and their postings once posted. */
  readonly en: string;
  readonly nl: string;
  enSlot?: StemSlot;
  nlSlot?: StemSlot;
  /** Whether a phrase of the lexicon may start with it (by either stem). */
  readonly startsPhrase: boolean;
  /** Whether it alone gives some kind of information (`holdsKind`). */
  readonly givesKind: boolean;
  /** Facts counted in (the vocabulary's count), and the last count that counted it. */
  count: number;
  countedBy: number;
  /** Facts with it as a keyword or summary word. */
  facts?: number[];
}

/** A stem's postings, and the last fact posted (a stem is posted once per fact). */
interface StemSlot {
  latest: number;
  readonly list: number[];
}

const KINDS = InfoKind.options;

/** What indexing needs of a word, worked out once per distinct word of the base. */
function wordMemo(lexicon: LexiconIndex) {
  const seen = new Map<string, KnownWord>();
  const of = (w: string): KnownWord => {
    let known = seen.get(w);
    if (known === undefined) {
      const en = stemIn(w, "en");
      const nl = stemIn(w, "nl");
      known = {
        word: w,
        stop: isStopword(w),
        en,
        nl,
        count: 0,
        countedBy: 0,
        startsPhrase: lexicon.byFirstStem.has(en) || lexicon.byFirstStem.has(nl),
        givesKind: KINDS.some((kind) => holdsKind(kind, [w], lexicon)),
      };
      seen.set(w, known);
    }
    return known;
  };
  return {
    of,
    isStop: (w: string) => of(w).stop,
  };
}

/** Each phrase once: a keyword listed twice is not a better match. */
function keywordPhrases(fact: Fact): readonly (readonly string[])[] | undefined {
  let phrases: Map<string, string[]> | undefined;
  for (const k of fact.keywords) {
    const kw = words(k);
    if (kw.length < 2) continue;
    phrases ??= new Map();
    for (const stems of stemVariants(kw)) phrases.set(stems.join(" "), [...stems]);
  }
  return phrases && [...phrases.values()];
}

/**
 * Facts by organization (about, speaker or outlet) and by topic, and each fact's speakers and
 * reporters. Speakers and publishers repeat from fact to fact: each is looked up once, and its
 * facts share the one array.
 */
function* organizationIndexes(kb: KnowledgeBase, orgs: OrganizationIndex, vocabulary: Vocabulary) {
  const byOrganization = new Map<string, number[]>();
  const byTopic = new Map<string, number[]>();
  const withOwnResponse = new Set<string>();
  const speakers: (readonly string[])[] = [];
  const reportedBy: (readonly string[])[] = [];
  const publishers = new Map(kb.sources.map((s) => [s.id, s.publisher ?? ""]));
  const lookUp = memo((text: string) =>
    findOrganizations(tokenize(text), orgs, vocabulary).map((m) => m.id),
  );
  const speakerIds = memo((speaker: string) => {
    const matches = lookUp(speaker);
    const notOutlets = matches.filter((id) => orgs.byId.get(id)?.role !== "news-outlet");
    return shared(notOutlets.length > 0 ? notOutlets : matches);
  });
  const reporters = memo((key: string) => {
    const [speaker = "", publisher = ""] = key.split("\u0000");
    return shared([...new Set([...lookUp(speaker), ...lookUp(publisher)])]);
  });
  for (const [i, fact] of kb.facts.entries()) {
    const own = speakerIds(fact.speaker);
    const via = reporters(`${fact.speaker}\u0000${publishers.get(fact.source) ?? ""}`);
    speakers.push(own);
    reportedBy.push(via);
    for (const id of fact.about) addOnce(byOrganization, id, i);
    for (const id of via) addOnce(byOrganization, id, i);
    for (const t of fact.topics) addOnce(byTopic, t, i);
    if (fact.kind === "response") for (const id of own) withOwnResponse.add(id);
    if (i % CHUNK === CHUNK - 1) yield;
  }
  return {
    byOrganization: postingsOf(byOrganization),
    byTopic: postingsOf(byTopic),
    withOwnResponse,
    speakers,
    reportedBy,
  };
}

/** The organization's name and aliases, folded, for look-ups by name. */
function namesOf(org: Organization, order: number): OrganizationName[] {
  return [org.name, ...org.aliases].map((name) => {
    const nameWords = words(name);
    const folded = nameWords.join(" ");
    const joined = nameWords.join("");
    const initials = nameWords.map((w) => w[0] ?? "").join("");
    return {
      org,
      order,
      folded,
      joined,
      letters: letterCounts(joined),
      mask: letterMask(joined),
      initials,
    };
  });
}

function postingsOf(map: ReadonlyMap<string, readonly number[]>): Map<string, Postings> {
  return new Map([...map].map(([key, list]) => [key, postings(list)]));
}

function memo<T>(f: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) {
      value = f(key);
      seen.set(key, value);
    }
    return value;
  };
}

const shared = (ids: readonly string[]): readonly string[] => (ids.length > 0 ? ids : NONE);

function namesOfInitials(names: readonly OrganizationName[]): Map<string, NamesOfInitial> {
  const byInitial = new Map<string, OrganizationName[]>();
  for (const name of names) append(byInitial, name.joined[0] ?? "", name);
  return new Map(
    [...byInitial].map(([initial, list]) => [
      initial,
      {
        names: list,
        lengths: Int32Array.from(list, (n) => n.joined.length),
        masks: Int32Array.from(list, (n) => n.mask),
      },
    ]),
  );
}

/** The word's three-letter pieces, with its edges marked ("^re", "rea", …, "de$"). */
export function trigrams(word: string): Set<string> {
  const marked = `^${word}$`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= marked.length; i++) out.add(marked.slice(i, i + 3));
  return out;
}
