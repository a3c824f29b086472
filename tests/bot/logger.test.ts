import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createLogger, memoryLogger, redact } from "../../src/bot/logger.js";
import { TOKEN } from "./helpers.js";

describe("logger", () => {
  it("never prints the token: in messages, fields or errors", () => {
    const log = memoryLogger({ secrets: [TOKEN] });
    log.info(`token is ${TOKEN}`);
    log.warn("config", { token: TOKEN, nested: { headers: { authorization: `Bot ${TOKEN}` } } });
    log.error("failed", { error: new Error(`401 with ${TOKEN}`) });
    expect(log.lines).toHaveLength(3);
    for (const line of log.lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).toContain("[redacted]");
    }
  });

  it("hides anything shaped like a bot token, even one it was not told about", () => {
    const other = "OTk5OTk5OTk5OTk5OTk5OTk5.Gxyzab.ZYXWVUTSRQPONMLKJIHGFEDCBA98765";
    expect(redact(`Authorization: Bot ${other}`)).toBe("Authorization: Bot [redacted]");
  });

  it("hides interaction and webhook tokens in REST paths", () => {
    const path =
      "/interactions/123456789012345678/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4/callback";
    expect(redact(path)).toBe("/interactions/123456789012345678/[redacted]/callback");
    const hook =
      "/webhooks/123456789012345678/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4/messages/@original";
    expect(redact(hook)).toBe("/webhooks/123456789012345678/[redacted]/messages/@original");
  });

  it("hides the user name and password of any URL in a line", () => {
    const line = redact("Could not connect to http://bot:hunter22@10.0.0.1:8080/api: ECONNREFUSED");
    expect(line).toBe("Could not connect to http://[redacted]@10.0.0.1:8080/api: ECONNREFUSED");
    expect(redact("see https://example.com/a@b")).toBe("see https://example.com/a@b");
  });

  it("writes only lines at or above its level, with key=value fields", () => {
    const lines: string[] = [];
    const log = createLogger({
      level: "warn",
      write: (line) => lines.push(line),
      now: () => new Date("2018-12-19T10:00:00Z"),
    });
    log.debug("hidden");
    log.info("hidden");
    log.warn("shown", { user: "42", ms: 3, note: "two words" });
    log.error("also shown");
    expect(lines).toEqual([
      '2018-12-19T10:00:00.000Z WARN shown user=42 ms=3 note="two words"',
      "2018-12-19T10:00:00.000Z ERROR also shown",
    ]);
  });

  it("survives fields it cannot serialise", () => {
    const log = memoryLogger();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    log.info("odd", { circular, big: 10n });
    expect(log.lines[0]).toMatch(/INFO odd circular=/);
  });

  it("keeps one event on one line: line breaks and terminal escapes in a message are escaped", () => {
    const log = memoryLogger();
    log.warn("first\nsecond \u001b[2J", { note: "a\nb" });
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).not.toContain("\n");
    expect(log.lines[0]).not.toContain("\u001b");
    expect(log.lines[0]).toContain("first\\nsecond \\u001b[2J");
  });

  it("describes an error in any field, with its status, once", () => {
    const log = memoryLogger();
    const error = Object.assign(new Error("Unknown interaction"), { status: 404 });
    log.error("failed", { reason: error });
    expect(log.lines[0]).toMatch(/reason="Error: Unknown interaction \(status 404\)\\n {4}at /);
    expect(log.lines[0]?.match(/Unknown interaction/g)).toHaveLength(1);
  });

  it("carries its context (the shard) on every line, before the line's own fields", () => {
    const log = memoryLogger({ context: { shard: "1" } });
    log.info("ready", { guilds: 3 });
    expect(log.lines[0]).toMatch(/ INFO ready shard=1 guilds=3$/);
  });

  it("never throws, whatever a sink or a field does", () => {
    const log = createLogger({
      write: () => {
        throw new Error("EPIPE");
      },
    });
    const hostile = {
      get boom() {
        throw new Error("getter");
      },
    };
    expect(() => log.error("x", { hostile })).not.toThrow();
    expect(() => log.info("y")).not.toThrow();
    expect(log.stats().dropped).toBe(2);
  });

  it("in a process whose stdout reader is gone, logging and ending neither throw nor hang", async () => {
    const logger = fileURLToPath(new URL("../../src/bot/logger.ts", import.meta.url));
    // Lines are still buffered when the logger ends: sonic-boom's flushSync would retry the
    // failing write forever (it retries every error but EAGAIN); end() must not.
    const script = `
      import { createLogger } from ${JSON.stringify(logger)};
      const log = createLogger({ level: "debug" });
      process.stdin.once("data", async () => {
        for (let i = 0; i < 1000; i++) log.info("line " + i, { i });
        await log.end();
        process.stderr.write("ended " + JSON.stringify(log.stats()) + "\\n");
      });`;
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", script],
      {
        stdio: ["pipe", "pipe", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.stdout.destroy(); // the reader is gone before the first line
    child.stdin.end("go\n");
    expect(await exited, stderr).toBe(0);
    const stats = JSON.parse(/ended (.*)/.exec(stderr)?.[1] ?? "null");
    expect(stats.lost).toEqual(["standard output"]);
    expect(stats.writeErrors).toBe(1);
    expect(stderr).toMatch(/WARN writing log lines to standard output failed \(EPIPE\)/);
  });
});
