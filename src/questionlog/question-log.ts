/**
 * The question log: what members asked and how it was answered, and their votes, in SQLite.
 * Writing never delays or breaks an answer: `record` and `vote` only queue, a timer writes the
 * queue in small `BEGIN IMMEDIATE` batches with a busy timeout of 0, and a batch that cannot be
 * written (locked, read-only, full, corrupt) stays queued and is retried later, its failure
 * counted and logged once per kind.
 */
import type { Statement } from "better-sqlite3";
import type { QuestionLogConfig } from "../bot/config.js";
import type { Logger } from "../bot/logger.js";
import type { Answer } from "../engine/index.js";
import { classify, Failures } from "./failures.js";
import { type DB, dbFile, describeError, openDatabase } from "./open.js";
import { answerToRow, keptQuestion, type QuestionRow, type Via } from "./row.js";
import { isRowId, newRowId, rowIdFloor, timeOfRowId } from "./row-id.js";
import { loadSecret, type Pseudonym, pseudonymizer } from "./secret.js";

export interface QuestionEvent {
  readonly via: Via;
  readonly guildId: string | null;
  readonly userId: string;
  readonly locale: string;
  readonly answer: Answer;
  readonly engineMs: number;
}

export type VoteValue = 1 | -1;
export type VoteResult = "ok" | "expired" | "unknown" | "unavailable";

export interface Forgotten {
  readonly questions: number;
  readonly votes: number;
}

export interface LogOptions {
  readonly logger: Logger;
  readonly now?: () => number;
  /** Operations per write transaction; default 500 (a few milliseconds). */
  readonly batchSize?: number;
  /** Wait before writing what was queued, so the reply goes out first; default 100 ms. */
  readonly flushDelayMs?: number;
  /** Most operations kept while the file cannot be written; then the oldest are dropped. */
  readonly maxPending?: number;
}

type Op =
  | { readonly kind: "question"; readonly row: QuestionRow }
  | {
      readonly kind: "vote";
      readonly questionId: number;
      readonly voter: string;
      readonly value: VoteValue;
      readonly at: number;
    };

const DAY_MS = 86_400_000;
const MAX_BACKOFF_MS = 10_000;
/** Rows deleted per statement by the purge and by /privacy forget. */
export const DELETE_BATCH = 500;

export class QuestionLog {
  readonly file: string;
  readonly config: QuestionLogConfig;
  /** Why the log is not running, when it is not (a corrupt file, a read-only folder). */
  readonly problem: string | undefined;
  readonly failures: Failures;
  readonly #db: DB | undefined;
  readonly #pseudonym: Pseudonym | undefined;
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #batchSize: number;
  readonly #flushDelayMs: number;
  readonly #maxPending: number;
  readonly #pending: Op[] = [];
  readonly #pendingIds = new Set<number>();
  #timer: NodeJS.Timeout | undefined;
  #purgeTimer: NodeJS.Timeout | undefined;
  #backoffMs = 0;
  #healthy = true;
  #closed = false;
  #written = 0;
  readonly #write: (ops: readonly Op[]) => void;
  readonly #exists: Statement<[number], number> | undefined;

  /** Opens the log, or returns undefined when `QUESTION_LOG=off` (then no file is created). */
  static open(config: QuestionLogConfig, options: LogOptions): QuestionLog | undefined {
    if (!config.enabled) return undefined;
    return new QuestionLog(config, options);
  }

  private constructor(config: QuestionLogConfig, options: LogOptions) {
    this.config = config;
    this.#logger = options.logger;
    this.#now = options.now ?? Date.now;
    this.#batchSize = options.batchSize ?? 500;
    this.#flushDelayMs = options.flushDelayMs ?? 100;
    this.#maxPending = options.maxPending ?? 50_000;
    this.file = dbFile(config.dataDir);
    this.failures = new Failures(this.#logger, this.file);
    const opened = openDatabase(config.dataDir);
    let problem = opened.ok ? undefined : opened.problem;
    let db = opened.ok ? opened.db : undefined;
    if (db) {
      try {
        this.#pseudonym = pseudonymizer(loadSecret(config.dataDir));
      } catch (error) {
        problem = `cannot read or create the question log's key in ${config.dataDir}: ${error instanceof Error ? error.message : String(error)}`;
        db.close();
        db = undefined;
      }
    }
    this.problem = problem;
    this.#db = db;
    if (!db) {
      this.#logger.error(`question log: off for this run: ${problem}`, { file: this.file });
      this.#write = () => undefined;
      return;
    }
    const insertQuestion = db.prepare(
      `INSERT OR IGNORE INTO questions (id, asked_at, guild_id, asker, via, locale, question,
        decision, reason, confidence, fact_ids, engine_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // A vote on a question no longer kept (purged, forgotten) is dropped, not an error.
    const upsertVote = db.prepare(
      `INSERT INTO votes (question_id, voter, value, voted_at)
       SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM questions WHERE id = ?)
       ON CONFLICT (question_id, voter) DO UPDATE SET value = excluded.value, voted_at = excluded.voted_at`,
    );
    this.#exists = db.prepare<[number], number>("SELECT 1 FROM questions WHERE id = ?").pluck();
    const batch = db.transaction((ops: readonly Op[]) => {
      for (const op of ops) {
        if (op.kind === "question") {
          const r = op.row;
          insertQuestion.run(
            r.id,
            r.askedAt,
            r.guildId,
            r.asker,
            r.via,
            r.locale,
            r.question,
            r.decision,
            r.reason,
            r.confidence,
            JSON.stringify(r.factIds),
            r.engineMs,
          );
        } else {
          upsertVote.run(op.questionId, op.voter, op.value, op.at, op.questionId);
        }
      }
    });
    this.#write = (ops) => batch.immediate(ops);
    this.#logger.info("question log: open", { file: this.file, days: config.days });
  }

  /** Whether questions are kept and votes taken right now (the 👍/👎 buttons show only then). */
  get working(): boolean {
    return this.#db !== undefined && this.#healthy && !this.#closed;
  }

  /** Open (even if a write is failing at the moment). */
  get available(): boolean {
    return this.#db !== undefined && !this.#closed;
  }

  /** Operations queued, not yet written. */
  get pending(): number {
    return this.#pending.length;
  }

  /** Operations written since start. */
  get written(): number {
    return this.#written;
  }

  /** Queues a question; returns its row id (for the vote buttons), or undefined when off. */
  record(event: QuestionEvent): number | undefined {
    if (!this.available || !this.#pseudonym) return undefined;
    const askedAt = this.#now();
    const row: QuestionRow = {
      id: newRowId(askedAt),
      askedAt,
      guildId: event.guildId,
      asker: this.#pseudonym(event.userId),
      via: event.via,
      locale: event.locale,
      question: keptQuestion(event.answer),
      engineMs: Math.round(event.engineMs * 1000) / 1000,
      ...answerToRow(event.answer),
    };
    this.#enqueue({ kind: "question", row });
    this.#pendingIds.add(row.id);
    return row.id;
  }

  /** Queues a vote (one per person per answer; a second one replaces the first). */
  vote(questionId: number, userId: string, value: VoteValue): VoteResult {
    if (!this.available || !this.#pseudonym || !isRowId(questionId)) return "unavailable";
    const now = this.#now();
    if (timeOfRowId(questionId) < now - this.config.days * DAY_MS) return "expired";
    if (!this.#pendingIds.has(questionId) && !this.#known(questionId)) return "unknown";
    this.#enqueue({ kind: "vote", questionId, voter: this.#pseudonym(userId), value, at: now });
    return "ok";
  }

  /** Whether the question is in the file; when the file cannot be read now, assume it is. */
  #known(id: number): boolean {
    try {
      return this.#exists?.get(id) !== undefined;
    } catch {
      return true;
    }
  }

  #enqueue(op: Op): void {
    this.#pending.push(op);
    if (this.#pending.length > this.#maxPending) {
      const dropped = this.#pending.splice(0, this.#pending.length - this.#maxPending);
      for (const d of dropped) if (d.kind === "question") this.#pendingIds.delete(d.row.id);
      this.failures.add("dropped", new Error("the queue is full"), {}, dropped.length);
    }
    this.#schedule(this.#flushDelayMs);
  }

  #schedule(ms: number): void {
    if (this.#timer || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flushLoop();
    }, ms);
    this.#timer.unref();
  }

  /** Writes one batch; more batches follow on later turns, so nothing runs long. */
  #flushLoop(): void {
    if (!this.flushBatch()) {
      this.#backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(250, this.#backoffMs * 2));
      this.#schedule(this.#backoffMs);
      return;
    }
    this.#backoffMs = 0;
    if (this.#pending.length > 0) this.#schedule(0);
  }

  /** Tries to write the next batch now; false when the file refused it. */
  flushBatch(): boolean {
    if (!this.#db || this.#pending.length === 0) return true;
    const batch = this.#pending.slice(0, this.#batchSize);
    try {
      this.#write(batch);
    } catch (error) {
      const kind = classify(error);
      this.failures.add(kind, error, { pending: this.#pending.length });
      if (kind === "rejected") this.#take(batch.length);
      if (this.#healthy) this.#healthy = false;
      return kind === "rejected";
    }
    this.#take(batch.length);
    this.#written += batch.length;
    if (!this.#healthy) {
      this.#healthy = true;
      this.#logger.info("question log: writing again", {
        file: this.file,
        pending: this.#pending.length,
      });
    }
    return true;
  }

  #take(n: number): void {
    for (const op of this.#pending.splice(0, n)) {
      if (op.kind === "question") this.#pendingIds.delete(op.row.id);
    }
  }

  /** Writes everything queued, batch by batch; false if the file refused one. */
  flushAll(): boolean {
    while (this.#pending.length > 0) if (!this.flushBatch()) return false;
    return true;
  }

  /**
   * Deletes everything kept about a user: their questions and votes (matched by pseudonym),
   * queued or written. Undefined when the log is not running or the file stays locked.
   */
  async forget(userId: string): Promise<Forgotten | undefined> {
    const db = this.#db;
    if (!db || !this.#pseudonym || this.#closed) return undefined;
    const me = this.#pseudonym(userId);
    let questions = 0;
    let votes = 0;
    for (let i = this.#pending.length - 1; i >= 0; i--) {
      const op = this.#pending[i];
      if (op?.kind === "question" && op.row.asker === me) {
        questions++;
        this.#pendingIds.delete(op.row.id);
        this.#pending.splice(i, 1);
      } else if (op?.kind === "vote" && op.voter === me) {
        votes++;
        this.#pending.splice(i, 1);
      }
    }
    // Own votes first: deleting the questions cascades to votes on them, which would hide some.
    const deleteVotes = db.prepare(
      `DELETE FROM votes WHERE (question_id, voter) IN
        (SELECT question_id, voter FROM votes WHERE voter = ? LIMIT ${DELETE_BATCH})`,
    );
    const deleteQuestions = db.prepare(
      `DELETE FROM questions WHERE id IN
        (SELECT id FROM questions WHERE asker = ? LIMIT ${DELETE_BATCH})`,
    );
    const v = await this.#deleteInBatches(() => deleteVotes.run(me).changes);
    const q =
      v === undefined
        ? undefined
        : await this.#deleteInBatches(() => deleteQuestions.run(me).changes);
    if (v === undefined || q === undefined) return undefined;
    return { questions: questions + q, votes: votes + v };
  }

  /**
   * Runs a batch delete until it deletes nothing, yielding between batches; a locked file is
   * retried for up to about 3 s. Undefined when it stayed locked or failed.
   */
  async #deleteInBatches(step: () => number): Promise<number | undefined> {
    let total = 0;
    let retries = 0;
    for (;;) {
      let n: number;
      try {
        n = step();
      } catch (error) {
        if (classify(error) === "locked" && retries++ < 30) {
          await sleep(100);
          continue;
        }
        this.failures.add(classify(error), error);
        return undefined;
      }
      total += n;
      if (n < DELETE_BATCH) return total;
      await sleep(0);
    }
  }

  /**
   * Deletes questions older than the retention period and, past the row cap, the oldest, in
   * small batches. Returns how many were deleted, or undefined when the file refused.
   */
  async purge(): Promise<number | undefined> {
    const db = this.#db;
    if (!db || this.#closed) return undefined;
    const cutoff = rowIdFloor(this.#now() - this.config.days * DAY_MS);
    const old = db.prepare(
      `DELETE FROM questions WHERE id IN
        (SELECT id FROM questions WHERE id < ? ORDER BY id LIMIT ${DELETE_BATCH})`,
    );
    const byAge = await this.#deleteInBatches(() => old.run(cutoff).changes);
    if (byAge === undefined) return undefined;
    let capId: number | undefined;
    try {
      // The newest row past the cap: it and everything older go.
      capId = db
        .prepare<[number], number>("SELECT id FROM questions ORDER BY id DESC LIMIT 1 OFFSET ?")
        .pluck()
        .get(this.config.maxRows);
    } catch (error) {
      this.failures.add(classify(error), error);
      return undefined;
    }
    if (capId === undefined) return byAge;
    const over = await this.#deleteInBatches(() => old.run(capId + 1).changes);
    return over === undefined ? undefined : byAge + over;
  }

  /** Purges now and then daily, logging what went. */
  startPurging(): void {
    const run = () => {
      this.purge().then(
        (n) => {
          if (n) this.#logger.info("question log: purged old questions", { deleted: n });
        },
        (error: unknown) => this.#logger.warn("question log: purge failed", { error }),
      );
    };
    run();
    this.#purgeTimer = setInterval(run, DAY_MS);
    this.#purgeTimer.unref();
  }

  /** The open database for the reports, or undefined. */
  get db(): DB | undefined {
    return this.#closed ? undefined : this.#db;
  }

  /** Writes what is queued (waiting up to 1 s for a lock) and closes the file. */
  close(): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    clearInterval(this.#purgeTimer);
    if (this.#db) {
      try {
        this.#db.pragma("busy_timeout = 1000");
        if (!this.flushAll()) {
          this.#logger.warn("question log: closing with writes not done", {
            pending: this.#pending.length,
          });
        }
        this.#db.close();
      } catch (error) {
        this.#logger.warn(`question log: ${describeError(error, this.file)}`);
      }
    }
    this.#closed = true;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
