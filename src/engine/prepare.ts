/**
 * Everything the engine derives from a knowledge base once (indexes, vocabulary, stems), cached
 * per base so each question costs only the matching.
 */
import Fuse from "fuse.js";
import type { Fact, KnowledgeBase } from "../knowledge/schema.js";
import { fold, tokenize, words } from "./normalize.js";
import {
  buildOrganizationIndex,
  findOrganizations,
  type OrganizationIndex,
} from "./organizations.js";
import { stem } from "./stem.js";
import { isStopword } from "./stopwords.js";
import { buildTopicIndex, type TopicIndex } from "./topics.js";
import { buildVocabulary, type Vocabulary } from "./vocabulary.js";

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

/** The text fuse.js indexes for a fact, folded like questions are. */
export interface FuseDoc {
  readonly index: number;
  readonly keywords: string;
  readonly summary: string;
  readonly quote: string;
  readonly translation: string;
}

export interface Prepared {
  readonly kb: KnowledgeBase;
  readonly vocabulary: Vocabulary;
  readonly organizations: OrganizationIndex;
  readonly topics: TopicIndex;
  readonly facts: readonly PreparedFact[];
  /** Inverse document frequency of each stem over the facts. */
  readonly idf: ReadonlyMap<string, number>;
  readonly fuse: Fuse<FuseDoc>;
}

const cache = new WeakMap<KnowledgeBase, Prepared>();

export function prepare(kb: KnowledgeBase): Prepared {
  const cached = cache.get(kb);
  if (cached) return cached;
  const vocabulary = buildVocabulary(kb);
  const organizations = buildOrganizationIndex(kb);
  const publishers = new Map(kb.sources.map((s) => [s.id, s.publisher ?? ""]));
  const facts = kb.facts.map((fact) =>
    prepareFact(fact, publishers.get(fact.source) ?? "", organizations, vocabulary),
  );
  const prepared: Prepared = {
    kb,
    vocabulary,
    organizations,
    topics: buildTopicIndex(kb),
    facts,
    idf: inverseDocumentFrequency(facts),
    fuse: buildFuse(kb.facts),
  };
  cache.set(kb, prepared);
  return prepared;
}

const stemsOf = (text: string) =>
  new Set(
    words(text)
      .filter((w) => !isStopword(w))
      .map(stem),
  );

function prepareFact(
  fact: Fact,
  publisher: string,
  orgs: OrganizationIndex,
  vocab: Vocabulary,
): PreparedFact {
  const keywordPhrases = fact.keywords
    .map((k) => words(k).map(stem))
    .filter((stems) => stems.length >= 2);
  const speakerMatches = findOrganizations(tokenize(fact.speaker), orgs, vocab).map((m) => m.id);
  const publisherMatches = findOrganizations(tokenize(publisher), orgs, vocab).map((m) => m.id);
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

function inverseDocumentFrequency(facts: readonly PreparedFact[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const f of facts) {
    for (const s of new Set([...f.keywordStems, ...f.summaryStems, ...f.textStems])) {
      df.set(s, (df.get(s) ?? 0) + 1);
    }
  }
  const n = facts.length;
  return new Map([...df].map(([s, d]) => [s, Math.log(1 + n / d)]));
}

function buildFuse(facts: readonly Fact[]): Fuse<FuseDoc> {
  const docs = facts.map((f, index) => ({
    index,
    keywords: fold(f.keywords.join(" ; ")),
    summary: fold(f.summary),
    quote: fold(f.quote),
    translation: fold(f.translation ?? ""),
  }));
  return new Fuse(docs, {
    keys: [
      { name: "keywords", weight: 3 },
      { name: "summary", weight: 2 },
    ],
    useTokenSearch: true,
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.3,
  });
}
