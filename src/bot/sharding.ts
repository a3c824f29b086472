/**
 * `npm start` with SHARDS set: discord.js's ShardingManager runs one process per shard, each the
 * same bot (`main.ts`) with its own gateway session and its own fact base. This process only
 * spawns and watches them, passes SIGHUP on as a reload, and stops them on SIGTERM.
 */
import type { ChildProcess } from "node:child_process";
import { DiscordAPIError, REST, Routes, type Shard, ShardingManager } from "discord.js";
import type { BotConfig } from "./config.js";
import { logError } from "./errors.js";
import type { Logger } from "./logger.js";
import { evalReload, reloadShards, type ShardReload } from "./shard-reload.js";
import { StartupError } from "./start.js";

/** Discord allows one IDENTIFY per 5 s (max_concurrency 1): the manager's default spacing. */
const SPAWN_DELAY_MS = 5500;
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5000;

export interface ShardedBot {
  readonly manager: ShardingManager;
  /** Starts the shards one by one and resolves when every one is ready. */
  spawn(): Promise<void>;
  /** Reloads every shard's fact base (SIGHUP); a failing shard keeps its old base. */
  reload(by: string): Promise<ShardReload[]>;
  /** Stops every shard (each closes its session) and resolves when they have exited. */
  stop(): Promise<void>;
}

export interface ShardingOptions {
  readonly logger: Logger;
  /** The script every shard runs (this bot's main.ts). */
  readonly file: string;
  /** Node flags for the shards, e.g. tsx's loader (default: this process's). */
  readonly execArgv?: readonly string[];
}

/** The shard count: SHARDS itself, or for "auto" what Discord's GET /gateway/bot recommends. */
export async function shardCount(config: BotConfig): Promise<number> {
  if (config.shards !== "auto" && config.shards !== undefined) return config.shards;
  const rest = new REST({ api: config.apiBase }).setToken(config.token);
  try {
    const gateway = (await rest.get(Routes.gatewayBot())) as { shards?: unknown };
    const count = Number(gateway.shards);
    return Number.isInteger(count) && count >= 1 ? count : 1;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401) {
      throw new StartupError(
        "Discord rejected DISCORD_TOKEN (401): reset it in the Developer Portal (your application → Bot → Reset Token) and update .env.",
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new StartupError(
      `Could not ask Discord at ${config.apiBase} for the shard count (SHARDS=auto): ${message}. Set SHARDS to a number to skip the question.`,
    );
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** The manager, ready to spawn: signals can stop it from here on. */
export async function createSharded(
  config: BotConfig,
  options: ShardingOptions,
): Promise<ShardedBot> {
  const { logger } = options;
  const totalShards = await shardCount(config);
  const manager = new ShardingManager(options.file, {
    totalShards,
    token: config.token,
    mode: "process",
    respawn: true,
    execArgv: [...(options.execArgv ?? process.execArgv)],
  });
  let stopping = false;
  manager.on("shardCreate", (shard) => watch(shard, logger, () => stopping));
  return {
    manager,
    spawn: async () => {
      logger.info("starting shards", { shards: totalShards });
      try {
        await manager.spawn({ delay: SPAWN_DELAY_MS, timeout: READY_TIMEOUT_MS });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new StartupError(
          `A shard did not become ready (${message}); its own message above says why.`,
        );
      }
      logger.info("all shards ready", { shards: totalShards });
    },
    reload: (by) =>
      reloadShards([...manager.shards.keys()], (shard) =>
        manager.broadcastEval(evalReload, { shard, context: { by } }),
      ),
    stop: () => {
      stopping = true;
      return stopShards(manager, logger);
    },
  };
}

function watch(shard: Shard, logger: Logger, stopping: () => boolean): void {
  logger.info("shard starting", { shard: shard.id });
  shard.on("ready", () => logger.info("shard ready", { shard: shard.id }));
  shard.on("death", (child) => {
    if (stopping()) return;
    const code = "exitCode" in child ? child.exitCode : undefined;
    logger.warn("shard exited; the manager starts it again", { shard: shard.id, code });
  });
  shard.on("error", (error) => logError(logger, "shard error", error, { shard: shard.id }));
}

/** SIGTERM to each shard process (it closes its session), SIGKILL if it lingers. */
async function stopShards(manager: ShardingManager, logger: Logger): Promise<void> {
  const exits = [...manager.shards.values()].map((shard) => {
    const child = shard.process;
    // kill() also unhooks the manager's respawn, so a stopped shard stays stopped.
    shard.kill();
    return child ? exited(child) : Promise.resolve();
  });
  await Promise.all(exits);
  logger.info("shards stopped", { shards: exits.length });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, STOP_TIMEOUT_MS);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
