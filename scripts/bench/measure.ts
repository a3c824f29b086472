/**
 * Measures one fact-base size in a process of its own (so memory figures are this size's alone):
 * `tsx scripts/bench/measure.ts <facts|shipped>` prints one JSON line, a `SizeResult`.
 */
import { execFileSync } from "node:child_process";
import { appendFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import Fuse from "fuse.js";
import { answer } from "../../src/engine/index.js";
import { prepareAsync } from "../../src/engine/prepare.js";
import { loadCheckedOffThread, readySpare } from "../../src/knowledge/check-off-thread.js";
import { type LoadResult, loadKnowledge } from "../../src/knowledge/load.js";
import { formatProblem } from "../../src/knowledge/problem.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { type ChatEntry, judgeChat, loadChatSet } from "../../tests/questions/chat-set.js";
import { judge, loadQuestionSet } from "../../tests/questions/question-set.js";
import { adversarialQuestions } from "./adversarial.js";
import { SHIPPED_DIR } from "./generate.js";
import { miniSearchPeer } from "./peer.js";
import { percentile, type SizeResult } from "./result.js";

/** How long the stall is still watched after a reload: the next check's worker starts then. */
const SPARE_SETTLE_MS = 2000;

/** `--quick`: fewer answers timed and a shorter warm-up, for a check rather than a record. */
const QUICK = process.argv.includes("--quick");
/** Answers timed: enough passes over the question set for a steady p99. */
const TIMED_ANSWERS = QUICK ? 1000 : 4000;
/** Answers given before timing (or as many as fit in the time), for the JIT to settle. */
const WARM_UP_ANSWERS = QUICK ? 2000 : 8000;
const WARM_UP_MS = QUICK ? 4000 : 15_000;
/** Passes over the adversarial questions timed (each pass is every one of them). */
const ADVERSARIAL_PASSES = QUICK ? 2 : 5;
/** MiniSearch is timed on every question of the set, stopping early past this budget. */
const PEER_BUDGET_MS = QUICK ? 10_000 : 30_000;
/** The members'-voice development set (never a sealed one). */
const CHAT_DEV = new URL("../../tests/questions/chat-dev.yaml", import.meta.url);
/**
 * The naive index takes seconds a question on large bases: it is timed on an even sample of the
 * question set, smaller as the base grows, and stops early past a time budget.
 */
const NAIVE_SAMPLE = (facts: number) => (facts <= 1000 ? 200 : facts <= 10_000 ? 40 : 12);
const NAIVE_BUDGET_MS = QUICK ? 10_000 : 60_000;
/** During a reload, a question every few milliseconds, as a busy bot would get. */
const QUESTION_EVERY_MS = 5;

const arg = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "shipped";
const began = performance.now();
/** Progress on stderr (stdout carries the result alone). */
const phase = (what: string) =>
  process.stderr.write(
    `  ${arg}: ${what} (${((performance.now() - began) / 1000).toFixed(1)} s)\n`,
  );
const generated = arg === "shipped" ? undefined : generateApart(Number(arg));
const dir = generated?.dir ?? SHIPPED_DIR;
try {
  console.log(JSON.stringify(await measure(dir, arg)));
} finally {
  await generated?.remove();
}

async function measure(dir: string, label: string): Promise<SizeResult> {
  const t0 = performance.now();
  // As the bot starts (KnowledgeStore.open): read and checked in a worker, built here.
  const kb = await load(dir, loadCheckedOffThread);
  const t1 = performance.now();
  await prepareAsync(kb);
  readySpare();
  const loadMs = performance.now() - t0;
  const indexMs = performance.now() - t1;
  const memory = process.memoryUsage();
  phase(`loaded ${kb.facts.length} facts`);

  const set = loadQuestionSet();
  const questions = set.map((e) => e.question);
  const cold = timeAnswers(kb, questions, 1);
  warmUp(kb, questions);
  const times = timeAnswers(kb, questions, Math.round(TIMED_ANSWERS / questions.length));
  phase(`timed ${times.length} answers`);
  const right = set.filter((entry) => judge(entry, answer(entry.question, kb)) === undefined);
  const chat = loadChatSet(CHAT_DEV);
  const chatRight = chatShares(chat, (q) => answer(q, kb));

  const adversarial = adversarialQuestions(kb).map((a) => a.question);
  const adversarialTimes = timeAnswers(kb, adversarial, ADVERSARIAL_PASSES);
  phase(`timed ${adversarial.length} adversarial questions`);

  // The reload before the naive index: a bot's heap holds no such index, and collecting its
  // garbage would be charged to the reload's stalls.
  const reload = await reloadUnderLoad(dir, kb, questions);
  phase("reloaded");
  // As after a curator's edit: one fact file changed (the checking worker kept between reloads
  // parses only that one again), the rest as they were. Never the project's own knowledge folder.
  let reloadChanged: typeof reload | undefined;
  if (generated) {
    await touchOneFactFile(dir);
    reloadChanged = await reloadUnderLoad(dir, kb, questions);
    phase("reloaded with one fact file changed");
  }
  const naive = naiveTimes(kb, questions);
  phase(`timed the naive index on ${naive.times.length} questions`);
  // Ours on the very questions the naive index was timed on, for ratios on the same work.
  const sample = timeAnswers(kb, naive.questions, Math.round(TIMED_ANSWERS / questions.length));
  const peer = peerTimes(kb, questions);
  phase(`timed MiniSearch on ${peer.times.length} questions`);
  const peerSample = timeAnswers(kb, peer.questions, Math.round(TIMED_ANSWERS / questions.length));
  const peerRight = set.filter((entry) => judge(entry, peer.answer(entry.question)) === undefined);
  const peerChat = chatShares(chat, (q) => peer.answer(q));
  return {
    label,
    facts: kb.facts.length,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    p99Ms: percentile(times, 99),
    maxMs: percentile(times, 100),
    coldP99Ms: percentile(cold, 99),
    naiveP50Ms: percentile(naive.times, 50),
    naiveP99Ms: percentile(naive.times, 99),
    naiveQuestions: naive.times.length,
    sampleP50Ms: percentile(sample, 50),
    sampleP99Ms: percentile(sample, 99),
    naiveIndexMs: naive.indexMs,
    peerP50Ms: percentile(peer.times, 50),
    peerP99Ms: percentile(peer.times, 99),
    peerQuestions: peer.times.length,
    peerSampleP50Ms: percentile(peerSample, 50),
    peerSampleP99Ms: percentile(peerSample, 99),
    peerIndexMs: peer.indexMs,
    peerRight: peerRight.length,
    chatInScope: chatRight.inScope,
    chatOutOfScope: chatRight.outOfScope,
    peerChatInScope: peerChat.inScope,
    peerChatOutOfScope: peerChat.outOfScope,
    adversarialQuestions: adversarial.length,
    adversarialP50Ms: percentile(adversarialTimes, 50),
    adversarialP99Ms: percentile(adversarialTimes, 99),
    adversarialMaxMs: percentile(adversarialTimes, 100),
    accuracy: right.length / set.length,
    right: right.length,
    questions: set.length,
    loadMs,
    indexMs,
    reloadMs: reload.ms,
    ...(reloadChanged ? { reloadChangedMs: reloadChanged.ms } : {}),
    maxStallMs: Math.max(reload.maxStallMs, reloadChanged?.maxStallMs ?? 0),
    answeredDuringReload: reload.answered,
    rssMb: memory.rss / 2 ** 20,
    heapMb: memory.heapUsed / 2 ** 20,
  };
}

/**
 * A generated base, written by a process of its own (generate-apart.ts): the generator's memory
 * is not this process's, so the RSS after loading is the loading's.
 */
function generateApart(facts: number): { dir: string; remove(): Promise<void> } {
  const script = fileURLToPath(new URL("./generate-apart.ts", import.meta.url));
  const out = execFileSync(process.execPath, [...process.execArgv, script, String(facts)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const dir = out.trim().split("\n").at(-1) ?? "";
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Each question's time to answer, over `passes` passes of the question set. */
function timeAnswers(kb: KnowledgeBase, questions: readonly string[], passes: number): number[] {
  const times: number[] = [];
  for (let pass = 0; pass < Math.max(1, passes); pass++) {
    for (const q of questions) {
      const start = performance.now();
      answer(q, kb);
      times.push(performance.now() - start);
    }
  }
  return times;
}

/**
 * Answers until V8 has compiled the engine's hot code: until then the main thread shares the two
 * cores with the optimizing compiler and is preempted for whole scheduler slices (about 4 ms),
 * which is the first minutes of a bot's life, not its steady state. Cold figures are reported too.
 */
function warmUp(kb: KnowledgeBase, questions: readonly string[]): void {
  const began = performance.now();
  let answered = 0;
  while (answered < WARM_UP_ANSWERS && performance.now() - began < WARM_UP_MS) {
    answer(questions[answered % questions.length] ?? "", kb);
    answered++;
  }
}

/** `how`: on this thread (the CLI), or as the bot loads (checked in a worker first). */
async function load(
  dir: string,
  how: (dir: string) => Promise<LoadResult> = loadKnowledge,
): Promise<KnowledgeBase> {
  const loaded = await how(dir);
  if (loaded.ok) return loaded.kb;
  const shown = loaded.problems.slice(0, 10).map(formatProblem).join("\n");
  throw new Error(`the base in ${dir} has ${loaded.problems.length} problem(s):\n${shown}`);
}

/**
 * The naive approach: one fuse.js index over every fact, the whole question searched. Its time
 * to build the index, its time per question, and the questions it was timed on.
 */
function naiveTimes(kb: KnowledgeBase, questions: readonly string[]) {
  const started = performance.now();
  const fuse = new Fuse(kb.facts, {
    keys: ["quote", "translation", "summary", "keywords"],
    ignoreLocation: true,
  });
  const indexMs = performance.now() - started;
  const want = NAIVE_SAMPLE(kb.facts.length);
  const step = Math.max(1, Math.floor(questions.length / want));
  const sample = questions.filter((_, i) => i % step === 0).slice(0, want);
  fuse.search(sample[0] ?? "");
  const times: number[] = [];
  const began = performance.now();
  for (const q of sample) {
    if (times.length >= 3 && performance.now() - began > NAIVE_BUDGET_MS) break;
    const start = performance.now();
    fuse.search(q);
    times.push(performance.now() - start);
  }
  return { times, indexMs, questions: sample.slice(0, times.length) };
}

/**
 * MiniSearch (scripts/bench/peer.ts) over the same facts: its time to index, its time per
 * question on the question set (stopping early past a budget), and the questions it was timed on.
 */
function peerTimes(kb: KnowledgeBase, questions: readonly string[]) {
  const started = performance.now();
  const peer = miniSearchPeer(kb);
  const indexMs = performance.now() - started;
  for (const q of questions.slice(0, 20)) peer.search(q);
  const times: number[] = [];
  const began = performance.now();
  for (const q of questions) {
    if (times.length >= 10 && performance.now() - began > PEER_BUDGET_MS) break;
    const start = performance.now();
    peer.answer(q);
    times.push(performance.now() - start);
  }
  return { times, indexMs, answer: peer.answer, questions: questions.slice(0, times.length) };
}

/** Right answers to the members'-voice set: in scope (a share) and out of scope declined. */
function chatShares(chat: readonly ChatEntry[], ask: (q: string) => ReturnType<typeof answer>) {
  const inScope = chat.filter((e) => e.category !== "out-of-scope");
  const outScope = chat.filter((e) => e.category === "out-of-scope");
  const right = (es: readonly ChatEntry[]) =>
    es.filter((e) => judgeChat(e, ask(e.q)) === undefined).length;
  return {
    inScope: { right: right(inScope), of: inScope.length },
    outOfScope: { right: right(outScope), of: outScope.length },
  };
}

/** Adds a comment line to the first fact file: its text, so its hash, changes; its facts do not. */
async function touchOneFactFile(dir: string): Promise<void> {
  const files = (await readdir(join(dir, "facts"))).filter((f) => f.endsWith(".yaml")).sort();
  const first = files[0];
  if (first) await appendFile(join(dir, "facts", first), "# edited\n");
}

/**
 * Reloads the base the way the bot does (checked and read in a worker thread, built from what it
 * hands back, indexed, swapped in: the store's loader, `loadCheckedOffThread`) while questions
 * keep coming, and records the event loop's longest stall meanwhile.
 */
async function reloadUnderLoad(dir: string, current: KnowledgeBase, questions: readonly string[]) {
  let kb = current;
  let answered = 0;
  const asker = setInterval(() => {
    answer(questions[answered % questions.length] ?? "", kb);
    answered++;
  }, QUESTION_EVERY_MS);
  // Sampled every millisecond: a stall reads as its length plus at most 1 ms (at 10 ms, up to 10).
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const start = performance.now();
  const next = await load(dir, loadCheckedOffThread);
  await prepareAsync(next);
  kb = next;
  // As the bot's store does once a base is built (src/bot/knowledge-store.ts).
  readySpare();
  const ms = performance.now() - start;
  // Questions go on while the next check's worker loads its modules: stalls then count too.
  await new Promise((resolve) => setTimeout(resolve, SPARE_SETTLE_MS));
  delay.disable();
  clearInterval(asker);
  return { ms, maxStallMs: delay.max / 1e6, answered };
}
