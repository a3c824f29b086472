import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/bot/config.js";
import { TOKEN } from "../bot/helpers.js";

const VALID = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: "123456789012345678" };

describe("question log configuration", () => {
  it("is on by default, in data/, for 90 days and a million rows", () => {
    const result = parseConfig(VALID);
    expect(result.ok && result.config.questionLog).toEqual({
      enabled: true,
      dataDir: "data",
      days: 90,
      maxRows: 1_000_000,
    });
  });

  it("reads QUESTION_LOG, DATA_DIR, QUESTION_LOG_DAYS and QUESTION_LOG_MAX_ROWS", () => {
    const result = parseConfig({
      ...VALID,
      QUESTION_LOG: "OFF",
      DATA_DIR: " /var/lib/receipts ",
      QUESTION_LOG_DAYS: "30",
      QUESTION_LOG_MAX_ROWS: "5000",
    });
    expect(result.ok && result.config.questionLog).toEqual({
      enabled: false,
      dataDir: "/var/lib/receipts",
      days: 30,
      maxRows: 5000,
    });
  });

  it("reports every bad value with how to fix it", () => {
    const result = parseConfig({
      ...VALID,
      QUESTION_LOG: "maybe",
      QUESTION_LOG_DAYS: "0",
      QUESTION_LOG_MAX_ROWS: "lots",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      "QUESTION_LOG must be on or off (default on).",
      "QUESTION_LOG_DAYS must be at least 1 (QUESTION_LOG=off keeps nothing).",
      "QUESTION_LOG_MAX_ROWS must be a number of rows, like 1000000.",
    ]);
  });
});
