/**
 * Error ids: a short random id shown to the user and written in the log with the details, so a
 * report like "it said error 3f9c2a1b" leads straight to the log line.
 */
import { randomBytes } from "node:crypto";
import type { Logger } from "./logger.js";

export function newErrorId(): string {
  return randomBytes(4).toString("hex");
}

/** Logs an error under a fresh id and returns the id. */
export function logError(
  logger: Logger,
  what: string,
  error: unknown,
  fields: Record<string, unknown> = {},
): string {
  const errorId = newErrorId();
  logger.error(what, { errorId, ...fields, error: asError(error) });
  return errorId;
}

function asError(error: unknown): unknown {
  return error instanceof Error ? error : new Error(String(error));
}
