/**
 * Everything the engine derives from a knowledge base once (indexes, vocabulary, stems), cached
 * per base so each question costs only the matching.
 */
import type { Fact, KnowledgeBase, Organization } from "../knowledge/schema.js";
import { tokenize, words } from "./normalize.js";
import {
  buildOrganizationIndex,
  findOrganizations,
  type OrganizationIndex,
} from "./organizations.js";
import { stem } from "./stem.js";
import { isStopword } from "./stopwords.js";
import { buildTopicIndex, type TopicIndex } from "./topics.js";
import { type Vocabulary, vocabularySteps } from "./vocabulary.js";

export interface PreparedFact {
  readonly fact: Fact;
  readonly keywordStems: ReadonlySet<string>;
  /** Multi-word keywords as stem sequences ("read messages"), matched as phrases. */
  readonly keywordPhrases: ReadonlyArray<readonly string[]>;
  readonly summaryStems: ReadonlySet<string>;
  /** Quote, translation and speaker. */
  readonly textStems: ReadonlySet<string>;
  readonly topics: ReadonlySet<string>;
  /** Position of each organization in `about` (0 = most central). */
  readonly about: ReadonlyMap<string, number>;
  /** Organizations named as the speaker: for a response, whose response it is. */
  readonly speakers: ReadonlySet<string>;
  /** Every organization through which the fact reaches us: speakers, outlets, the publisher. */
  readonly reportedBy: ReadonlySet<string>;
}

export interface Prepared {
  readonly kb: KnowledgeBase;
  readonly vocabulary: Vocabulary;
  readonly organizations: OrganizationIndex;
  readonly topics: TopicIndex;
  readonly facts: readonly PreparedFact[];
  /** Inverse document frequency of each stem over the facts. */
  readonly idf: ReadonlyMap<string, number>;
  /**
   * The candidates for a question, so that ranking scores tens of facts, not the whole base:
   * facts by stem (keywords, summary, quote, translation, speaker), by organization (about,
   * speaker or outlet), by topic, and by keyword or summary word (for fuzzy matches).
   */
  readonly byStem: ReadonlyMap<string, readonly number[]>;
  readonly byOrganization: ReadonlyMap<string, readonly number[]>;
  readonly byTopic: ReadonlyMap<string, readonly number[]>;
  readonly byWord: ReadonlyMap<string, readonly number[]>;
  /** The distinct keyword and summary words by trigram, to find a typed word's near-misses. */
  readonly wordsByTrigram: ReadonlyMap<string, readonly string[]>;
  /** Organizations with a response of their own in the base. */
  readonly withOwnResponse: ReadonlySet<string>;
  /** Every name and alias, folded ("royal bank of canada"), for look-ups by name. */
  readonly names: readonly OrganizationName[];
  /** The same by first letter. */
  readonly namesByInitial: ReadonlyMap<string, readonly OrganizationName[]>;
}

export interface OrganizationName {
  readonly org: Organization;
  /** Position of the organization in the base. */
  readonly order: number;
  readonly folded: string;
  /** Without spaces: "royalbankofcanada". */
  readonly joined: string;
}

const cache = new WeakMap<KnowledgeBase, Prepared>();
/**
 * Rarity is log(1 + IDF_SCALE / facts using the stem): a fixed scale rather than the size of the
 * base, so facts about other stories, added by the thousand, do not reweigh this story's words.
 */
const IDF_SCALE = 100;
/** Facts prepared between two chances to yield to the event loop in `prepareAsync`. */
const CHUNK = 100;
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
  const steps = build(kb);
  let step = steps.next();
  let since = performance.now();
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
  const vocabulary = yield* vocabularySteps(kb);
  const organizations = buildOrganizationIndex(kb);
  const publishers = new Map(kb.sources.map((s) => [s.id, s.publisher ?? ""]));
  // Speakers and publishers repeat from fact to fact: look each name up once.
  const named = new Map<string, string[]>();
  const orgsNamed = (text: string) => {
    let ids = named.get(text);
    if (!ids) {
      ids = findOrganizations(tokenize(text), organizations, vocabulary).map((m) => m.id);
      named.set(text, ids);
    }
    return ids;
  };
  const facts: PreparedFact[] = [];
  for (const fact of kb.facts) {
    facts.push(
      prepareFact(
        fact,
        orgsNamed(fact.speaker),
        orgsNamed(publishers.get(fact.source) ?? ""),
        organizations,
      ),
    );
    if (facts.length % CHUNK === 0) yield;
  }
  const index = yield* buildIndexes(facts);
  const names = kb.organizations.flatMap((org, order) =>
    [org.name, ...org.aliases].map((name) => {
      const folded = words(name).join(" ");
      return { org, order, folded, joined: folded.replace(/ /g, "") };
    }),
  );
  const namesByInitial = new Map<string, OrganizationName[]>();
  for (const n of names) {
    const list = namesByInitial.get(n.joined[0] ?? "");
    if (list) list.push(n);
    else namesByInitial.set(n.joined[0] ?? "", [n]);
  }
  const prepared: Prepared = {
    kb,
    vocabulary,
    organizations,
    topics: buildTopicIndex(kb),
    facts,
    ...index,
    names,
    namesByInitial,
  };
  cache.set(kb, prepared);
  return prepared;
}

function stemsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) if (!isStopword(w)) out.add(stem(w));
  return out;
}

function prepareFact(
  fact: Fact,
  speakerMatches: readonly string[],
  publisherMatches: readonly string[],
  orgs: OrganizationIndex,
): PreparedFact {
  // Each phrase once: a keyword listed twice is not a better match.
  const phrases = new Map<string, string[]>();
  for (const k of fact.keywords) {
    const stems = words(k).map(stem);
    if (stems.length >= 2) phrases.set(stems.join(" "), stems);
  }
  const keywordPhrases = [...phrases.values()];
  const notOutlets = speakerMatches.filter((id) => orgs.byId.get(id)?.role !== "news-outlet");
  return {
    fact,
    keywordStems: stemsOf(fact.keywords.join(" \n ")),
    keywordPhrases,
    summaryStems: stemsOf(fact.summary),
    textStems: stemsOf(`${fact.quote} \n ${fact.translation ?? ""} \n ${fact.speaker}`),
    topics: new Set(fact.topics),
    about: new Map(fact.about.map((id, i) => [id, i])),
    speakers: new Set(notOutlets.length > 0 ? notOutlets : speakerMatches),
    reportedBy: new Set([...speakerMatches, ...publisherMatches]),
  };
}

type Indexes = Pick<
  Prepared,
  "idf" | "byStem" | "byOrganization" | "byTopic" | "byWord" | "wordsByTrigram" | "withOwnResponse"
>;

/** The word's three-letter pieces, with its edges marked ("^re", "rea", …, "de$"). */
export function trigrams(word: string): Set<string> {
  const marked = `^${word}$`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= marked.length; i++) out.add(marked.slice(i, i + 3));
  return out;
}

function* buildIndexes(facts: readonly PreparedFact[]): Generator<void, Indexes, void> {
  const byStem = new Map<string, number[]>();
  const byOrganization = new Map<string, number[]>();
  const byTopic = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const withOwnResponse = new Set<string>();
  const add = <T>(map: Map<string, T[]>, key: string, i: T) => {
    const list = map.get(key);
    // Facts are visited in order: a list ends with i when this fact already added the key.
    if (!list) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  for (const [i, pf] of facts.entries()) {
    for (const s of pf.keywordStems) add(byStem, s, i);
    for (const s of pf.summaryStems) add(byStem, s, i);
    for (const s of pf.textStems) add(byStem, s, i);
    for (const id of pf.about.keys()) add(byOrganization, id, i);
    for (const id of pf.reportedBy) add(byOrganization, id, i);
    for (const t of pf.topics) add(byTopic, t, i);
    for (const w of words(`${pf.fact.keywords.join(" ")} ${pf.fact.summary}`)) add(byWord, w, i);
    if (pf.fact.kind === "response") for (const id of pf.speakers) withOwnResponse.add(id);
    if (i % CHUNK === CHUNK - 1) yield;
  }
  const idf = new Map<string, number>();
  for (const [s, list] of byStem) idf.set(s, Math.log(1 + IDF_SCALE / list.length));
  yield;
  const wordsByTrigram = new Map<string, string[]>();
  for (const w of byWord.keys()) for (const t of trigrams(w)) add(wordsByTrigram, t, w);
  return { idf, byStem, byOrganization, byTopic, byWord, wordsByTrigram, withOwnResponse };
}
