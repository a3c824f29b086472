/**
 * `npm start`: reads the configuration, starts the bot, and owns the process: signals, and
 * errors that escape everything else (logged, never fatal).
 */
import { formatConfigProblems, loadConfig } from "./config.js";
import { logError } from "./errors.js";
import { createLogger, redact } from "./logger.js";
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

let bot: RunningBot;
try {
  bot = await startBot(config, { logger });
} catch (error) {
  console.error(redact(error instanceof Error ? error.message : String(error), [config.token]));
  process.exit(1);
}

const shutdown = (signal: string) => {
  logger.info(`${signal}: shutting down`);
  // If closing hangs, leave anyway: the gateway notices a dropped session.
  setTimeout(() => process.exit(0), 5000).unref();
  bot.stop().then(
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
  bot.reload("SIGHUP").catch((error: unknown) => logError(logger, "reload failed", error));
});
