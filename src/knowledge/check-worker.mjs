/**
 * Runs in a worker thread (see check-off-thread.ts): checks one knowledge folder and posts back
 * only the verdict, so the thread that answers questions never parses or checks a base that may
 * be broken. Plain JavaScript that loads the TypeScript through tsx's API, so it runs the same
 * under `tsx` (the bot), vitest and plain Node.
 */
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { checkKnowledge } = await tsImport("./load.ts", import.meta.url);
parentPort?.postMessage(await checkKnowledge(workerData.dir));
