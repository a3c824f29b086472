/**
 * Holds the fact base the bot answers from. A reload loads and validates a new base off to the
 * side and swaps it in with one assignment: a question sees the old base or the new one, never a
 * mix. A broken base is reported and the old one keeps answering. Reloads run one at a time.
 */
import { answer } from "../engine/index.js";
import { prepareAsync } from "../engine/prepare.js";
import { type LoadResult, loadKnowledge } from "../knowledge/load.js";
import type { Problem } from "../knowledge/problem.js";
import type { KnowledgeBase } from "../knowledge/schema.js";

export interface KnowledgeCounts {
  readonly sources: number;
  readonly organizations: number;
  readonly facts: number;
}

export type ReloadResult =
  | {
      readonly ok: true;
      readonly before: KnowledgeCounts;
      readonly after: KnowledgeCounts;
      readonly ms: number;
    }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly kept: KnowledgeCounts };

export type Loader = (dir: string) => Promise<LoadResult>;

export class KnowledgeStore {
  #kb: KnowledgeBase;
  #queue: Promise<unknown> = Promise.resolve();
  readonly dir: string;
  readonly #load: Loader;

  private constructor(kb: KnowledgeBase, dir: string, load: Loader) {
    this.#kb = kb;
    this.dir = dir;
    this.#load = load;
  }

  /** Loads the base from `dir`; problems instead of a store when it is broken. */
  static async open(
    dir: string,
    load: Loader = loadKnowledge,
  ): Promise<{ ok: true; store: KnowledgeStore } | { ok: false; problems: readonly Problem[] }> {
    const loaded = await safeLoad(load, dir);
    if (!loaded.ok) return loaded;
    await warm(loaded.kb);
    return { ok: true, store: new KnowledgeStore(loaded.kb, dir, load) };
  }

  /** A store around a base already loaded (tests). */
  static of(kb: KnowledgeBase, load: Loader = loadKnowledge): KnowledgeStore {
    return new KnowledgeStore(kb, kb.dir, load);
  }

  /** The base to answer from. Read it once per question and keep the reference. */
  get current(): KnowledgeBase {
    return this.#kb;
  }

  get counts(): KnowledgeCounts {
    return countsOf(this.#kb);
  }

  /** Loads the base from disk again and swaps it in if it is valid. Calls queue up. */
  reload(): Promise<ReloadResult> {
    const run = this.#queue.then(() => this.#reloadNow());
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #reloadNow(): Promise<ReloadResult> {
    const started = performance.now();
    const before = this.counts;
    const loaded = await safeLoad(this.#load, this.dir);
    if (!loaded.ok) return { ok: false, problems: loaded.problems, kept: before };
    // Build the engine's indexes before the swap, so the first question after it is not slower;
    // a slice at a time, so questions meanwhile are answered from the old base without delay.
    await warm(loaded.kb);
    this.#kb = loaded.kb;
    return { ok: true, before, after: countsOf(loaded.kb), ms: performance.now() - started };
  }
}

export function countsOf(kb: KnowledgeBase): KnowledgeCounts {
  return {
    sources: kb.sources.length,
    organizations: kb.organizations.length,
    facts: kb.facts.length,
  };
}

/** The loader reports problems rather than throwing, but a disk error must not escape either. */
async function safeLoad(load: Loader, dir: string): Promise<LoadResult> {
  try {
    return await load(dir);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ file: dir, field: "", message: `cannot load: ${message}` }] };
  }
}

async function warm(kb: KnowledgeBase): Promise<void> {
  await prepareAsync(kb);
  answer("warm up", kb);
}
