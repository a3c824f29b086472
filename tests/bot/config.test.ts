import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  DEFAULT_API_BASE,
  formatConfigProblems,
  loadConfig,
  normaliseShardingEnv,
  parseConfig,
} from "../../src/bot/config.js";
import { TOKEN } from "./helpers.js";

const VALID = {
  DISCORD_TOKEN: TOKEN,
  DISCORD_CLIENT_ID: "123456789012345678",
};

function problems(env: Record<string, string | undefined>): readonly string[] {
  const result = parseConfig(env);
  if (result.ok) throw new Error("expected configuration problems");
  return result.problems;
}

describe("configuration", () => {
  it("accepts the two required values and fills in the defaults", () => {
    const result = parseConfig(VALID);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      clientId: "123456789012345678",
      guildId: undefined,
      apiBase: DEFAULT_API_BASE,
      knowledgeDir: "knowledge",
      adminRoleIds: [],
      adminUserIds: [],
      logLevel: "info",
      cooldownSeconds: 3,
    });
    expect(result.config.token).toBe(TOKEN);
  });

  it("reads every optional variable", () => {
    const result = parseConfig({
      ...VALID,
      DISCORD_GUILD_ID: "223456789012345678",
      DISCORD_API_BASE: "http://127.0.0.1:4000/api/v10/",
      KNOWLEDGE_DIR: "tests/fixtures/knowledge",
      ADMIN_ROLE_IDS: " 323456789012345678 , 423456789012345678,",
      ADMIN_USER_IDS: "523456789012345678",
      LOG_LEVEL: "debug",
      COOLDOWN_SECONDS: "0",
    });
    expect(result.ok && result.config).toMatchObject({
      guildId: "223456789012345678",
      apiBase: "http://127.0.0.1:4000/api",
      knowledgeDir: "tests/fixtures/knowledge",
      adminRoleIds: ["323456789012345678", "423456789012345678"],
      adminUserIds: ["523456789012345678"],
      logLevel: "debug",
      cooldownSeconds: 0,
    });
  });

  it("reads SHARDS as a shard count or auto, and refuses anything else", () => {
    const shards = (value: string) => {
      const result = parseConfig({ ...VALID, SHARDS: value });
      return result.ok ? result.config.shards : result.problems.join("\n");
    };
    expect(shards("")).toBeUndefined();
    expect(shards("auto")).toBe("auto");
    expect(shards("2")).toBe(2);
    for (const bad of ["0", "two", "1.5", "5000"]) expect(shards(bad)).toMatch(/^SHARDS must be/);
  });

  it("ignores SHARDS inside a shard process, where the ShardingManager sets it to the shard id", () => {
    const result = parseConfig({ ...VALID, SHARDS: "0", SHARDING_MANAGER: "true" });
    expect(result.ok && result.config.shards).toBeUndefined();
  });

  it("removes a blank SHARDS from the environment before discord.js parses it as JSON", () => {
    const env: NodeJS.ProcessEnv = { SHARDS: "", SHARD_COUNT: " ", OTHER: "" };
    normaliseShardingEnv(env);
    expect(env).toEqual({ OTHER: "" });
    // What discord.js's Client does with the variable.
    expect(() => JSON.parse(env.SHARDS ?? "0")).not.toThrow();
    const shard: NodeJS.ProcessEnv = { SHARDING_MANAGER: "true", SHARDS: "1", SHARD_COUNT: "2" };
    normaliseShardingEnv(shard);
    expect(shard).toEqual({ SHARDING_MANAGER: "true", SHARDS: "1", SHARD_COUNT: "2" });
    const set: NodeJS.ProcessEnv = { SHARDS: "auto" };
    normaliseShardingEnv(set);
    expect(set).toEqual({ SHARDS: "auto" });
  });

  it("refuses credentials in DISCORD_API_BASE without ever showing them", () => {
    for (const base of [
      "http://user:s3cret-pass@127.0.0.1:9/api",
      "https://s3cret-pass@proxy.example/api",
    ]) {
      const found = problems({ ...VALID, DISCORD_API_BASE: base });
      expect(found.join("\n")).toMatch(/DISCORD_API_BASE must not contain a user name or password/);
      expect(found.join("\n")).not.toContain("s3cret");
      expect(formatConfigProblems(found)).not.toContain("s3cret");
    }
  });

  it("treats empty values (a fresh copy of .env.example) as unset", () => {
    const result = parseConfig({
      ...VALID,
      DISCORD_GUILD_ID: "",
      LOG_LEVEL: " ",
      COOLDOWN_SECONDS: "",
    });
    expect(result.ok && result.config).toMatchObject({
      guildId: undefined,
      logLevel: "info",
      cooldownSeconds: 3,
    });
  });

  it("lists every problem at once, each with how to fix it", () => {
    const list = problems({
      DISCORD_CLIENT_ID: "my-app",
      DISCORD_GUILD_ID: "12",
      DISCORD_API_BASE: "not a url",
      ADMIN_ROLE_IDS: "323456789012345678,admins",
      ADMIN_USER_IDS: "x",
      LOG_LEVEL: "loud",
      COOLDOWN_SECONDS: "-1",
    });
    const named = [
      "DISCORD_TOKEN",
      "DISCORD_CLIENT_ID",
      "DISCORD_GUILD_ID",
      "DISCORD_API_BASE",
      "ADMIN_ROLE_IDS",
      "ADMIN_USER_IDS",
      "LOG_LEVEL",
      "COOLDOWN_SECONDS",
    ];
    for (const name of named) expect(list.some((p) => p.startsWith(name))).toBe(true);
    expect(list).toHaveLength(named.length);
    expect(list.find((p) => p.startsWith("DISCORD_TOKEN"))).toMatch(/developers\/applications/);
    expect(list.find((p) => p.startsWith("DISCORD_CLIENT_ID"))).toMatch(/Application ID/);
    expect(list.find((p) => p.startsWith("LOG_LEVEL"))).toMatch(/debug, info, warn, error/);
  });

  it.each([
    ["not three parts", "abcdefghijklmnopqrstuvwxyz"],
    ["a Bot prefix", `Bot ${TOKEN}`],
    ["quote marks", `"${TOKEN}"`],
    ["spaces around it", ` ${TOKEN} `],
    ["odd characters", TOKEN.replace("GabcDE", "Gab$DE")],
  ])("reports a token with %s without echoing it", (_what, token) => {
    const list = problems({ ...VALID, DISCORD_TOKEN: token });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(/^DISCORD_TOKEN/);
    const text = formatConfigProblems(list);
    expect(text).not.toContain(token.trim());
    for (const part of token.trim().split("."))
      if (part.length > 6) expect(text).not.toContain(part);
  });

  it("keeps the token out of a dump of the configuration", () => {
    const result = parseConfig(VALID);
    if (!result.ok) throw new Error("expected a valid configuration");
    expect(JSON.stringify(result.config)).not.toContain(TOKEN);
    expect(Object.keys(result.config)).not.toContain("token");
  });

  it("formats one message for start-up: the count, one line per problem, where to set them", () => {
    const text = formatConfigProblems(problems({}));
    expect(text).toMatch(/^Receipts cannot start: 2 configuration problems\./);
    expect(text.split("\n").filter((l) => l.startsWith("  - "))).toHaveLength(2);
    expect(text).toMatch(/\.env\.example/);
  });
});

describe("loadConfig", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("reads .env, and the real environment wins over it", () => {
    const dir = mkdtempSync(join(tmpdir(), "receipts-env-"));
    const file = join(dir, ".env");
    writeFileSync(
      file,
      `DISCORD_TOKEN=${TOKEN}\nDISCORD_CLIENT_ID=123456789012345678\nLOG_LEVEL=warn\nCOOLDOWN_SECONDS=7\n`,
    );
    vi.stubEnv("DISCORD_TOKEN", undefined);
    vi.stubEnv("DISCORD_CLIENT_ID", undefined);
    vi.stubEnv("LOG_LEVEL", "error");
    vi.stubEnv("COOLDOWN_SECONDS", undefined);
    const result = loadConfig(file);
    expect(result.ok && result.config).toMatchObject({ logLevel: "error", cooldownSeconds: 7 });
    expect(result.ok && result.config.token).toBe(TOKEN);
    expect(process.env.DISCORD_TOKEN).toBeUndefined();
  });
});
