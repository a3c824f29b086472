/**
 * Holds the fact base the bot answers from. A reload loads and validates a new base off to the
 * side and swaps it in with one assignment: a question sees the old base or the new one, never a
 * mix. A broken base is reported and the old one keeps answering.
 *
 * Reloads run one at a time and coalesce: requests that arrive while one runs (a SIGHUP storm,
 * several admins at once) share one more reload after it, which reads the files as they are
 * then, and each request gets that reload's result. A reload that does not finish within
 * `reloadTimeoutMs` (a backstop: the loader refuses what could block, such as a named pipe) is
 * answered as failed and abandoned, so it cannot hold up the ones after it.
 */
import { answer } from "../engine/index.js";
import { prepareAsync } from "../engine/prepare.js";
import { loadCheckedOffThread, readySpare } from "../knowledge/check-off-thread.js";
import type { LoadResult } from "../knowledge/load.js";
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
  | {
      readonly ok: false;
      /** The first problems (at most `MAX_PROBLEMS`), and how many more were found. */
      readonly problems: readonly Problem[];
      readonly omitted?: number;
      readonly kept: KnowledgeCounts;
    };

export type Loader = (dir: string) => Promise<LoadResult>;

/** Backstop for one reload; a 100,000-fact base reloads in seconds (docs/benchmarks.md). */
export const RELOAD_TIMEOUT_MS = 120_000;

export interface StoreOptions {
  readonly reloadTimeoutMs?: number;
}

export class KnowledgeStore {
  #kb: KnowledgeBase;
  /** Requests waiting for the next reload, and whether one is running. */
  #waiting: ((result: ReloadResult) => void)[] = [];
  #running = false;
  readonly dir: string;
  readonly #load: Loader;
  readonly #timeoutMs: number;

  private constructor(kb: KnowledgeBase, dir: string, load: Loader, options: StoreOptions) {
    this.#kb = kb;
    this.dir = dir;
    this.#load = load;
    this.#timeoutMs = options.reloadTimeoutMs ?? RELOAD_TIMEOUT_MS;
  }

  /**
   * Loads the base from `dir`; problems instead of a store when it is broken. `load`: for the
   * first load and every reload. By default both are read and checked in a worker thread
   * (`loadCheckedOffThread`): the YAML parse's garbage stays in the worker's heap and goes with
   * it, so the bot starts with a smaller heap than a load on this thread leaves behind.
   */
  static async open(
    dir: string,
    load?: Loader,
    options: StoreOptions = {},
  ): Promise<
    | { ok: true; store: KnowledgeStore }
    | { ok: false; problems: readonly Problem[]; omitted?: number }
  > {
    const loader = load ?? loadCheckedOffThread;
    const loaded = await safeLoad(loader, dir);
    if (!loaded.ok) return loaded;
    await warm(loaded.kb, loader);
    return { ok: true, store: new KnowledgeStore(loaded.kb, dir, loader, options) };
  }

  /** A store around a base already loaded (tests). */
  static of(
    kb: KnowledgeBase,
    load: Loader = loadCheckedOffThread,
    options: StoreOptions = {},
  ): KnowledgeStore {
    return new KnowledgeStore(kb, kb.dir, load, options);
  }

  /** The base to answer from. Read it once per question and keep the reference. */
  get current(): KnowledgeBase {
    return this.#kb;
  }

  get counts(): KnowledgeCounts {
    return countsOf(this.#kb);
  }

  /**
   * Loads the base from disk again and swaps it in if it is valid. While a reload runs, calls
   * wait for one more, shared by all of them.
   */
  reload(): Promise<ReloadResult> {
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      if (!this.#running) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#running = true;
    while (this.#waiting.length > 0) {
      const requests = this.#waiting.splice(0);
      const result = await this.#reloadBounded();
      for (const resolve of requests) resolve(result);
    }
    this.#running = false;
  }

  /** One reload, or a failure when it takes longer than the backstop; never throws. */
  async #reloadBounded(): Promise<ReloadResult> {
    const abandoned = { now: false };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<ReloadResult>((resolve) => {
      timer = setTimeout(() => {
        abandoned.now = true;
        const message = `the reload did not finish within ${this.#timeoutMs / 1000} s and was abandoned: check the folder (npm run knowledge:check) and reload again`;
        resolve({ ok: false, problems: [{ file: ".", field: "", message }], kept: this.counts });
      }, this.#timeoutMs);
    });
    try {
      return await Promise.race([this.#reloadNow(abandoned), late]);
    } catch (error) {
      const message = `the reload failed: ${error instanceof Error ? error.message : String(error)}`;
      return { ok: false, problems: [{ file: ".", field: "", message }], kept: this.counts };
    } finally {
      clearTimeout(timer);
    }
  }

  async #reloadNow(abandoned: { readonly now: boolean }): Promise<ReloadResult> {
    const started = performance.now();
    const before = this.counts;
    const loaded = await safeLoad(this.#load, this.dir);
    if (!loaded.ok) {
      return { ok: false, problems: loaded.problems, omitted: loaded.omitted ?? 0, kept: before };
    }
    // Build the engine's indexes before the swap, so the first question after it is not slower;
    // a slice at a time, so questions meanwhile are answered from the old base without delay.
    await warm(loaded.kb, this.#load);
    // A reload answered as failed must not swap in a base after all.
    if (abandoned.now) return { ok: false, problems: [], kept: before };
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

/**
 * The loader reports problems rather than throwing, but a disk error must not escape either.
 * The message goes to a Discord admin: no stack, and the server's folder path left out.
 */
async function safeLoad(load: Loader, dir: string): Promise<LoadResult> {
  try {
    return await load(dir);
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const message = `cannot load: ${raw.split("\n")[0]?.replaceAll(dir, "the knowledge folder")}`;
    return { ok: false, problems: [{ file: ".", field: "", message }] };
  }
}

async function warm(kb: KnowledgeBase, loader: Loader): Promise<void> {
  await prepareAsync(kb);
  answer("warm up", kb);
  // The base built, the next check's worker may load its modules (see check-off-thread.ts).
  if (loader === loadCheckedOffThread) readySpare();
}
