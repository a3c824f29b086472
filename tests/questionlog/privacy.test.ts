import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { DB_FILE } from "../../src/questionlog/open.js";
import { rowIdFloor } from "../../src/questionlog/row-id.js";
import { clock, event, openLog, tempDir } from "./helpers.js";

const DAY = 86_400_000;
const ALICE = "200000000000000001";
const BOB = "200000000000000002";

function count(log: ReturnType<typeof openLog>["log"], sql: string): number {
  return Number(log.db?.prepare(sql).pluck().get());
}

describe("votes", () => {
  it("keeps one vote per person per answer, and a second click changes it", () => {
    const { log } = openLog(tempDir());
    const id = log.record(event()) ?? 0;
    expect(log.vote(id, ALICE, 1)).toBe("ok");
    expect(log.vote(id, ALICE, -1)).toBe("ok");
    expect(log.vote(id, BOB, 1)).toBe("ok");
    log.flushAll();
    expect(log.db?.prepare("SELECT value FROM votes ORDER BY value").pluck().all()).toEqual([
      -1, 1,
    ]);
    // Written first, voted on after: still one row per person.
    expect(log.vote(id, BOB, 1)).toBe("ok");
    log.flushAll();
    expect(count(log, "SELECT count(*) FROM votes")).toBe(2);
  });

  it("says a vote on an answer older than the retention period is too old, and an unknown one unknown", () => {
    const c = clock();
    const { log } = openLog(tempDir(), { now: c.now, config: { days: 7 } });
    const id = log.record(event()) ?? 0;
    log.flushAll();
    c.advance(8 * DAY);
    expect(log.vote(id, ALICE, 1)).toBe("expired");
    expect(log.vote(rowIdFloor(c.now()) + 5, ALICE, 1)).toBe("unknown");
    expect(log.vote(-3, ALICE, 1)).toBe("unavailable");
  });
});

describe("/privacy forget", () => {
  it("deletes a user's questions and votes, written or still queued, and says how many", async () => {
    const { log } = openLog(tempDir());
    const a1 = log.record(event({ userId: ALICE })) ?? 0;
    const b1 = log.record(event({ userId: BOB })) ?? 0;
    log.vote(a1, ALICE, 1);
    log.vote(b1, ALICE, -1);
    log.vote(a1, BOB, 1);
    log.flushAll();
    log.record(event({ userId: ALICE })); // still queued
    expect(await log.forget(ALICE)).toEqual({ questions: 2, votes: 2 });
    log.flushAll();
    expect(count(log, "SELECT count(*) FROM questions")).toBe(1);
    expect(log.db?.prepare("SELECT question_id FROM votes").pluck().all()).toEqual([]);
    // Bob's question is untouched (his own vote went with Alice's question).
    expect(log.db?.prepare("SELECT id FROM questions").pluck().all()).toEqual([b1]);
    expect(await log.forget(ALICE)).toEqual({ questions: 0, votes: 0 });
  });

  it("deletes in batches: a heavy user's 1,200 rows all go", async () => {
    const { log } = openLog(tempDir());
    for (let i = 0; i < 1200; i++) log.record(event({ userId: ALICE }));
    log.flushAll();
    expect(await log.forget(ALICE)).toEqual({ questions: 1200, votes: 0 });
    expect(count(log, "SELECT count(*) FROM questions")).toBe(0);
  });
});

describe("retention", () => {
  it("purges questions (and their votes) older than QUESTION_LOG_DAYS, with a controlled clock", async () => {
    const c = clock();
    const { log } = openLog(tempDir(), { now: c.now, config: { days: 30 } });
    const old = log.record(event()) ?? 0;
    log.vote(old, ALICE, -1);
    c.advance(20 * DAY);
    const kept = log.record(event()) ?? 0;
    log.flushAll();
    c.advance(5 * DAY);
    expect(await log.purge()).toBe(0);
    c.advance(6 * DAY); // the first is 31 days old, the second 11
    expect(await log.purge()).toBe(1);
    expect(log.db?.prepare("SELECT id FROM questions").pluck().all()).toEqual([kept]);
    expect(count(log, "SELECT count(*) FROM votes")).toBe(0);
  });

  it("caps the table at QUESTION_LOG_MAX_ROWS, oldest first", async () => {
    const c = clock();
    const { log } = openLog(tempDir(), { now: c.now, config: { maxRows: 1000 } });
    const ids: number[] = [];
    for (let i = 0; i < 1700; i++) {
      ids.push(log.record(event()) ?? 0);
      c.advance(1000);
    }
    log.flushAll();
    expect(await log.purge()).toBe(700);
    const left = log.db?.prepare("SELECT id FROM questions ORDER BY id").pluck().all();
    expect(left).toEqual(ids.slice(700));
  });
});

describe("a file another process holds", () => {
  it("keeps the writes queued, logs one line, stops offering votes, and catches up when released", () => {
    const dir = tempDir();
    const { log, logger } = openLog(dir);
    const other = new Database(join(dir, DB_FILE));
    other.exec("BEGIN IMMEDIATE");
    log.record(event());
    expect(log.flushBatch()).toBe(false);
    log.record(event());
    expect(log.flushBatch()).toBe(false);
    expect(log.working).toBe(false);
    expect(log.pending).toBe(2);
    expect(log.failures.count("locked")).toBe(2);
    expect(logger.lines.filter((l) => l.includes("cannot write (locked)"))).toHaveLength(1);
    other.exec("COMMIT");
    other.close();
    expect(log.flushBatch()).toBe(true);
    expect(log.working).toBe(true);
    expect(count(log, "SELECT count(*) FROM questions")).toBe(2);
    expect(logger.lines.filter((l) => l.includes("writing again"))).toHaveLength(1);
  });

  it("drops the oldest writes past its cap and counts them", () => {
    const dir = tempDir();
    const { log } = openLog(dir, { maxPending: 10 });
    const other = new Database(join(dir, DB_FILE));
    other.exec("BEGIN IMMEDIATE");
    for (let i = 0; i < 15; i++) log.record(event());
    expect(log.pending).toBe(10);
    expect(log.failures.count("dropped")).toBe(5);
    other.exec("ROLLBACK");
    other.close();
  });
});
