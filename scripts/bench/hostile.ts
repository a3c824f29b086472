/**
 * The bot's store reloading a hostile base while questions keep coming, in a process of its own:
 * `tsx --expose-gc scripts/bench/hostile.ts <case>` prints one JSON line, a `HostileResult`.
 *
 * Cases: `aliased` (the shipped base and a 1 MB fact file whose keywords repeat through 2,000
 * YAML aliases); `broken-<n>mb` (a generated base of about n MB in which no generated quote is in
 * its article: a problem, and a closest-passage search, per fact); `valid-<n>mb` (the same base
 * unbroken: the memory a base of that size takes, to compare with).
 */
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { KnowledgeStore } from "../../src/bot/knowledge-store.js";
import { answer } from "../../src/engine/index.js";
import { loadCheckedOffThread } from "../../src/knowledge/check-off-thread.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { loadQuestionSet } from "../../tests/questions/question-set.js";
import { generateBase, SHIPPED_DIR } from "./generate.js";
import type { HostileResult } from "./result.js";

/** Facts per MB of a generated base (10,000 facts take about 5.9 MB). */
const FACTS_PER_MB = 1700;
const QUESTION_EVERY_MS = 5;
const MEMORY_EVERY_MS = 10;
/** Questions alone before the reload: the stall the machine itself causes, for comparison. */
const IDLE_MS = 3000;

const name = process.argv[2] ?? "aliased";
const gc = (globalThis as { gc?: () => void }).gc;

const base = await makeBase(name);
try {
  console.log(JSON.stringify(await measure(name, base.dir, base.facts)));
} finally {
  await base.remove();
}

async function makeBase(
  label: string,
): Promise<{ dir: string; facts: number; remove(): Promise<void> }> {
  const sized = /^(valid|broken)-(\d+)mb$/.exec(label);
  if (label === "aliased") {
    const generated = await generateBase(0);
    await writeFile(join(generated.dir, "facts", "aliased.yaml"), aliasedFile(2000));
    return { dir: generated.dir, facts: 2000, remove: () => generated.remove() };
  }
  if (!sized) throw new Error(`unknown case ${label}: aliased, valid-<n>mb or broken-<n>mb`);
  const generated = await generateBase(Number(sized[2]) * FACTS_PER_MB);
  if (sized[1] === "broken") await breakQuotes(generated.dir);
  return { dir: generated.dir, facts: generated.facts, remove: () => generated.remove() };
}

/** `n` facts whose keywords are one list of about 500 KB, repeated through aliases. */
function aliasedFile(n: number): string {
  const words = Array.from({ length: 50_000 }, (_, i) => `word${i}`).join(", ");
  const facts = Array.from(
    { length: n },
    (_, i) => `- id: aliased-${i}
  about: [spotify]
  kind: reported
  speaker: Spotify
  voice: { who: [spotify], how: statement }
  quote: Spotify
  source: techradar-facebook-responds
  language: en
  summary: s
  summaryNl: s
  keywords: ${i === 0 ? `&words [${words}]` : "*words"}
`,
  );
  return facts.join("");
}

/** Every generated quote gets a word its article does not have in front. */
async function breakQuotes(dir: string): Promise<void> {
  for (const file of await readdir(join(dir, "facts"))) {
    if (!file.startsWith("gen-")) continue;
    const path = join(dir, "facts", file);
    await writeFile(
      path,
      (await readFile(path, "utf8")).replaceAll('  quote: "', '  quote: "Zzq '),
    );
  }
}

async function sizeOf(dir: string): Promise<number> {
  let bytes = 0;
  for (const sub of ["", "facts", "articles"]) {
    for (const entry of await readdir(join(dir, sub), { withFileTypes: true })) {
      if (entry.isFile()) bytes += (await stat(join(dir, sub, entry.name))).size;
    }
  }
  return bytes;
}

async function measure(label: string, dir: string, facts: number): Promise<HostileResult> {
  const shipped = await loadKnowledge(SHIPPED_DIR);
  if (!shipped.ok) throw new Error("the shipped base has problems");
  // The bot's store, answering from the shipped base, told to reload `dir` the way it does.
  const store = KnowledgeStore.of(shipped.kb, () => loadCheckedOffThread(dir));
  const questions = loadQuestionSet().map((e) => e.question);
  gc?.();
  const rssBefore = process.memoryUsage().rss;
  let answered = 0;
  const asker = setInterval(() => {
    answer(questions[answered % questions.length] ?? "", store.current);
    answered++;
  }, QUESTION_EVERY_MS);
  const idle = monitorEventLoopDelay({ resolution: 1 });
  idle.enable();
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  idle.disable();
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, MEMORY_EVERY_MS);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = performance.now();
  const result = await store.reload();
  const reloadMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 2));
  delay.disable();
  clearInterval(asker);
  clearInterval(sampler);
  return {
    label,
    facts,
    bytes: await sizeOf(dir),
    ok: result.ok,
    problems: result.ok ? 0 : result.problems.length + (result.omitted ?? 0),
    firstProblem: result.ok ? undefined : result.problems[0]?.message.slice(0, 160),
    reloadMs,
    maxStallMs: delay.max / 1e6,
    idleStallMs: idle.max / 1e6,
    answeredDuringReload: answered,
    rssBeforeMb: rssBefore / 2 ** 20,
    peakRssMb: peakRss / 2 ** 20,
  };
}
