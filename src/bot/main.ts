/**
 * `npm start`: reads the configuration, starts the bot (or, with SHARDS set, a ShardingManager
 * whose shards each run this same script), and owns the process: signals, and errors that escape
 * everything else (logged, never fatal).
 */
import { fileURLToPath } from "node:url";
import { formatConfigProblems, loadConfig, normaliseShardingEnv } from "./config.js";
import { logError } from "./errors.js";
import { createLogger, redact } from "./logger.js";
import { createSharded, type ShardedBot } from "./sharding.js";
import { type RunningBot, startBot } from "./start.js";
import { withTimeout } from "./timeout.js";

normaliseShardingEnv();
const loaded = loadConfig();
if (!loaded.ok) {
  console.error(formatConfigProblems(loaded.problems));
  process.exit(1);
}
const { config } = loaded;
/** Set in the processes a ShardingManager starts: this one is shard SHARDS of SHARD_COUNT. */
const isShard = process.env.SHARDING_MANAGER === "true";
const logger = createLogger({
  level: config.logLevel,
  secrets: [config.token],
  context: isShard ? { shard: process.env.SHARDS } : undefined,
});

// The logger writes through its own destinations and never throws; anything else that writes to
// a closed stdout or stderr (a stray console call) must not become an uncaught exception either,
// whose report would fail the same way, again and again.
process.stdout.on("error", () => undefined);
process.stderr.on("error", () => undefined);
process.on("unhandledRejection", (reason) => logError(logger, "unhandled rejection", reason));
process.on("uncaughtException", (error) => logError(logger, "uncaught exception", error));

/** How long exiting waits for the log streams (a reader that stopped reading can hold them). */
const LOG_END_WAIT_MS = 2000;
let exiting = false;

/** Exits after writing out buffered log lines, saying first if some were lost on the way. */
const exit = (code: number): void => {
  if (exiting) return;
  exiting = true;
  const stats = logger.stats();
  if (stats.dropped > 0 || stats.writeErrors > 0) {
    logger.warn("some log lines were not written", {
      dropped: stats.dropped,
      writeErrors: stats.writeErrors,
      lost: stats.lost.join(", ") || undefined,
    });
  }
  setTimeout(() => process.exit(code), LOG_END_WAIT_MS).unref();
  void logger.end().then(() => process.exit(code));
};

/** What a signal acts on, once there is something: set before the shards are spawned. */
let running: RunningBot | ShardedBot | undefined;

const shutdown = (why: string) => {
  logger.info(`${why}: shutting down`);
  // If closing hangs, leave anyway: the gateway notices a dropped session.
  setTimeout(() => exit(0), 8000).unref();
  (running?.stop() ?? Promise.resolve()).then(
    () => exit(0),
    (error: unknown) => {
      logError(logger, "shutdown failed", error);
      exit(0);
    },
  );
};
process.once("SIGINT", () => shutdown("SIGINT"));
process.once("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGHUP", () => {
  if (!running) return logger.warn("SIGHUP: still starting; nothing reloaded");
  logger.info("SIGHUP: reloading the fact base");
  running.reload("SIGHUP").catch((error: unknown) => logError(logger, "reload failed", error));
});
// A shard whose manager is gone (killed, crashed) stops too, rather than live on unmanaged.
if (isShard) process.once("disconnect", () => shutdown("the shard manager went away"));

try {
  if (config.shards === undefined) {
    running = await startBot(config, { logger });
  } else {
    const sharded = await createSharded(config, { logger, file: fileURLToPath(import.meta.url) });
    running = sharded;
    await sharded.spawn();
  }
} catch (error) {
  await running?.stop();
  await withTimeout(logger.end(), LOG_END_WAIT_MS, "log lines written").catch(() => undefined);
  console.error(redact(error instanceof Error ? error.message : String(error), [config.token]));
  process.exit(1);
}
