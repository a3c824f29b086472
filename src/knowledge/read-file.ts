/**
 * Reads one file of the knowledge folder, refusing what must not be read:
 *
 * - anything that is not a regular file (a named pipe, a device such as /dev/zero, a socket, a
 *   folder). It is opened with O_NONBLOCK, so opening a pipe returns at once instead of waiting
 *   for a writer (a blocked open holds a thread of libuv's pool forever: no timeout can cancel
 *   it), and the open handle is checked with fstat before a byte is read;
 * - a path that resolves (through symbolic links) outside the knowledge folder: a link to
 *   /etc/passwd must not become a "verbatim quote". The folder itself may be a link; the caller
 *   passes its resolved path. O_NOFOLLOW guards against a link swapped in after resolving;
 * - a file larger than `MAX_FILE_BYTES`, before reading it;
 * - text that is not UTF-8, or holds control characters (terminal escape sequences included),
 *   with the line of the first one.
 *
 * A time bound remains, only as a backstop for a disk that stops answering.
 */
import { isUtf8 } from "node:buffer";
import { constants } from "node:fs";
import { type FileHandle, open, realpath } from "node:fs/promises";
import { join, sep } from "node:path";
import { controlCharacterAt } from "./control-characters.js";

/** The largest file read: 10 times a generated file of 500 facts, 20 times the shipped article. */
export const MAX_FILE_BYTES = 8 * 2 ** 20;
/** The most a whole base may hold, files and articles: 4 times the 100,000-fact bench base. */
export const MAX_BASE_BYTES = 256 * 2 ** 20;
/** Backstop: a read that takes longer is reported, not waited for. */
export const READ_TIMEOUT_MS = 30_000;

export type FileRead =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      readonly message: string;
      readonly line?: number;
      readonly missing?: true;
    };

/** What is left of `MAX_BASE_BYTES` while one base is read. */
export interface ReadBudget {
  remaining: number;
}

export function baseBudget(): ReadBudget {
  return { remaining: MAX_BASE_BYTES };
}

/** `root`: the knowledge folder, already resolved with realpath. `file`: relative to it. */
export async function readKnowledgeFile(
  root: string,
  file: string,
  budget?: ReadBudget,
): Promise<FileRead> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<FileRead>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          message: `took more than ${READ_TIMEOUT_MS / 1000} s to read: is the disk answering?`,
        }),
      READ_TIMEOUT_MS,
    );
    timer.unref();
  });
  try {
    return await Promise.race([readChecked(root, file, budget), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function readChecked(root: string, file: string, budget?: ReadBudget): Promise<FileRead> {
  let real: string;
  try {
    real = await realpath(join(root, file));
  } catch (error) {
    return refused(openError(error));
  }
  if (!isInside(root, real)) {
    return refused(
      "is a link that leads outside the knowledge folder: put the file itself in the folder",
    );
  }
  let handle: FileHandle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    return refused(openError(error));
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) return refused("is a folder, not a file");
    if (!stats.isFile()) {
      return refused(
        `is not a regular file (it is ${kindOf(stats)}): only plain files are read; put a file there`,
      );
    }
    if (stats.size > MAX_FILE_BYTES) return refused(tooLarge(stats.size));
    if (budget) {
      if (stats.size > budget.remaining) {
        const mb = MAX_BASE_BYTES / 2 ** 20;
        return refused(
          `is not read: the base's files together pass the ${mb} MB a base may hold; split it into several bases or remove what is not needed`,
        );
      }
      budget.remaining -= stats.size;
    }
    const bytes = await readAtMost(handle, MAX_FILE_BYTES + 1, stats.size);
    if (bytes.length > MAX_FILE_BYTES) return refused(tooLarge(bytes.length));
    return decode(bytes);
  } catch (error) {
    return refused(`cannot be read: ${errorText(error)}`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Is `path` the resolved `root` or inside it? Both resolved. */
export function isInside(root: string, path: string): boolean {
  const base = root.endsWith(sep) ? root : root + sep;
  return path === root || path.startsWith(base);
}

/**
 * The file's bytes, at most `limit`: a file that grew after fstat cannot make it read more.
 * `expected`: its size by fstat, read in one go (one byte more, to see it end).
 */
async function readAtMost(handle: FileHandle, limit: number, expected: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const want = total === 0 ? expected + 1 : 2 ** 16;
    const chunk = Buffer.allocUnsafe(Math.min(limit - total, want));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

/** UTF-8 text without control characters, or the line of the first fault. */
export function decode(bytes: Buffer): FileRead {
  if (!isUtf8(bytes)) {
    const line = firstNonUtf8Line(bytes);
    return refused(
      `is not UTF-8 (line ${line}): save it as UTF-8 in your editor (it may be Latin-1 or Windows-1252)`,
      line,
    );
  }
  const text = bytes.toString("utf8");
  const fault = controlCharacterAt(text);
  if (fault) return refused(fault.message, fault.line);
  return { ok: true, text };
}

/** Line feeds never occur inside a UTF-8 sequence, so each line can be checked alone. */
function firstNonUtf8Line(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    if (!isUtf8(bytes.subarray(start, stop))) return line;
    if (end === -1) break;
    line++;
    start = end + 1;
  }
  return line;
}

function kindOf(stats: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean }) {
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice()) return "a device";
  return "a special file";
}

function tooLarge(bytes: number): string {
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
  return `is ${mb(bytes)}, more than the ${mb(MAX_FILE_BYTES)} one file may hold: split it into several files`;
}

function openError(error: unknown): string | { missing: true } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return { missing: true };
  if (code === "ELOOP")
    return "is a symbolic link that leads to itself (a loop): replace it with the file";
  if (code === "EACCES" || code === "EPERM") return "cannot be read: permission denied";
  if (code === "ENOTDIR") return { missing: true };
  return `cannot be read: ${errorText(error)}`;
}

function refused(reason: string | { missing: true }, line?: number): FileRead {
  if (typeof reason !== "string") return { ok: false, message: "does not exist", missing: true };
  return { ok: false, message: reason, ...(line ? { line } : {}) };
}

/** The error's code and message, without the absolute path Node puts in it. */
function errorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ?? (error instanceof Error ? (error.message.split(",")[0] ?? "") : String(error));
}
