/**
 * Starts the bot: loads the fact base, logs in with the intents it needs and no more, and wires
 * the handlers. `main.ts` calls it with the environment's configuration; the end-to-end tests
 * call it against the Discord stand-in (`apiBase` is where REST and the gateway lookup go).
 */
import { Client, Events, GatewayIntentBits, RESTEvents } from "discord.js";
import { formatProblem, omittedLine } from "../knowledge/problem.js";
import { QuestionLog } from "../questionlog/question-log.js";
import { INVALID_REQUEST_WARNING_INTERVAL, invalidRequestReport } from "./channel-access.js";
import type { BotServices } from "./command.js";
import type { BotConfig } from "./config.js";
import { Cooldown } from "./cooldown.js";
import { logError } from "./errors.js";
import { handleInteraction } from "./interactions.js";
import { KnowledgeStore, type ReloadResult } from "./knowledge-store.js";
import { createLogger, type Logger } from "./logger.js";
import { handleMessage } from "./mentions.js";
import { NO_PINGS } from "./payload.js";
import { reloadKnowledge } from "./reload.js";
import { exposeReload } from "./shard-reload.js";
import { withTimeout } from "./timeout.js";

/**
 * Guilds: the servers and channels the commands run in. GuildMessages: messages in those
 * channels, of which Discord delivers the content only when they mention the bot, which is all
 * a mention needs; so no privileged Message Content. No DirectMessages: Receipts answers in
 * servers, and its slash commands work in DMs without any intent anyway.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] as const;

export interface StartOptions {
  /** Default: a logger at the configured level that never prints the token. */
  readonly logger?: Logger;
  /** Default: the base loaded from `config.knowledgeDir`. */
  readonly store?: KnowledgeStore;
  /** How long to wait for the gateway's READY; default 60 s. */
  readonly readyTimeoutMs?: number;
  /** The cooldown's clock (tests). */
  readonly now?: () => number;
  /** Report the invalid-request count every so many (default 500; tests use 1). */
  readonly invalidRequestWarningInterval?: number;
}

export interface RunningBot {
  readonly client: Client<true>;
  readonly store: KnowledgeStore;
  readonly logger: Logger;
  /** Reloads the fact base like `/reload` (SIGHUP uses it). */
  reload(by?: string): Promise<ReloadResult>;
  /** Closes the gateway session and REST; safe to call twice. */
  stop(): Promise<void>;
}

/** Start-up failed for a reason the user can fix; `message` says how. */
export class StartupError extends Error {
  override readonly name = "StartupError";
}

export async function startBot(config: BotConfig, options: StartOptions = {}): Promise<RunningBot> {
  const logger =
    options.logger ?? createLogger({ level: config.logLevel, secrets: [config.token] });
  const store = options.store ?? (await openStore(config.knowledgeDir));
  const questionLog = openQuestionLog(config, logger);
  const services: BotServices = {
    store,
    config,
    logger,
    cooldown: new Cooldown(config.cooldownSeconds, options.now),
    questionLog,
  };
  const client = new Client({
    intents: [...INTENTS],
    allowedMentions: { ...NO_PINGS, parse: [] },
    rest: {
      api: config.apiBase,
      // The REST client counts 401, 403 and 429 answers in Discord's 10-minute window.
      invalidRequestWarningInterval:
        options.invalidRequestWarningInterval ?? INVALID_REQUEST_WARNING_INTERVAL,
    },
  });
  wire(client, services);
  exposeReload(client, (by) => reloadKnowledge(store, logger, by));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await withTimeout(
      Promise.all([client.login(config.token), ready]),
      options.readyTimeoutMs ?? 60_000,
      "the gateway did not become ready",
    );
  } catch (error) {
    await client.destroy();
    questionLog?.close();
    throw loginError(error, config);
  }
  const readyClient = await ready;
  logger.info("logged in", {
    user: readyClient.user.tag,
    id: readyClient.user.id,
    guilds: readyClient.guilds.cache.size,
    facts: store.counts.facts,
  });

  let stopped: Promise<void> | undefined;
  return {
    client: readyClient,
    store,
    logger,
    reload: (by = "signal") => reloadKnowledge(store, logger, by),
    stop: () => {
      stopped ??= (async () => {
        logger.info("closing the gateway session");
        // Closing looks like a reconnect to the shard's listeners; it is not one.
        client.removeAllListeners(Events.ShardReconnecting);
        await client.destroy();
        questionLog?.close();
      })();
      return stopped;
    },
  };
}

async function openStore(dir: string): Promise<KnowledgeStore> {
  const opened = await KnowledgeStore.open(dir);
  if (opened.ok) return opened.store;
  const lines = opened.problems.map((p) => `  - ${formatProblem(p)}`);
  const more = omittedLine(opened.omitted ?? 0);
  if (more) lines.push(`  ${more}`);
  throw new StartupError(
    `The fact base in ${dir} has ${opened.problems.length + (opened.omitted ?? 0)} problem(s); fix them (npm run knowledge:check) or set KNOWLEDGE_DIR:\n${lines.join("\n")}`,
  );
}

/** The handlers: interactions, mentions, and every error source logged instead of thrown. */
function wire(client: Client, services: BotServices): void {
  const { logger } = services;
  client.on(Events.InteractionCreate, (interaction) => {
    void handleInteraction(interaction, services);
  });
  client.on(Events.MessageCreate, (message) => {
    const botId = client.user?.id;
    if (botId) void handleMessage(message, services, botId);
  });
  client.on(Events.Error, (error) => logError(logger, "client error", error));
  client.on(Events.Warn, (warning) => logger.warn(warning));
  client.on(Events.Debug, (line) => logger.debug(line));
  client.on(Events.ShardError, (error, shard) =>
    logError(logger, "gateway error", error, { shard }),
  );
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn("gateway disconnected", { shard, code: event.code }),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.info("gateway reconnecting", { shard }));
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info("gateway resumed", { shard, replayed }),
  );
  client.on(Events.Invalidated, () => logger.error("gateway session invalidated"));
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status < 500) return;
    // The REST client retries a 5xx: a warning per retry, an error only when it gives up.
    const fields = { method: request.method, route: request.route, status: response.status };
    if (request.retries < client.rest.options.retries) {
      logger.warn("Discord REST error; retrying", { ...fields, attempt: request.retries + 1 });
    } else logger.error("Discord REST error; giving up", fields);
  });
  client.rest.on(RESTEvents.InvalidRequestWarning, (info) => {
    const report = invalidRequestReport(info);
    logger[report.level](report.message, report.fields);
  });
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn("rate limited", {
      route: info.route,
      retryAfterMs: info.retryAfter,
      global: info.global,
    }),
  );
}

/** The question log, purged now and daily; undefined when QUESTION_LOG=off. */
function openQuestionLog(config: BotConfig, logger: Logger): QuestionLog | undefined {
  const log = QuestionLog.open(config.questionLog, { logger });
  if (log?.available) log.startPurging();
  return log;
}

function loginError(error: unknown, config: BotConfig): Error {
  if (error instanceof StartupError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = error && typeof error === "object" && "code" in error ? String(error.code) : "";
  if (code === "TokenInvalid" || /invalid token|401|4004|authentication failed/i.test(message)) {
    return new StartupError(
      "Discord rejected DISCORD_TOKEN: reset it in the Developer Portal (your application → Bot → Reset Token) and put the new one in .env.",
    );
  }
  if (code === "DisallowedIntents" || /disallowed intents|4014/i.test(message)) {
    return new StartupError(`Discord refused the bot's intents: ${message}`);
  }
  return new StartupError(`Could not connect to Discord at ${config.apiBase}: ${message}`);
}
