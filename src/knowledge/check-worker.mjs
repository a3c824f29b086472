/**
 * Runs in a worker thread (see check-off-thread.ts): loads the loader's modules, waits for a
 * knowledge folder to check (it may be started before it is needed), checks it and posts back
 * the verdict, with a sound base's values as chunks of JSON text (hand-back.ts), so the thread
 * that answers questions never parses or checks the YAML of a base, broken or not. Plain
 * JavaScript that loads the TypeScript through tsx's API, so it runs the same under `tsx` (the
 * bot), vitest and plain Node.
 */
import { constants, setPriority } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort } from "node:worker_threads";

// The lowest priority for this thread alone, so on a busy machine the thread that answers
// questions gets the CPU first. Linux only: there a priority is per thread, while elsewhere
// setpriority would lower the whole bot.
if (process.platform === "linux") {
  try {
    setPriority(constants.priority.PRIORITY_LOWEST);
  } catch {
    // Not allowed here: the check runs at the usual priority.
  }
}

// Loaded only now, at that priority: compiling and loading the loader's modules is most of a new
// worker's start (a spare starts right after the bot has built a base, while it answers).
const { tsImport } = await import("tsx/esm/api");
const { checkForHandOver, keepParserStrings, nextCheck, rememberSoundFiles, transferList } =
  await tsImport("./load.ts", import.meta.url);
keepParserStrings();
// This worker may check the next base too (check-off-thread.ts): unchanged files are not read again.
rememberSoundFiles();
// A worker kept for the next check waits idle, and an idle thread collects no garbage: told it is
// kept, it collects the check's at once, so the wait costs its modules, not the last base. Only
// then: a full collection of a large base's heap runs on helper threads that every thread of the
// process shares, and would take the CPU from the thread building the base. (`gc` is not exposed
// to a worker by an option: V8 flags cannot be given per worker.)
const collect = exposedGc();
// Modules loaded, it waits for a folder (a spare is started ahead of the check it runs); one
// check at a time, as the thread that owns it sends them.
parentPort?.on("message", async (message) => {
  if (message.collect) {
    collect?.();
    return;
  }
  nextCheck();
  const verdict = await checkForHandOver(message.dir);
  // A sound base's chunks are moved to the other thread, not copied.
  parentPort?.postMessage(verdict, verdict.ok ? transferList(verdict.base) : []);
});

function exposedGc() {
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc");
  } catch {
    return undefined;
  }
}
