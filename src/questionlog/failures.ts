/**
 * Kinds of write failure, each counted and logged once (with what to do), so a locked or full
 * disk gives one clear line, not one per question.
 */
import type { Logger } from "../bot/logger.js";
import { describeError, sqliteCode } from "./open.js";

export type FailureKind =
  | "locked"
  | "read-only"
  | "disk full"
  | "corrupt"
  | "io"
  | "rejected"
  | "dropped"
  | "other";

export function classify(error: unknown): FailureKind {
  const code = sqliteCode(error) ?? "";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "locked";
  if (code.startsWith("SQLITE_READONLY")) return "read-only";
  if (code === "SQLITE_FULL") return "disk full";
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) return "corrupt";
  if (code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN")) return "io";
  if (code.startsWith("SQLITE_CONSTRAINT")) return "rejected";
  return "other";
}

export class Failures {
  readonly #counts = new Map<FailureKind, number>();
  readonly #logger: Logger;
  readonly #file: string;

  constructor(logger: Logger, file: string) {
    this.#logger = logger;
    this.#file = file;
  }

  /** Counts a failure; the first of each kind is logged. */
  add(kind: FailureKind, error: unknown, fields: Record<string, unknown> = {}, n = 1): void {
    const before = this.#counts.get(kind) ?? 0;
    this.#counts.set(kind, before + n);
    if (before > 0) return;
    const what =
      kind === "dropped"
        ? `too many writes waiting; the oldest are dropped (the log is behind: ${describeError(error, this.#file)})`
        : describeError(error, this.#file);
    this.#logger.warn(`question log: cannot write (${kind}); answering goes on: ${what}`, {
      file: this.#file,
      ...fields,
    });
  }

  count(kind: FailureKind): number {
    return this.#counts.get(kind) ?? 0;
  }

  get total(): number {
    let n = 0;
    for (const v of this.#counts.values()) n += v;
    return n;
  }

  snapshot(): Readonly<Partial<Record<FailureKind, number>>> {
    return Object.fromEntries(this.#counts);
  }
}
