import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { QUESTION_LOG_DEFAULTS } from "../../src/bot/config.js";
import { memoryLogger } from "../../src/bot/logger.js";
import { DB_FILE, openDatabase } from "../../src/questionlog/open.js";
import { QuestionLog } from "../../src/questionlog/question-log.js";
import { APPLICATION_ID, SCHEMA_VERSION } from "../../src/questionlog/schema.js";
import { SECRET_FILE } from "../../src/questionlog/secret.js";
import { event, fakeAnswer, openLog, tempDir } from "./helpers.js";

describe("opening the file", () => {
  it("creates the folder, the file at the current schema version, in WAL mode", () => {
    const dir = join(tempDir(), "nested", "data");
    const opened = openDatabase(dir);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const db = opened.db;
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma("application_id", { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(["questions", "votes"]);
    db.close();
    // Opening again changes nothing and succeeds.
    const again = openDatabase(dir);
    expect(again.ok && again.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    if (again.ok) again.db.close();
  });

  it("migrates under BEGIN IMMEDIATE: a file locked by another writer is waited for, then refused", () => {
    const dir = tempDir();
    const other = new Database(join(dir, DB_FILE));
    other.exec("BEGIN IMMEDIATE");
    const opened = openDatabase(dir, { startupBusyMs: 50 });
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.problem).toMatch(/locked by another process/);
    other.exec("ROLLBACK");
    other.close();
    const later = openDatabase(dir);
    expect(later.ok).toBe(true);
    if (later.ok) later.db.close();
  });

  it("refuses a corrupt file, says which and why, and leaves it as it is", () => {
    const dir = tempDir();
    const file = join(dir, DB_FILE);
    const garbage = Buffer.alloc(8192, "not a database ");
    writeFileSync(file, garbage);
    const { log, logger } = openLog(dir);
    expect(log.working).toBe(false);
    expect(log.problem).toContain(file);
    expect(log.problem).toMatch(/not a readable SQLite database.*left as it is/);
    expect(logger.lines.filter((l) => l.includes("question log: off"))).toHaveLength(1);
    expect(log.record(event())).toBeUndefined();
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it("refuses a SQLite file that is not a question log, and leaves it as it is", () => {
    const dir = tempDir();
    const file = join(dir, DB_FILE);
    const foreign = new Database(file);
    foreign.exec("CREATE TABLE recipes (name TEXT)");
    foreign.close();
    const before = readFileSync(file);
    const opened = openDatabase(dir);
    expect(!opened.ok && opened.problem).toMatch(/not a Receipts question log/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("refuses a file from a newer schema", () => {
    const dir = tempDir();
    const first = openDatabase(dir);
    if (!first.ok) throw new Error(first.problem);
    first.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    first.db.close();
    const opened = openDatabase(dir);
    expect(!opened.ok && opened.problem).toMatch(/newer Receipts/);
  });

  it("QUESTION_LOG=off creates nothing", () => {
    const dir = join(tempDir(), "data");
    const log = QuestionLog.open(
      { ...QUESTION_LOG_DEFAULTS, dataDir: dir, enabled: false },
      { logger: memoryLogger() },
    );
    expect(log).toBeUndefined();
    expect(existsSync(dir)).toBe(false);
  });
});

describe("what is kept", () => {
  it("keeps the question without mentions, and no user id anywhere in the file", () => {
    const dir = tempDir();
    const { log } = openLog(dir);
    const userId = "212345678901234567";
    const question =
      "did <@!123456789012345678> and <@&223456789012345678> in <#323456789012345678> read messages?";
    const id = log.record(event({ userId, via: "mention", answer: fakeAnswer({ question }) }));
    expect(id).toBeGreaterThan(0);
    expect(log.flushAll()).toBe(true);
    log.close();
    const db = new Database(join(dir, DB_FILE), { readonly: true });
    const row = db.prepare("SELECT * FROM questions").get() as Record<string, unknown>;
    db.close();
    expect(row).toMatchObject({
      id,
      guild_id: "400000000000000001",
      via: "mention",
      locale: "en",
      question: "did and in read messages?",
      decision: "answered",
      reason: null,
      confidence: 0.9,
      fact_ids: '["fact-a"]',
      engine_ms: 1.5,
    });
    expect(row.asker).toMatch(/^[\w-]{22}$/);
    for (const f of [DB_FILE, `${DB_FILE}-wal`]) {
      const path = join(dir, f);
      if (existsSync(path)) expect(readFileSync(path).includes(userId)).toBe(false);
    }
  });

  it("maps the answer to a decision and its reason code: with a note, declined, asked back", () => {
    const { log } = openLog(tempDir());
    log.record(
      event({
        answer: fakeAnswer({
          decision: "answer-with-note",
          notes: [{ code: "unknown-words", words: ["sell"] }],
        }),
      }),
    );
    const declined = { answered: false, companies: [], groups: [] };
    log.record(
      event({
        answer: fakeAnswer({
          ...declined,
          decision: "decline",
          reason: { code: "not-in-sources", subject: "amount" },
        }),
      }),
    );
    log.record(
      event({
        answer: fakeAnswer({ ...declined, decision: "ask-back", reason: { code: "unsure" } }),
      }),
    );
    log.flushAll();
    const rows = log.db
      ?.prepare("SELECT decision, reason, fact_ids FROM questions ORDER BY id")
      .all();
    expect(rows).toEqual([
      { decision: "noted", reason: "unknown-words", fact_ids: '["fact-a"]' },
      { decision: "declined", reason: "not-in-sources", fact_ids: "[]" },
      { decision: "asked-back", reason: "unsure", fact_ids: "[]" },
    ]);
  });

  it("creates the key with mode 0600 and keeps it across restarts (the same pseudonym)", () => {
    const dir = tempDir();
    const first = openLog(dir).log;
    first.record(event());
    first.close();
    const key = join(dir, SECRET_FILE);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const second = openLog(dir).log;
    second.record(event());
    second.flushAll();
    const askers = second.db?.prepare("SELECT DISTINCT asker FROM questions").pluck().all();
    expect(askers).toHaveLength(1);
  });
});
