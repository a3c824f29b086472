/**
 * A checked base handed from the worker that checked it (check-off-thread.ts) to the thread that
 * answers questions, so that thread never parses the YAML again: the worker writes the base's
 * values as JSON text in chunks of items, encoded as UTF-8 bytes whose buffers are transferred
 * (moved, not copied, so receiving them costs nothing), and this thread parses the chunks one at
 * a time, pacing between them. JSON.parse is several times faster than the YAML parse and
 * validation it replaces, and its strings are its own: a string taken from the YAML parse is a
 * slice of the whole file's text and keeps all of it alive.
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

/** The base's values, each list as chunks of JSON text (UTF-8); `texts` as [source id, text] pairs. */
export type HandedBase = { readonly [K in keyof BaseValues]: readonly Uint8Array[] };

/** Items a chunk holds: 100 generated facts are about 60 KB of JSON, parsed in a millisecond or two. */
export const ITEMS_PER_CHUNK = 100;
/** Articles a chunk holds: an article may be megabytes. */
const TEXTS_PER_CHUNK = 4;

/** What is handed over: the base without its folder, which the receiver knows. */
export type BaseValues = Omit<KnowledgeBase, "dir">;

/** In the worker: the values as chunks (pass `transferList(handed)` to postMessage). */
export function handOver(base: BaseValues): HandedBase {
  return {
    sources: chunks(base.sources),
    organizations: chunks(base.organizations),
    topics: chunks(base.topics),
    lexicon: chunks(base.lexicon),
    questions: chunks(base.questions),
    texts: chunks([...base.texts], TEXTS_PER_CHUNK),
    facts: chunks(base.facts),
  };
}

/** The buffers to move with the message rather than copy. */
export function transferList(handed: HandedBase): ArrayBuffer[] {
  return Object.values(handed).flatMap((list: readonly Uint8Array[]) =>
    list.map((chunk) => chunk.buffer as ArrayBuffer),
  );
}

/** On the answering thread: the knowledge base, built a chunk at a time and frozen. */
export async function takeOver(
  dir: string,
  handed: HandedBase,
  pace: Pace = pacer(),
): Promise<KnowledgeBase> {
  const decoder = new TextDecoder();
  const share = sharer();
  const read = async <T>(list: readonly Uint8Array[], freezeEach: boolean): Promise<T[]> => {
    const out: T[] = [];
    for (const chunk of list) {
      const items = JSON.parse(decoder.decode(chunk)) as T[];
      for (const item of items) out.push(freezeEach ? deepFreeze(share(item) as T) : item);
      const turn = pace();
      if (turn) await turn;
    }
    return out;
  };
  const sources = await read<Source>(handed.sources, true);
  const organizations = await read<Organization>(handed.organizations, true);
  const topics = await read<Topic>(handed.topics, true);
  const lexicon = await read<LexiconEntry>(handed.lexicon, true);
  const questions = await read<ExampleQuestion>(handed.questions, true);
  const texts = new Map(await read<[string, string]>(handed.texts, false));
  const facts = Object.freeze(await read<Fact>(handed.facts, true));
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

function chunks(items: readonly unknown[], per = ITEMS_PER_CHUNK): Uint8Array[] {
  const encoder = new TextEncoder();
  const out: Uint8Array[] = [];
  for (let i = 0; i < items.length; i += per) {
    out.push(encoder.encode(JSON.stringify(items.slice(i, i + per))));
  }
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
