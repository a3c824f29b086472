/**
 * The question log's bench (run by `npm run bench` in a process of its own): 10,000 questions
 * logged the way the bot logs them (`record` queues, the log's own timer writes batches in
 * `BEGIN IMMEDIATE` transactions) into a fresh file, timed from the first `record` until the
 * queue is empty; the event loop's longest stall meanwhile; and answering the shipped question
 * set with and without the log, p99. Prints one JSON line.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { setImmediate as turn } from "node:timers/promises";
import { QUESTION_LOG_DEFAULTS } from "../../src/bot/config.js";
import { createLogger } from "../../src/bot/logger.js";
import { type Answer, answer } from "../../src/engine/index.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { QuestionLog } from "../../src/questionlog/question-log.js";
import { loadQuestionSet } from "../../tests/questions/question-set.js";
import { SHIPPED_DIR } from "./generate.js";
import { percentile } from "./result.js";

export interface QuestionLogResult {
  readonly logged: number;
  /** From the first `record` to the last row written. */
  readonly totalMs: number;
  /** The 10,000 `record` calls themselves (what the answering path pays). */
  readonly recordMs: number;
  /** The event loop's longest delay while the queue was written. */
  readonly maxStallMs: number;
  readonly answerP99OffMs: number;
  readonly answerP99OnMs: number;
}

const LOGGED = 10_000;
const PASSES = 20;

const dir = mkdtempSync(join(tmpdir(), "receipts-bench-qlog-"));
try {
  const loaded = await loadKnowledge(SHIPPED_DIR);
  if (!loaded.ok) throw new Error("the shipped base has problems: npm run knowledge:check");
  console.log(JSON.stringify(await measure(loaded.kb)));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function measure(kb: KnowledgeBase): Promise<QuestionLogResult> {
  const questions = loadQuestionSet().map((e) => e.question);
  const answers = questions.map((q) => answer(q, kb));
  const logger = createLogger({ level: "warn" });
  const log = QuestionLog.open({ ...QUESTION_LOG_DEFAULTS, dataDir: join(dir, "a") }, { logger });
  if (!log?.working) throw new Error(`the question log did not open: ${log?.problem}`);

  const delay = monitorEventLoopDelay({ resolution: 1 });
  const t0 = performance.now();
  for (let i = 0; i < LOGGED; i++) log.record(event(answers[i % answers.length] as Answer, i));
  const recordMs = performance.now() - t0;
  // The stall that matters is the writing's: the burst of records above is the test's own.
  delay.enable();
  while (log.pending > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  const totalMs = performance.now() - t0;
  delay.disable();
  const written = Number(log.db?.prepare("SELECT count(*) FROM questions").pluck().get());
  if (written !== LOGGED) throw new Error(`${written} of ${LOGGED} questions were written`);
  log.close();

  const off = await timeAnswering(kb, questions, undefined);
  const on = QuestionLog.open({ ...QUESTION_LOG_DEFAULTS, dataDir: join(dir, "b") }, { logger });
  const withLog = await timeAnswering(kb, questions, on);
  on?.close();
  return {
    logged: LOGGED,
    totalMs,
    recordMs,
    maxStallMs: delay.max / 1e6,
    answerP99OffMs: percentile(off, 99),
    answerP99OnMs: percentile(withLog, 99),
  };
}

function event(a: Answer, i: number) {
  return {
    via: "slash" as const,
    guildId: `50000000000000000${i % 3}`,
    userId: `2000000000000${String(i % 500).padStart(5, "0")}`,
    locale: "en",
    answer: a,
    engineMs: 0.2,
  };
}

/** Each question answered and (with a log) recorded, as the bot does; turns between, so the log writes. */
async function timeAnswering(
  kb: KnowledgeBase,
  questions: readonly string[],
  log: QuestionLog | undefined,
): Promise<number[]> {
  const times: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    for (const [i, q] of questions.entries()) {
      const t = performance.now();
      const a = answer(q, kb);
      log?.record(event(a, i));
      times.push(performance.now() - t);
      if (i % 25 === 0) await turn();
    }
  }
  return times;
}
