/**
 * Mentions: `@Receipts did Spotify read messages?` gets a reply to that message with the same
 * answer as /ask; a bare mention gets a short help. Messages from bots (webhooks included) and
 * messages that do not mention the bot by name are ignored. Discord delivers the content of a
 * message that mentions the bot without the privileged Message Content intent.
 */
import type { Message } from "discord.js";
import { askedView } from "./asked.js";
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

/** The messageCreate handler: never throws. */
export async function handleMessage(
  message: Message,
  services: BotServices,
  botId: string,
): Promise<void> {
  if (!isAddressed(message, botId)) return;
  try {
    const replies = mentionReply(message, botId, services);
    for (const reply of replies ?? []) await message.reply(messageReplyOptions(reply));
  } catch (error) {
    const errorId = logError(services.logger, "mention reply failed", error, {
      user: message.author.id,
      channel: message.channelId,
    });
    const t = messages(localeOf(message.guild?.preferredLocale));
    await message
      .reply(messageReplyOptions(renderNotice(t.error(errorId))))
      .catch((e: unknown) => logError(services.logger, "error reply failed", e, { errorId }));
  }
}
