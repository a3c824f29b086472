/**
 * The bot's configuration: read from the environment (and `.env` through dotenv), validated with
 * zod. Every problem is reported at once with how to fix it; the token is never echoed.
 */
import { config as dotenv } from "dotenv";
import { z } from "zod";

export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface BotConfig {
  /** Non-enumerable: `console.log(config)` and `JSON.stringify(config)` never show it. */
  readonly token: string;
  readonly clientId: string;
  readonly guildId: string | undefined;
  /** REST base without the version, like `https://discord.com/api`. */
  readonly apiBase: string;
  readonly knowledgeDir: string;
  readonly adminRoleIds: readonly string[];
  readonly adminUserIds: readonly string[];
  readonly logLevel: LogLevel;
  readonly cooldownSeconds: number;
  /** Run through discord.js's ShardingManager: a shard count, or "auto" (Discord recommends). */
  readonly shards: number | "auto" | undefined;
  /** The question log (src/questionlog): where, whether, and how long rows are kept. */
  readonly questionLog: QuestionLogConfig;
}

export interface QuestionLogConfig {
  readonly enabled: boolean;
  /** The folder of `receipts.sqlite` and its secret, relative to where the bot starts. */
  readonly dataDir: string;
  readonly days: number;
  readonly maxRows: number;
}

export const QUESTION_LOG_DEFAULTS: QuestionLogConfig = Object.freeze({
  enabled: true,
  dataDir: "data",
  days: 90,
  maxRows: 1_000_000,
});

export type ConfigResult =
  | { readonly ok: true; readonly config: BotConfig }
  | { readonly ok: false; readonly problems: readonly string[] };

export const DEFAULT_API_BASE = "https://discord.com/api";
const PORTAL = "https://discord.com/developers/applications";

const SNOWFLAKE = /^\d{17,20}$/;
/** Three base64url parts joined by dots: the shape of every Discord bot token. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{10,}$/;

/** Empty strings count as unset, as in a freshly copied `.env.example`. */
const optional = <T extends z.ZodType>(s: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), s.optional());

const snowflake = (name: string, where: string) =>
  z
    .string({ error: `${name} is missing: set it to ${where}.` })
    .trim()
    .regex(SNOWFLAKE, `${name} must be a numeric Discord id (17 to 20 digits): ${where}.`);

const idList = (name: string, what: string) =>
  optional(z.string())
    .transform((v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    )
    .check((ctx) => {
      const bad = ctx.value.filter((id) => !SNOWFLAKE.test(id));
      if (bad.length > 0) {
        ctx.issues.push({
          code: "custom",
          input: ctx.value,
          message: `${name} must be comma-separated numeric ${what} ids; ${bad.length} entr${bad.length === 1 ? "y is" : "ies are"} not (copy ids with Developer Mode on: right-click, Copy ID).`,
        });
      }
    });

const EnvSchema = z.object({
  DISCORD_TOKEN: z
    .string({
      error: `DISCORD_TOKEN is missing: copy the bot token from ${PORTAL} → your application → Bot → Reset Token.`,
    })
    .check((ctx) => {
      const problem = tokenProblem(ctx.value);
      if (problem) ctx.issues.push({ code: "custom", input: "[redacted]", message: problem });
    }),
  DISCORD_CLIENT_ID: snowflake(
    "DISCORD_CLIENT_ID",
    `the Application ID from ${PORTAL} → your application → General Information`,
  ),
  DISCORD_GUILD_ID: optional(
    snowflake(
      "DISCORD_GUILD_ID",
      "a server id (Developer Mode on, right-click the server, Copy Server ID), or leave it empty",
    ),
  ),
  DISCORD_API_BASE: optional(
    z
      .url({
        protocol: /^https?$/,
        error: `DISCORD_API_BASE must be an http(s) URL without the version, like ${DEFAULT_API_BASE}; leave it empty for Discord's own.`,
      })
      // Discord takes no credentials in the URL (and fetch refuses such a URL); refusing it
      // here also keeps a password out of every later message that names the address.
      .refine((u) => !hasCredentials(u), {
        error:
          "DISCORD_API_BASE must not contain a user name or password (the part before @; not shown here): remove them, Discord's API does not take them.",
      })
      .transform((u) => u.replace(/\/+$/, "").replace(/\/v\d+$/, "")),
  ),
  KNOWLEDGE_DIR: optional(z.string().trim()),
  ADMIN_ROLE_IDS: idList("ADMIN_ROLE_IDS", "role"),
  ADMIN_USER_IDS: idList("ADMIN_USER_IDS", "user"),
  LOG_LEVEL: optional(
    z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}.` }),
  ),
  COOLDOWN_SECONDS: optional(
    z.coerce
      .number({ error: "COOLDOWN_SECONDS must be a number of seconds, like 3 (0 turns it off)." })
      .int("COOLDOWN_SECONDS must be a whole number of seconds, like 3 (0 turns it off).")
      .min(0, "COOLDOWN_SECONDS must be 0 or more (0 turns it off).")
      .max(3600, "COOLDOWN_SECONDS must be at most 3600."),
  ),
  SHARDS: optional(
    z.string().transform((value, ctx) => {
      if (value.trim() === "auto") return "auto" as const;
      const count = Number(value);
      if (Number.isInteger(count) && count >= 1 && count <= 1024) return count;
      ctx.issues.push({
        code: "custom",
        input: value,
        message:
          "SHARDS must be auto or a whole number of shards from 1 to 1024 (leave it empty to run without sharding).",
      });
      return z.NEVER;
    }),
  ),
  DATA_DIR: optional(z.string().trim()),
  QUESTION_LOG: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(["on", "off"], { error: "QUESTION_LOG must be on or off (default on)." })),
  ),
  QUESTION_LOG_DAYS: optional(
    z.coerce
      .number({ error: "QUESTION_LOG_DAYS must be a number of days, like 90." })
      .int("QUESTION_LOG_DAYS must be a whole number of days, like 90.")
      .min(1, "QUESTION_LOG_DAYS must be at least 1 (QUESTION_LOG=off keeps nothing).")
      .max(3650, "QUESTION_LOG_DAYS must be at most 3650 (ten years)."),
  ),
  QUESTION_LOG_MAX_ROWS: optional(
    z.coerce
      .number({ error: "QUESTION_LOG_MAX_ROWS must be a number of rows, like 1000000." })
      .int("QUESTION_LOG_MAX_ROWS must be a whole number of rows, like 1000000.")
      .min(1000, "QUESTION_LOG_MAX_ROWS must be at least 1000.")
      .max(100_000_000, "QUESTION_LOG_MAX_ROWS must be at most 100000000."),
  ),
});

function hasCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== "" || parsed.password !== "";
  } catch {
    return false;
  }
}

/**
 * discord.js's Client reads SHARDS and SHARD_COUNT from the environment itself (JSON.parse), so
 * an empty `SHARDS=`, which here means one process, would crash it with "Unexpected end of JSON
 * input". Outside a shard process this removes blank values before any client is made.
 */
export function normaliseShardingEnv(env: NodeJS.ProcessEnv = process.env): void {
  if (env.SHARDING_MANAGER === "true") return;
  for (const name of ["SHARDS", "SHARD_COUNT"]) {
    if (env[name] !== undefined && env[name].trim() === "") delete env[name];
  }
}

/** Why a token is obviously not a bot token, without ever including the token. */
function tokenProblem(token: string): string | undefined {
  const how = `copy it again from ${PORTAL} → your application → Bot → Reset Token`;
  if (token.trim() === "") return `DISCORD_TOKEN is empty: ${how}.`;
  if (/^\s|\s$/.test(token)) return "DISCORD_TOKEN has spaces around it: remove them.";
  if (/^bot\s/i.test(token)) return 'DISCORD_TOKEN starts with "Bot ": give the token alone.';
  if (/^["']|["']$/.test(token)) return "DISCORD_TOKEN is wrapped in quote marks: remove them.";
  if (!TOKEN_SHAPE.test(token)) {
    return `DISCORD_TOKEN does not look like a bot token (three parts joined by dots; the value is not shown here): ${how}.`;
  }
  return undefined;
}

/** Validates an environment (`process.env` or a test's object). Pure: reads no file. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  // In a shard process, SHARDS is the ShardingManager's own variable (this shard's id), not ours.
  const own = env.SHARDING_MANAGER === "true" ? { ...env, SHARDS: undefined } : env;
  const parsed = EnvSchema.safeParse(own);
  if (!parsed.success) {
    // One line per problem; zod's own messages carry the fix. Inputs are never included.
    const problems = [...new Set(parsed.error.issues.map((i) => i.message))];
    return { ok: false, problems };
  }
  const e = parsed.data;
  const config = {
    clientId: e.DISCORD_CLIENT_ID,
    guildId: e.DISCORD_GUILD_ID,
    apiBase: e.DISCORD_API_BASE ?? DEFAULT_API_BASE,
    knowledgeDir: e.KNOWLEDGE_DIR ?? "knowledge",
    adminRoleIds: e.ADMIN_ROLE_IDS,
    adminUserIds: e.ADMIN_USER_IDS,
    logLevel: e.LOG_LEVEL ?? "info",
    cooldownSeconds: e.COOLDOWN_SECONDS ?? 3,
    shards: e.SHARDS,
    questionLog: {
      enabled: e.QUESTION_LOG !== "off",
      dataDir: e.DATA_DIR ?? QUESTION_LOG_DEFAULTS.dataDir,
      days: e.QUESTION_LOG_DAYS ?? QUESTION_LOG_DEFAULTS.days,
      maxRows: e.QUESTION_LOG_MAX_ROWS ?? QUESTION_LOG_DEFAULTS.maxRows,
    },
  };
  return { ok: true, config: withToken(config, e.DISCORD_TOKEN) };
}

/** Attaches the token as a non-enumerable property, so dumping the config never shows it. */
export function withToken(config: Omit<BotConfig, "token">, token: string): BotConfig {
  const out = { ...config } as BotConfig;
  Object.defineProperty(out, "token", { value: token, enumerable: false });
  return Object.freeze(out);
}

/** Reads `.env` (the process environment wins over it) and validates the result. */
export function loadConfig(envFile = ".env"): ConfigResult {
  const fromFile: Record<string, string> = {};
  dotenv({ path: envFile, quiet: true, processEnv: fromFile });
  return parseConfig({ ...fromFile, ...process.env });
}

/** The message printed when the configuration is unusable. */
export function formatConfigProblems(problems: readonly string[], action = "start"): string {
  return [
    `Receipts cannot ${action}: ${problems.length} configuration problem${problems.length === 1 ? "" : "s"}.`,
    ...problems.map((p) => `  - ${p}`),
    "Set these in the environment or in .env (see .env.example and README.md, “Run it in your server”).",
  ].join("\n");
}
