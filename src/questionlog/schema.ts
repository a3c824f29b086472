/**
 * The question log's schema, one migration per version. `PRAGMA user_version` holds the version
 * a file is at; `PRAGMA application_id` marks the file as Receipts' own, so a foreign SQLite
 * file is never taken for an old version of ours and migrated.
 */

/** "RcPt" in ASCII: what `application_id` holds in every question log. */
export const APPLICATION_ID = 0x52635074;

export interface Migration {
  readonly version: number;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      -- One row per question answered (or declined). No Discord user id, name or message id:
      -- asker is an HMAC of the user id with the secret in the data folder.
      CREATE TABLE questions (
        id INTEGER PRIMARY KEY,  -- time-ordered (row-id.ts); also in the vote buttons' custom ids
        asked_at INTEGER NOT NULL,  -- ms since 1970
        guild_id TEXT,  -- null in direct messages
        asker TEXT NOT NULL,
        via TEXT NOT NULL CHECK (via IN ('slash', 'mention', 'menu', 'button')),
        locale TEXT NOT NULL,
        question TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('answered', 'noted', 'asked-back', 'declined')),
        reason TEXT,  -- the engine's reason code (today: its message)
        confidence REAL NOT NULL,
        fact_ids TEXT NOT NULL,  -- JSON array, most relevant first
        engine_ms REAL NOT NULL
      );
      CREATE INDEX questions_by_guild ON questions (guild_id, id);
      CREATE INDEX questions_by_asker ON questions (asker);
      -- One vote per person per answer; a second click changes it.
      CREATE TABLE votes (
        question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        voter TEXT NOT NULL,
        value INTEGER NOT NULL CHECK (value IN (-1, 1)),
        voted_at INTEGER NOT NULL,
        PRIMARY KEY (question_id, voter)
      ) WITHOUT ROWID;
      CREATE INDEX votes_by_voter ON votes (voter);
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
