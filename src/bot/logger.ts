/**
 * A small levelled logger: one line per event, `time LEVEL message key=value...`. Every line is
 * scrubbed of the bot token (and of anything shaped like one, and of interaction tokens in URLs)
 * before it is written, so no code path can print a secret by accident.
 */
import type { LogLevel } from "./config.js";

export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  readonly level?: LogLevel;
  /** Strings never to print (the token). */
  readonly secrets?: readonly string[];
  /** Where lines go; default stderr for warnings and errors, stdout otherwise. */
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

export function createLogger(options: LoggerOptions = {}): Logger {
  const min = ORDER[options.level ?? "info"];
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  const now = options.now ?? (() => new Date());
  const write =
    options.write ??
    ((line: string, level: LogLevel) =>
      (ORDER[level] >= ORDER.warn ? process.stderr : process.stdout).write(`${line}\n`));
  const log = (level: LogLevel, message: string, fields?: LogFields) => {
    if (ORDER[level] < min) return;
    const all = options.context ? { ...options.context, ...fields } : fields;
    const line = `${now().toISOString()} ${level.toUpperCase()} ${message}${formatFields(all)}`;
    write(redact(line, secrets), level);
  };
  return {
    debug: (m, f) => log("debug", m, f),
    info: (m, f) => log("info", m, f),
    warn: (m, f) => log("warn", m, f),
    error: (m, f) => log("error", m, f),
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

function formatFields(fields: LogFields | undefined): string {
  if (!fields) return "";
  const parts: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    parts.push(`${key}=${formatValue(value)}`);
  }
  return parts.length > 0 ? ` ${parts.join(" ")}` : "";
}

function formatValue(value: unknown): string {
  if (value instanceof Error) {
    const status = "status" in value ? ` (status ${String(value.status)})` : "";
    return JSON.stringify(`${value.name}: ${value.message}${status}\n${value.stack ?? ""}`);
  }
  if (typeof value === "string") return /^[\w.:/@-]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
