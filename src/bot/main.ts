/**
 * `npm start`: reads the configuration, starts the bot (or, with SHARDS set, the shards that each
 * run this same script), and owns the process: signals, and errors that escape everything else
 * (logged, never fatal).
 */
import { fileURLToPath } from "node:url";
import { type BotConfig, formatConfigProblems, loadConfig } from "./config.js";
import { logError } from "./errors.js";
import { createLogger, type Logger, redact } from "./logger.js";
import { type ShardedBot, startSharded } from "./sharding.js";
import { type RunningBot, startBot } from "./start.js";

const loaded = loadConfig();
if (!loaded.ok) {
  console.error(formatConfigProblems(loaded.problems));
  process.exit(1);
}
const { config } = loaded;
const logger = createLogger({ level: config.logLevel, secrets: [config.token] });

process.on("unhandledRejection", (reason) => logError(logger, "unhandled rejection", reason));
process.on("uncaughtException", (error) => logError(logger, "uncaught exception", error));

const running = await start(config, logger).catch((error: unknown) => {
  console.error(redact(error instanceof Error ? error.message : String(error), [config.token]));
  process.exit(1);
});

const shutdown = (signal: string) => {
  logger.info(`${signal}: shutting down`);
  // If closing hangs, leave anyway: the gateway notices a dropped session.
  setTimeout(() => process.exit(0), 8000).unref();
  running.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      logError(logger, "shutdown failed", error);
      process.exit(0);
    },
  );
};
process.once("SIGINT", () => shutdown("SIGINT"));
process.once("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGHUP", () => {
  logger.info("SIGHUP: reloading the fact base");
  running.reload("SIGHUP").catch((error: unknown) => logError(logger, "reload failed", error));
});

/** One bot in this process, or (SHARDS set) a ShardingManager running this script per shard. */
function start(config: BotConfig, logger: Logger): Promise<RunningBot | ShardedBot> {
  if (config.shards === undefined) return startBot(config, { logger });
  return startSharded(config, { logger, file: fileURLToPath(import.meta.url) });
}
