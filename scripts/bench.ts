/**
 * `npm run bench`: how fast the engine is over the question set.
 *
 * Targets (exit 1 when one is missed):
 *   load + index of the fact base   < 500 ms
 *   p95 latency per answer          < 20 ms
 *   heap used after the run         < 100 MB
 *
 * Loads the fact base, builds the engine's indexes, warms up with one pass over the question
 * set, then times every answer over several passes.
 */
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { answer } from "../src/engine/index.js";
import { prepare } from "../src/engine/prepare.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { formatProblem } from "../src/knowledge/problem.js";
import { loadQuestionSet } from "../tests/questions/question-set.js";

const TARGETS = { loadMs: 500, p95Ms: 20, heapMb: 100 };
const PASSES = 20;

const dir = fileURLToPath(new URL("../knowledge", import.meta.url));
const t0 = performance.now();
const loaded = await loadKnowledge(dir);
const t1 = performance.now();
if (!loaded.ok) {
  for (const p of loaded.problems) console.error(formatProblem(p));
  process.exit(1);
}
prepare(loaded.kb);
const t2 = performance.now();

const questions = loadQuestionSet().map((e) => e.question);
for (const q of questions) answer(q, loaded.kb);

const times: number[] = [];
const start = performance.now();
for (let pass = 0; pass < PASSES; pass++) {
  for (const q of questions) {
    const a = performance.now();
    answer(q, loaded.kb);
    times.push(performance.now() - a);
  }
}
const total = performance.now() - start;
times.sort((a, b) => a - b);
const pct = (p: number) =>
  times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;

const rows: Array<[string, string, string, boolean]> = [
  ["load fact base", ms(t1 - t0), "", true],
  ["build indexes", ms(t2 - t1), "", true],
  ["load + index", ms(t2 - t0), `< ${TARGETS.loadMs} ms`, t2 - t0 < TARGETS.loadMs],
  ["answers/second", Math.round((times.length / total) * 1000).toString(), "", true],
  ["p50 per answer", ms(pct(50)), "", true],
  ["p95 per answer", ms(pct(95)), `< ${TARGETS.p95Ms} ms`, pct(95) < TARGETS.p95Ms],
  ["max per answer", ms(times.at(-1) ?? 0), "", true],
  ["heap used", `${heapMb.toFixed(1)} MB`, `< ${TARGETS.heapMb} MB`, heapMb < TARGETS.heapMb],
];
console.log(
  `${loaded.kb.facts.length} facts, ${questions.length} questions x ${PASSES} passes = ${times.length} answers\n`,
);
console.log(`${"measure".padEnd(16)} ${"value".padStart(10)}  ${"target".padEnd(10)}`);
for (const [name, value, target, ok] of rows) {
  console.log(
    `${name.padEnd(16)} ${value.padStart(10)}  ${target.padEnd(10)} ${target ? (ok ? "ok" : "MISSED") : ""}`,
  );
}
if (rows.some(([, , , ok]) => !ok)) process.exit(1);

function ms(x: number): string {
  return `${x.toFixed(x < 10 ? 2 : 0)} ms`;
}
