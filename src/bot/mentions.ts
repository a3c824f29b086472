/**
 * Mentions: `@Receipts did Spotify read messages?` gets a reply to that message with the same
 * answer as /ask; a bare mention gets a short help. Messages from bots (webhooks included) and
 * messages that do not mention the bot by name are ignored. Discord delivers the content of a
 * message that mentions the bot without the privileged Message Content intent.
 */
import type { Message } from "discord.js";
import { askedView } from "./asked.js";
import { isRefusal, missingForReply } from "./channel-access.js";
import type { BotServices } from "./command.js";
import { logError } from "./errors.js";
import { localeOf, messages } from "./i18n.js";
import { messageReplyOptions } from "./payload.js";
import type { RenderedMessage } from "./render/limits.js";
import { renderNotice } from "./render/pages.js";

/** The question in a text: the bot's own mentions removed, white space collapsed. */
export function questionFromText(content: string | null | undefined, botId: string): string {
  return (content ?? "")
    .replace(new RegExp(`<@!?${botId}>`, "g"), " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function mentionsBot(content: string, botId: string): boolean {
  return new RegExp(`<@!?${botId}>`).test(content);
}

/** Whether a message asks the bot something: a person's message that mentions it by name. */
export function isAddressed(
  message: Pick<Message, "content" | "author" | "webhookId" | "system">,
  botId: string,
): boolean {
  if (message.author.bot || message.webhookId || message.system) return false;
  return message.author.id !== botId && mentionsBot(message.content, botId);
}

/** What the bot sends for a message addressed to it, or undefined during the user's cooldown. */
export function mentionReply(
  message: Pick<Message, "content" | "author" | "guild"> & { readonly guildId?: string | null },
  botId: string,
  services: BotServices,
): RenderedMessage[] | undefined {
  const limited = services.cooldown.take(message.author.id);
  if (!limited.ok) {
    // A public notice would itself be the spam the cooldown prevents: stay quiet, log it.
    services.logger.debug("mention ignored: cooldown", { user: message.author.id });
    return undefined;
  }
  const locale = localeOf(message.guild?.preferredLocale);
  const question = questionFromText(message.content, botId);
  if (!question) return [renderNotice(messages(locale).bareMention)];
  const asker = {
    via: "mention",
    userId: message.author.id,
    guildId: message.guildId ?? null,
    locale,
  } as const;
  return askedView(question, services, asker);
}

/** Channels already warned about (weakly held: a channel gone from the cache is forgotten). */
const warnedChannels = new WeakSet<object>();

/** One line per mention not answered, a warning only the first time for a channel (same fix). */
function logMayNotReply(message: Message, services: BotServices, missing: readonly string[]) {
  const text =
    "mention not answered: the bot may not reply in this channel (give it these permissions there)";
  const fields = {
    user: message.author.id,
    channel: message.channelId,
    missing: missing.join(","),
  };
  if (warnedChannels.has(message.channel)) return services.logger.debug(text, fields);
  warnedChannels.add(message.channel);
  services.logger.warn(text, fields);
}

/**
 * The messageCreate handler: never throws. It replies only where the gateway's cache says the bot
 * may (a refused send is an invalid request, and Discord limits those per IP), and never sends an
 * error notice where Discord refused the reply.
 */
export async function handleMessage(
  message: Message,
  services: BotServices,
  botId: string,
): Promise<void> {
  if (!isAddressed(message, botId)) return;
  const { logger } = services;
  const where = { user: message.author.id, channel: message.channelId };
  const missing = missingForReply(message);
  if (missing.length > 0) {
    logMayNotReply(message, services, missing);
    return;
  }
  let replies: RenderedMessage[] | undefined;
  try {
    replies = mentionReply(message, botId, services);
  } catch (error) {
    const errorId = logError(logger, "mention reply failed", error, where);
    replies = [renderNotice(messages(localeOf(message.guild?.preferredLocale)).error(errorId))];
  }
  try {
    for (const reply of replies ?? []) await message.reply(messageReplyOptions(reply));
  } catch (error) {
    if (isRefusal(error)) {
      // Discord said no (permissions changed, channel or message gone): an error notice would
      // be refused the same way. One line, no stack: nothing in the bot is broken.
      logger.warn("mention not answered: Discord refused the reply", {
        ...where,
        status: error.status,
        code: error.code,
        reason: error.message,
      });
      return;
    }
    const errorId = logError(logger, "mention reply failed", error, where);
    const t = messages(localeOf(message.guild?.preferredLocale));
    await message
      .reply(messageReplyOptions(renderNotice(t.error(errorId))))
      .catch((e: unknown) => logError(logger, "error reply failed", e, { errorId }));
  }
}
