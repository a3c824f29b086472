/**
 * The bot's logger: pino, writing one line per event, `time LEVEL message key=value...`, debug and
 * info to standard output, warnings and errors to standard error.
 *
 * Why pino and not console writes: it writes asynchronously through sonic-boom destinations,
 * which report a failed write as an `error` event instead of throwing, so a lost log stream (a
 * log shipper restarting, `npm start | tee` losing its reader) can never throw into the handler
 * that reports errors. A destination that fails is given up: its later lines are dropped and
 * counted, one warning goes to the other stream, and the bot goes on answering. (The old
 * hand-made logger wrote with `process.stdout.write`; an EPIPE became an uncaught exception,
 * whose report hit EPIPE again, and so on.)
 *
 * pino serialises a line as JSON; the destination turns it into the documented text line. Every
 * line is scrubbed of the bot token (and of anything shaped like one, interaction tokens in URLs
 * and URL credentials) after it is formatted, message text included: pino's `redact` only covers
 * known key paths, which it also does here.
 */
import { type DestinationStream, type Logger as PinoLogger, pino } from "pino";
import type { LogLevel } from "./config.js";

export type LogFields = Readonly<Record<string, unknown>>;

export interface LogStats {
  /** Lines dropped: their stream was gone, or its buffer full. */
  readonly dropped: number;
  /** Writes the operating system refused (each gives a stream up). */
  readonly writeErrors: number;
  /** The streams given up, like "standard output". */
  readonly lost: readonly string[];
}

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /**
   * Writes out what is buffered and stops writing (call just before exiting; later lines are
   * dropped). Resolves when done, or when a stream fails; a stuck reader can keep it waiting, so
   * callers bound the wait.
   */
  end(): Promise<void>;
  stats(): LogStats;
}

export interface LoggerOptions {
  readonly level?: LogLevel;
  /** Strings never to print (the token). */
  readonly secrets?: readonly string[];
  /** Where lines go; default standard error for warnings and errors, standard output otherwise. */
  readonly write?: (line: string, level: LogLevel) => void;
  readonly now?: () => Date;
  /** Fields on every line, e.g. which shard process wrote it. */
  readonly context?: LogFields;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const REDACTED = "[redacted]";
/** Bot-token-shaped strings: three base64url parts, the first a base64 user id. */
const TOKEN_LIKE = /[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{20,}/g;
/** Interaction and webhook tokens inside REST paths. */
const PATH_TOKEN = /\/(interactions\/\d+|webhooks\/\d+)\/[A-Za-z0-9_.-]{20,}/g;
/** The user name and password of a URL (`https://user:password@host/`). */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;
/** Keys whose values are secrets wherever they appear (pino's redact, by path). */
const SECRET_PATHS = ["token", "*.token", "authorization", "*.authorization", "*.*.authorization"];
/** A stream's buffer beyond this (a reader that stopped reading) drops lines rather than grow. */
const MAX_BUFFER_BYTES = 4 * 1024 * 1024;

export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  const now = options.now ?? (() => new Date());
  const sink = options.write ? memorySink(options.write) : standardStreams();
  const destination: DestinationStream = {
    write: (json: string) => {
      // Nothing here may throw: this runs inside the handlers that report errors.
      try {
        const { line, level } = formatLine(json);
        sink.write(redact(line, secrets), level);
      } catch {
        sink.dropped();
      }
    },
  };
  const logger: PinoLogger<never, boolean> = pino(
    {
      level: options.level ?? "info",
      base: options.context ? { ...options.context } : null,
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }), log: describeErrors },
      redact: { paths: SECRET_PATHS, censor: REDACTED },
    },
    destination,
  );
  const log = (level: LogLevel, message: string, fields?: LogFields) => {
    try {
      if (fields) logger[level]({ ...fields }, message);
      else logger[level](message);
    } catch {
      sink.dropped();
    }
  };
  return {
    debug: (m, f) => log("debug", m, f),
    info: (m, f) => log("info", m, f),
    warn: (m, f) => log("warn", m, f),
    error: (m, f) => log("error", m, f),
    end: () => sink.end(),
    stats: () => sink.stats(),
  };
}

/** A logger that keeps its lines, for tests. */
export function memoryLogger(
  options: Omit<LoggerOptions, "write"> = {},
): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(
    createLogger({ level: "debug", ...options, write: (line) => lines.push(line) }),
    { lines },
  );
}

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out
    .replace(TOKEN_LIKE, REDACTED)
    .replace(PATH_TOKEN, `/$1/${REDACTED}`)
    .replace(URL_CREDENTIALS, `$1${REDACTED}@`);
}

interface Sink {
  write(line: string, level: LogLevel): void;
  dropped(): void;
  end(): Promise<void>;
  stats(): LogStats;
}

function memorySink(write: (line: string, level: LogLevel) => void): Sink {
  let dropped = 0;
  return {
    write: (line, level) => {
      try {
        write(line, level);
      } catch {
        dropped++;
      }
    },
    dropped: () => {
      dropped++;
    },
    end: () => Promise.resolve(),
    stats: () => ({ dropped, writeErrors: 0, lost: [] }),
  };
}

/** Standard output and standard error as sonic-boom destinations, each given up on failure. */
function standardStreams(): Sink {
  const counts = { dropped: 0, writeErrors: 0 };
  const onLost = (lost: LogStream, code: string) => {
    // One line, on the other stream if it still works, so someone can see why the logs stopped.
    const other = lost === out ? err : out;
    const after =
      lost === err
        ? "warnings and errors go to standard output from now on"
        : "debug and info lines are dropped from now on";
    other.write(
      `${new Date().toISOString()} WARN writing log lines to ${lost.name} failed (${code}): ${after}\n`,
    );
  };
  const out = new LogStream(1, "standard output", counts, onLost);
  const err = new LogStream(2, "standard error", counts, onLost);
  return {
    // Warnings and errors matter most: if standard error is gone, they go to standard output.
    write: (line, level) =>
      (ORDER[level] >= ORDER.warn && !err.lost ? err : out).write(`${line}\n`),
    dropped: () => {
      counts.dropped++;
    },
    // Standard output first: if it fails on the way, standard error can still say so.
    end: async () => {
      await out.end();
      await err.end();
    },
    stats: () => ({ ...counts, lost: [out, err].filter((s) => s.lost).map((s) => s.name) }),
  };
}

/** One file descriptor written through sonic-boom; given up (and its lines dropped) on failure. */
class LogStream {
  lost = false;
  #ended: Promise<void> | undefined;
  readonly #boom;

  constructor(
    fd: number,
    readonly name: string,
    private readonly counts: { dropped: number; writeErrors: number },
    onLost: (stream: LogStream, code: string) => void,
  ) {
    this.#boom = pino.destination({
      dest: fd,
      sync: false,
      maxLength: MAX_BUFFER_BYTES,
    });
    this.#boom.on("error", (error: NodeJS.ErrnoException) => {
      counts.writeErrors++;
      if (this.lost) return;
      this.lost = true;
      onLost(this, error.code ?? error.message);
    });
    this.#boom.on("drop", () => {
      counts.dropped++;
    });
  }

  write(text: string): void {
    if (this.lost) {
      this.counts.dropped++;
      return;
    }
    try {
      this.#boom.write(text);
    } catch {
      this.counts.dropped++;
    }
  }

  /**
   * Writes out the buffer and stops. Asynchronously, and not with sonic-boom's flushSync, which
   * retries a failed write forever when the failure is not EAGAIN (EPIPE included).
   */
  end(): Promise<void> {
    this.#ended ??= new Promise<void>((resolve) => {
      if (this.lost) return resolve();
      this.#boom.once("close", () => resolve());
      this.#boom.once("error", () => resolve());
      try {
        this.#boom.end();
      } catch {
        resolve();
      }
    });
    return this.#ended;
  }
}

/** pino's `log` formatter: errors anywhere in the fields become their readable description. */
function describeErrors(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? describeError(value) : value;
  }
  return out;
}

function describeError(error: Error): string {
  const status = "status" in error ? ` (status ${String(error.status)})` : "";
  const head = `${error.name}: ${error.message}`;
  const stack = error.stack ?? "";
  // A stack starts with the name and message already: say them once.
  const trace = stack.startsWith(head) ? stack.slice(head.length) : `\n${stack}`;
  return `${head}${status}${trace}`;
}

/** pino's JSON line as `time LEVEL message key=value...`, on one line. */
function formatLine(json: string): { line: string; level: LogLevel } {
  const { level, time, msg, ...fields } = JSON.parse(json) as Record<string, unknown>;
  const label = (typeof level === "string" && level in ORDER ? level : "info") as LogLevel;
  const message = oneLine(typeof msg === "string" ? msg : "");
  return {
    line: `${String(time)} ${label.toUpperCase()} ${message}${formatFields(fields)}`,
    level: label,
  };
}

/** Control characters (line breaks, terminal escapes) shown escaped: one event, one line. */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what is escaped
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

function formatFields(fields: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    parts.push(`${key}=${formatValue(value)}`);
  }
  return parts.length > 0 ? ` ${parts.join(" ")}` : "";
}

function formatValue(value: unknown): string {
  if (typeof value === "string") return /^[\w.:/@-]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? String(value);
}
