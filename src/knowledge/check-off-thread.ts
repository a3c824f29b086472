/**
 * Loading for a running bot: the base is read and checked in a worker thread, and built on the
 * main thread (paced, as always) only when the worker found no problem. A broken base is where
 * the time goes (hundreds of thousands of problems, whole-file parses to explain a syntax error
 * or find a line), and none of it then runs on the thread that answers questions. The worker
 * hands back the verdict and, for a sound base, its values as chunks of JSON text in one transferred
 * buffer (hand-back.ts): posting the loaded objects themselves would be decoded on the main
 * thread in one piece, a stall as long as the load, while the chunks are parsed one at a time.
 * The main thread parses no YAML.
 *
 * A worker that found problems, or checked a large base, is ended after the check: its memory (a
 * broken base's problems included) is given back at once, and a check that hangs is ended by
 * `terminate`. Its verdict is given once it has ended, not before: its end slows this thread's
 * collections, and the take-over is where they matter (`ended`). Starting one costs a few hundred
 * milliseconds of loading modules (tsx compiling the loader's), so once a process has checked a
 * base, the next worker waits with its modules loaded: a spare, idle and unreferenced (it does not
 * keep the process alive), which the next reload finds ready. The worker that checked a sound base
 * of up to `REUSE_MAX_FACTS` facts is itself kept as the spare (its garbage collected): its
 * compiled code is warm, so the next check runs about a quarter faster, and no new worker competes
 * for the CPU while this thread indexes. A spare holds about 50 MB, a reused one a few tens more
 * (docs/benchmarks.md). After a larger sound base no spare is started at once: loading its modules
 * would take the CPU while this thread builds that base, seconds of work; the caller starts it once
 * the base is built (`readySpare`).
 */
import { Worker } from "node:worker_threads";
import { factChunks, type HandedBase, ITEMS_PER_CHUNK, takeOver } from "./hand-back.js";
import type { LoadResult } from "./load.js";
import type { Problem } from "./problem.js";

/** The worker's heap limit: a backstop (the 100,000-fact bench base needs a fraction of it). */
export const CHECK_MEMORY_MB = 2048;
/** A backstop too: a check that takes longer is ended (below the store's reload backstop). */
export const CHECK_TIMEOUT_MS = 100_000;
/**
 * A worker that checked a sound base of at most this many facts is kept for the next check. A
 * larger base leaves a larger heap behind (100,000 facts: about 40 MB more than a fresh spare),
 * and the documented large base's memory target matters more there than a faster reload.
 */
export const REUSE_MAX_FACTS = 20_000;

const WORKER = new URL("./check-worker.mjs", import.meta.url);

type Verdict =
  | { readonly ok: true; readonly base: HandedBase }
  | Extract<LoadResult, { ok: false }>;

export async function loadCheckedOffThread(dir: string): Promise<LoadResult> {
  const verdict = await checkInWorker(dir);
  if (!verdict.ok) return verdict;
  return { ok: true, kb: await takeOver(dir, verdict.base) };
}

export function checkInWorker(
  dir: string,
  timeoutMs = CHECK_TIMEOUT_MS,
  keepUpTo = REUSE_MAX_FACTS,
): Promise<Verdict> {
  return new Promise((resolve) => {
    const waiting = takeSpare();
    counts.checks++;
    if (waiting) counts.fromSpare++;
    const worker = waiting ?? startWorker();
    // While it checks, the worker keeps the process alive, as any pending work does.
    worker.ref();
    worker.postMessage({ dir });
    let settled = false;
    const settle = (verdict: Verdict) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const large = verdict.ok && factsIn(verdict.base) > keepUpTo;
      if (spare === undefined && verdict.ok && !large) {
        resolve(verdict);
        keepAsSpare(worker);
        return;
      }
      // The verdict is given once the worker has ended: see `ended`.
      void ended(worker).then(() => resolve(verdict));
      // One spare at most: a second one would wait forever, unused.
      if (!large) spare ??= startSpare();
    };
    const timer = setTimeout(
      () => settle(failure(`checking it took more than ${timeoutMs / 1000} s and was stopped`)),
      timeoutMs,
    );
    worker.once("message", (verdict: Verdict) => settle(verdict));
    worker.once("error", (error: NodeJS.ErrnoException) => {
      const why =
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `checking it needed more than ${CHECK_MEMORY_MB} MB: the base is too large`
          : `checking it failed: ${error.message.split("\n")[0]}`;
      settle(failure(why));
    });
    worker.once("exit", (code) => settle(failure(`checking it stopped early (exit code ${code})`)));
  });
}

/**
 * Starts the next check's worker, if none waits: for the caller to call once it has built the
 * base just checked (a base too large to keep its checker leaves none, so that no worker loads
 * its modules while this thread builds the base).
 */
export function readySpare(): void {
  spare ??= startSpare();
}

/** The worker started ahead of the next check, if any. */
let spare: Worker | undefined;
/**
 * Checks run so far, how many found a spare waiting, spares started, workers kept after their
 * check to be the spare, collections asked of them, and checking workers seen to end (work
 * counters, for tests).
 */
const counts = { checks: 0, fromSpare: 0, spares: 0, kept: 0, collects: 0, ends: 0 };

export function checkCounts(): Readonly<typeof counts> {
  return { ...counts };
}

function startWorker(): Worker {
  return new Worker(WORKER, {
    // None of the bot's own Node flags: the worker loads its TypeScript through tsx's API, and a
    // flag meant for the bot's command line (`--input-type`, a loader) would stop it starting.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: CHECK_MEMORY_MB },
  });
}

function startSpare(): Worker {
  counts.spares++;
  const worker = startWorker();
  worker.unref();
  dropWhenGone(worker);
  return worker;
}

/** The checking worker, its check done, waits for the next one as the spare. */
function keepAsSpare(worker: Worker): void {
  counts.kept++;
  // Only this check's listeners: the worker's own internal ones stay.
  for (const event of ["message", "error", "exit"]) worker.removeAllListeners(event);
  worker.unref();
  spare = worker;
  dropWhenGone(worker);
  counts.collects++;
  worker.postMessage({ collect: true });
}

/** A spare that fails or stops while it waits is dropped; the next check starts its own. */
function dropWhenGone(worker: Worker): void {
  const drop = () => {
    if (spare === worker) spare = undefined;
  };
  worker.once("error", drop);
  worker.once("exit", drop);
}

/**
 * Ends a worker and waits until it has ended, at most `maxMs`. Ending a worker that holds
 * a large heap gives its memory back to the system, and while it does, this thread's own
 * collections (which map and touch fresh pages) ran three to five times their usual length
 * (probe at 100,000 facts: scavenges of 12 to 33 ms, turns of 53 to 84 ms, right as the
 * take-over began). Waiting, on a thread that only answers questions meanwhile, costs the reload
 * about a tenth of a second.
 */
export function ended(
  worker: Pick<Worker, "terminate">,
  maxMs: number = ENDING_MAX_MS,
): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    worker.terminate().then(() => {
      counts.ends++;
      done();
    }, done);
  });
}

/** A backstop: a worker's end is waited for no longer than this. */
const ENDING_MAX_MS = 5000;

/** Facts handed back, from the chunk count (each chunk but the last holds `ITEMS_PER_CHUNK`). */
function factsIn(base: HandedBase): number {
  return factChunks(base) * ITEMS_PER_CHUNK;
}

function takeSpare(): Worker | undefined {
  const worker = spare;
  spare = undefined;
  return worker;
}

function failure(message: string): Verdict {
  const problem: Problem = { file: ".", field: "", message };
  return { ok: false, problems: [problem] };
}
