/**
 * The secret key of the question log: 32 random bytes in `<data>/question-log.key`, created on
 * first start with mode 0600. Askers and voters are stored as an HMAC of their Discord user id
 * with it, so the file holds no user id, yet one person's rows can be found (and erased) again.
 * The key is never logged or printed.
 */
import { createHmac, randomBytes } from "node:crypto";
import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SECRET_FILE = "question-log.key";

export type Pseudonym = (userId: string) => string;

/** Reads the key, or creates it (atomically: two shards starting together get the same key). */
export function loadSecret(dataDir: string): Buffer {
  const file = join(dataDir, SECRET_FILE);
  try {
    return parseSecret(readFileSync(file, "utf8"), file);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temp, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  try {
    // link() fails if the file exists: whoever links first wins, the others read theirs.
    linkSync(temp, file);
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
  } finally {
    unlinkSync(temp);
  }
  return parseSecret(readFileSync(file, "utf8"), file);
}

function parseSecret(text: string, file: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new Error(
      `${file} is not a question log key (64 hex digits expected); move it away and a new one is made (the rows kept so far can then no longer be matched to their askers).`,
    );
  }
  return Buffer.from(hex, "hex");
}

/** Pseudonyms remembered per process: members ask again and again, an HMAC costs tens of µs. */
const REMEMBERED = 10_000;

/** The pseudonym function for a key: 128 bits of HMAC-SHA256, base64url. */
export function pseudonymizer(secret: Buffer): Pseudonym {
  const known = new Map<string, string>();
  return (userId) => {
    const seen = known.get(userId);
    if (seen !== undefined) return seen;
    const made = createHmac("sha256", secret).update(userId).digest("base64url").slice(0, 22);
    if (known.size >= REMEMBERED) known.clear();
    known.set(userId, made);
    return made;
  };
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
