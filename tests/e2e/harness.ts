// Starts the Discord stand-in and the real bot (startBot, real discord.js client) against it.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type BotConfig, parseConfig } from "../../src/bot/config.js";
import { deployCommands } from "../../src/bot/deploy-commands.js";
import { type RunningBot, type StartOptions, startBot } from "../../src/bot/start.js";
import { normalizeForQuote } from "../../src/knowledge/quote-match.js";
import { type StandInOptions, type StoredMessage, startStandIn } from "./stand-in/index.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export type StandIn = Awaited<ReturnType<typeof startStandIn>>;

/** A token shaped like Discord's (the client reads the bot id from its first part). */
export const TOKEN = "MTAwMDAwMDAwMDAwMDAwMDAw.GabcDe.abcdefghijklmnopqrstuvwxyz0123";

/** The environment the bot reads, pointed at the stand-in; `extra` adds or overrides. */
export function botEnv(discord: StandIn, extra: Record<string, string> = {}) {
  return {
    DISCORD_TOKEN: discord.token,
    DISCORD_CLIENT_ID: discord.world.application.id,
    DISCORD_GUILD_ID: discord.world.guild.id,
    DISCORD_API_BASE: discord.apiBase,
    LOG_LEVEL: "error",
    COOLDOWN_SECONDS: "0",
    // The question log's own e2e tests turn it on, in a temporary DATA_DIR.
    QUESTION_LOG: "off",
    ...extra,
  };
}

export function botConfig(discord: StandIn, extra: Record<string, string> = {}): BotConfig {
  const result = parseConfig(botEnv(discord, extra));
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.config;
}

export interface Harness {
  readonly discord: StandIn;
  readonly bot: RunningBot;
  readonly config: BotConfig;
  close(): Promise<void>;
}

/** The stand-in, the commands deployed to its guild, and the bot logged in. */
export async function startHarness(
  options: { env?: Record<string, string>; standIn?: StandInOptions; bot?: StartOptions } = {},
): Promise<Harness> {
  const discord = await startStandIn({ token: TOKEN, ...options.standIn });
  try {
    const config = botConfig(discord, options.env);
    await deployCommands(config);
    const bot = await startBot(config, options.bot);
    return {
      discord,
      bot,
      config,
      // The client first, or it retries against a closed port.
      close: async () => {
        await bot.stop();
        await discord.close();
      },
    };
  } catch (error) {
    await discord.close();
    throw error;
  }
}

/** Everything a user reads in a message (content, embeds, button labels), quotes normalised. */
export function readable(message: StoredMessage): string {
  return normalizeForQuote(
    [message.content, JSON.stringify(message.embeds), JSON.stringify(message.components)].join(
      "\n",
    ),
  );
}

export interface ScriptRun {
  readonly child: ChildProcess;
  /** Everything printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string>;
}

/** Runs one of the bot's entry scripts (`src/bot/main.ts`, `src/bot/deploy.ts`) as npm would. */
export function runScript(
  script: string,
  env: Record<string, string>,
  /** Run as another user (a test running as root, to meet a read-only folder). */
  as: { uid?: number; gid?: number } = {},
): ScriptRun {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: ROOT,
    ...as,
    // No inherited DISCORD_* variables: only what the test says.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  return { child, output: () => output, exited };
}
