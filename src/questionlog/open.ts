/**
 * Opens the question log's SQLite file: creates it on first start, refuses a corrupt or foreign
 * file (never deleting or overwriting it), switches it to WAL, and brings its schema up to date
 * in a `BEGIN IMMEDIATE` transaction, so two shards starting together cannot both migrate.
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from "./schema.js";

export type DB = Database.Database;

export const DB_FILE = "receipts.sqlite";

export type Opened =
  | { readonly ok: true; readonly db: DB; readonly file: string }
  | { readonly ok: false; readonly file: string; readonly problem: string };

export interface OpenOptions {
  /** Read only, the file must exist (the CLI). */
  readonly readonly?: boolean;
  /** How long start-up waits for another process's lock; default 5 s. Writes later wait 0. */
  readonly startupBusyMs?: number;
}

export function dbFile(dataDir: string): string {
  return resolve(dataDir, DB_FILE);
}

export function openDatabase(dataDir: string, options: OpenOptions = {}): Opened {
  const file = dbFile(dataDir);
  const fail = (problem: string): Opened => ({ ok: false, file, problem });
  let db: DB;
  try {
    if (!options.readonly) mkdirSync(resolve(dataDir), { recursive: true });
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      timeout: options.startupBusyMs ?? 5000,
    });
  } catch (error) {
    return fail(describeOpenError(error, file, dataDir));
  }
  try {
    checkOwnership(db, file);
    if (!options.readonly) {
      // WAL: readers never wait for the writer, and shards' writes queue briefly, not block.
      db.pragma("journal_mode = WAL");
      migrate(db, file);
      db.pragma("synchronous = NORMAL");
    } else if (version(db) !== SCHEMA_VERSION) {
      throw new Error(
        `${file} is at schema version ${version(db)}, this Receipts reads ${SCHEMA_VERSION}: start the bot once to migrate it, or use the matching Receipts.`,
      );
    }
    db.pragma("foreign_keys = ON");
    // Nothing after start-up waits for a lock: a busy file fails fast and the write is retried.
    db.pragma("busy_timeout = 0");
    return { ok: true, db, file };
  } catch (error) {
    db.close();
    return fail(describeError(error, file));
  }
}

function version(db: DB): number {
  return Number(db.pragma("user_version", { simple: true }));
}

/** Throws when the file is not a question log of ours (an empty new file is). */
function checkOwnership(db: DB, file: string): void {
  const appId = Number(db.pragma("application_id", { simple: true }));
  const tables = Number(db.prepare("SELECT count(*) FROM sqlite_master").pluck().get());
  if (appId === APPLICATION_ID) {
    if (version(db) > SCHEMA_VERSION) {
      throw new Error(
        `${file} was written by a newer Receipts (schema ${version(db)}, this one knows ${SCHEMA_VERSION}): run the newer Receipts, or set DATA_DIR to another folder.`,
      );
    }
    return;
  }
  if (appId !== 0 || tables > 0) {
    throw new Error(
      `${file} is a SQLite database but not a Receipts question log; it was left as it is. Move it away or set DATA_DIR to another folder.`,
    );
  }
}

function migrate(db: DB, file: string): void {
  if (version(db) === SCHEMA_VERSION) return;
  db.transaction(() => {
    // Read again inside the lock: another shard may have migrated meanwhile.
    const from = version(db);
    for (const m of MIGRATIONS) {
      if (m.version <= from) continue;
      try {
        db.exec(m.sql);
      } catch (error) {
        throw new Error(
          `${file}: migration to schema version ${m.version} failed: ${String(error)}`,
        );
      }
      db.pragma(`user_version = ${m.version}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  }).immediate();
}

/** SQLite's error code, like SQLITE_BUSY, or undefined for other errors. */
export function sqliteCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    return error.code.startsWith("SQLITE_") ? error.code : undefined;
  }
  return undefined;
}

function describeOpenError(error: unknown, file: string, dataDir: string): string {
  const code = error && typeof error === "object" && "code" in error ? String(error.code) : "";
  if (code === "EACCES" || code === "EROFS" || code === "EPERM") {
    return `cannot create ${resolve(dataDir)} (${code}): make the folder writable or set DATA_DIR to one that is.`;
  }
  if (code === "ENOTDIR" || code === "EEXIST") {
    return `cannot create ${resolve(dataDir)}: something that is not a folder is in the way. Set DATA_DIR to a folder.`;
  }
  return describeError(error, file);
}

/** What went wrong with the file, and what to do, in one line. */
export function describeError(error: unknown, file: string): string {
  const code = sqliteCode(error) ?? "";
  const message = error instanceof Error ? error.message : String(error);
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT")) {
    return `${file} is not a readable SQLite database (${message}); it was left as it is. Move it away (a new one is made) or restore it from a backup.`;
  }
  if (code.startsWith("SQLITE_CANTOPEN")) {
    return `cannot open ${file} (${message}): check that the folder exists and is writable, or set DATA_DIR.`;
  }
  if (code.startsWith("SQLITE_READONLY")) {
    return `${file} is read-only (${message}): make it and its folder writable, or set DATA_DIR.`;
  }
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return `${file} is locked by another process (${message}): stop whatever holds it (a sqlite3 shell?) and restart.`;
  }
  if (code === "SQLITE_FULL") return `the disk holding ${file} is full: free some space.`;
  return `${file}: ${message}`;
}
