/** Question-log test helpers: real SQLite files in temporary folders, removed after each file. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { QUESTION_LOG_DEFAULTS, type QuestionLogConfig } from "../../src/bot/config.js";
import { memoryLogger } from "../../src/bot/logger.js";
import type { Answer } from "../../src/engine/index.js";
import {
  type LogOptions,
  type QuestionEvent,
  QuestionLog,
} from "../../src/questionlog/question-log.js";

const temps: string[] = [];
const logs: QuestionLog[] = [];
afterAll(() => {
  for (const log of logs.splice(0)) log.close();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "receipts-qlog-"));
  temps.push(dir);
  return dir;
}

/** A clock the test moves by hand. */
export function clock(start = Date.UTC(2026, 5, 1)) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    set: (ms: number) => {
      now = ms;
    },
  };
}

export function openLog(
  dataDir: string,
  options: Partial<Omit<LogOptions, "logger">> & { config?: Partial<QuestionLogConfig> } = {},
) {
  const logger = memoryLogger();
  const log = QuestionLog.open(
    { ...QUESTION_LOG_DEFAULTS, dataDir, ...options.config },
    { logger, flushDelayMs: 60_000, ...options },
  );
  if (!log) throw new Error("the log is off");
  logs.push(log);
  return { log, logger };
}

export function fakeAnswer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: "did Spotify read messages?",
    answered: true,
    decision: "answer",
    notes: [],
    clarifications: [],
    confidence: 0.9,
    topics: [],
    companies: [
      {
        id: "spotify",
        name: "Spotify",
        role: "partner",
        noResponseInSources: false,
        facts: [
          {
            id: "fact-a",
            kind: "reported",
            speaker: "x",
            voice: { who: [], spokesperson: false, how: "article" },
            quote: "q",
            summary: "s",
            summaryNl: "s",
            source: "src",
            language: "en",
          },
        ],
      },
    ],
    groups: [{ kind: "reported", company: { id: "spotify", name: "Spotify" }, facts: ["fact-a"] }],
    short: ["fact-a"],
    sources: [],
    ...overrides,
  };
}

export function event(overrides: Partial<QuestionEvent> = {}): QuestionEvent {
  return {
    via: "slash",
    guildId: "400000000000000001",
    userId: "200000000000000001",
    locale: "en",
    answer: fakeAnswer(),
    engineMs: 1.5,
    ...overrides,
  };
}
