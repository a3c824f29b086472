/**
 * A checked base handed from the worker that checked it (check-off-thread.ts) to the thread that
 * answers questions, so that thread never parses the YAML again: the worker writes the base's
 * values as JSON text in chunks of items, encoded as UTF-8 bytes in one buffer that is transferred
 * (moved, not copied, so receiving it costs nothing), and this thread parses the chunks one at a
 * time, pacing between them. JSON.parse is several times faster than the YAML parse and
 * validation it replaces, and its strings are its own: a string taken from the YAML parse is a
 * slice of the whole file's text and keeps all of it alive.
 *
 * One buffer, not one per chunk: each buffer that arrives adds to the receiving heap's external
 * memory, and once that has started a collection, V8 advances its marking on the spot, up to 10 ms
 * for every buffer. A 100,000-fact base was 1,100 buffers: receiving them ran the marking of the
 * whole heap before the message handler (probe: 100-170 ms turns right before the take-over).
 */
import { deepFreeze } from "./freeze.js";
import { type Pace, pacer } from "./pacer.js";
import type {
  ExampleQuestion,
  Fact,
  KnowledgeBase,
  LexiconEntry,
  Organization,
  Source,
  Topic,
} from "./schema.js";

/**
 * The base's values, each list as chunks of JSON text (UTF-8) in `bytes`: `chunks[list]` holds
 * each chunk's end offset, its start being the previous one's end (`texts` as [source id, text]
 * pairs). The lists follow one another in `bytes` in the order of `LISTS`.
 */
export interface HandedBase {
  readonly bytes: Uint8Array;
  readonly chunks: { readonly [K in keyof BaseValues]: readonly number[] };
}

/** Items a chunk holds: 100 generated facts are about 60 KB of JSON, parsed in a millisecond or two. */
export const ITEMS_PER_CHUNK = 100;
/** Articles a chunk holds: an article may be megabytes. */
const TEXTS_PER_CHUNK = 4;

/** What is handed over: the base without its folder, which the receiver knows. */
export type BaseValues = Omit<KnowledgeBase, "dir">;

/** The lists, in the order they are written and read. */
const LISTS = [
  "sources",
  "organizations",
  "topics",
  "lexicon",
  "questions",
  "texts",
  "facts",
] as const satisfies readonly (keyof BaseValues)[];

/** In the worker: the values as chunks (pass `transferList(handed)` to postMessage). */
export function handOver(base: BaseValues): HandedBase {
  const texts = {
    sources: chunkTexts(base.sources),
    organizations: chunkTexts(base.organizations),
    topics: chunkTexts(base.topics),
    lexicon: chunkTexts(base.lexicon),
    questions: chunkTexts(base.questions),
    texts: chunkTexts([...base.texts], TEXTS_PER_CHUNK),
    facts: chunkTexts(base.facts),
  };
  let total = 0;
  for (const list of LISTS) for (const text of texts[list]) total += Buffer.byteLength(text);
  const bytes = new Uint8Array(total);
  const encoder = new TextEncoder();
  let at = 0;
  const ends = (list: readonly string[]): number[] =>
    list.map((text) => {
      at += encoder.encodeInto(text, bytes.subarray(at)).written;
      return at;
    });
  const chunks = {
    sources: ends(texts.sources),
    organizations: ends(texts.organizations),
    topics: ends(texts.topics),
    lexicon: ends(texts.lexicon),
    questions: ends(texts.questions),
    texts: ends(texts.texts),
    facts: ends(texts.facts),
  };
  // A backstop: Buffer.byteLength and the encoder count the same UTF-8.
  if (at !== total) throw new Error(`handing the base over: ${at} bytes written of ${total}`);
  return { bytes, chunks };
}

/** The buffer to move with the message rather than copy. */
export function transferList(handed: HandedBase): ArrayBuffer[] {
  return [handed.bytes.buffer as ArrayBuffer];
}

/** Chunks of facts handed over. */
export function factChunks(handed: HandedBase): number {
  return handed.chunks.facts.length;
}

/** On the answering thread: the knowledge base, built a chunk at a time and frozen. */
export async function takeOver(
  dir: string,
  handed: HandedBase,
  pace: Pace = pacer(),
): Promise<KnowledgeBase> {
  const decoder = new TextDecoder();
  const share = sharer();
  const { bytes } = handed;
  let start = 0;
  const read = async <T>(ends: readonly number[], freezeEach: boolean): Promise<T[]> => {
    const out: T[] = [];
    for (const end of ends) {
      const items = JSON.parse(decoder.decode(bytes.subarray(start, end))) as T[];
      start = end;
      for (const item of items) out.push(freezeEach ? deepFreeze(share(item) as T) : item);
      const turn = pace();
      if (turn) await turn;
    }
    return out;
  };
  // In the order of LISTS, as they were written.
  const { chunks } = handed;
  const sources = await read<Source>(chunks.sources, true);
  const organizations = await read<Organization>(chunks.organizations, true);
  const topics = await read<Topic>(chunks.topics, true);
  const lexicon = await read<LexiconEntry>(chunks.lexicon, true);
  const questions = await read<ExampleQuestion>(chunks.questions, true);
  const texts = new Map(await read<[string, string]>(chunks.texts, false));
  const facts = Object.freeze(await read<Fact>(chunks.facts, true));
  const kb: KnowledgeBase = {
    dir,
    sources,
    texts,
    organizations,
    topics,
    facts,
    lexicon,
    questions,
  };
  return deepFreeze(kb);
}

function chunkTexts(items: readonly unknown[], per = ITEMS_PER_CHUNK): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i += per) out.push(JSON.stringify(items.slice(i, i + per)));
  return out;
}

/** Longest string shared between items: names, ids, keywords; not quotes or summaries. */
const SHARED_MAX = 80;

/**
 * Items repeat their short strings (ids, speakers, keywords) and lists of them: one copy of
 * each, so a large base is fewer objects for the collector to walk.
 */
function sharer(): (value: unknown) => unknown {
  const strings = new Map<string, string>();
  const lists = new Map<string, readonly string[]>();
  const share = (value: unknown): unknown => {
    if (typeof value === "string") {
      if (value.length > SHARED_MAX) return value;
      const seen = strings.get(value);
      if (seen !== undefined) return seen;
      strings.set(value, value);
      return value;
    }
    if (Array.isArray(value)) {
      const items = value.map(share);
      if (!items.every((v) => typeof v === "string")) return items;
      const key = items.join("\u0000");
      const seen = lists.get(key);
      if (seen !== undefined) return seen;
      const list = Object.freeze(items as string[]);
      lists.set(key, list);
      return list;
    }
    if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      for (const k of Object.keys(record)) record[k] = share(record[k]);
    }
    return value;
  };
  return share;
}
