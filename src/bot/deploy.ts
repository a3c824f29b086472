/** `npm run deploy`: registers the bot's commands (to DISCORD_GUILD_ID if set, else globally). */
import { formatConfigProblems, loadConfig } from "./config.js";
import { deployCommands } from "./deploy-commands.js";
import { createLogger, redact } from "./logger.js";
import { withTimeout } from "./timeout.js";

const loaded = loadConfig();
if (!loaded.ok) {
  console.error(formatConfigProblems(loaded.problems, "register its commands"));
  process.exit(1);
}
const { config } = loaded;
const logger = createLogger({ level: config.logLevel, secrets: [config.token] });
try {
  const result = await deployCommands(config);
  const where = result.scope === "guild" ? `to server ${config.guildId}` : "globally";
  logger.info(`registered ${result.names.length} commands ${where}: ${result.names.join(", ")}`);
  if (result.scope === "global") logger.info("global commands can take up to an hour to appear");
} catch (error) {
  await withTimeout(logger.end(), 2000, "log lines written").catch(() => undefined);
  console.error(redact(error instanceof Error ? error.message : String(error), [config.token]));
  process.exit(1);
}
