/**
 * The only place rendered messages become discord.js send options. Every builder sets allowed
 * mentions to nothing, so no reply, follow-up, edit or channel message can ping anyone: not
 * `@everyone`, `@here`, roles, users, nor the author a mention reply answers.
 */
import {
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageCreateOptions,
  MessageFlags,
  type MessageMentionOptions,
  type MessageReplyOptions,
} from "discord.js";
import type { RenderedMessage } from "./render/limits.js";

/** Nobody is notified, whatever the text says. Also the Client's default. */
export const NO_PINGS: Readonly<MessageMentionOptions> = Object.freeze({
  parse: [],
  repliedUser: false,
});

function base(message: RenderedMessage) {
  return {
    ...(message.content ? { content: message.content } : {}),
    embeds: [...message.embeds],
    components: [...(message.components ?? [])],
    allowedMentions: { parse: [], repliedUser: false } satisfies MessageMentionOptions,
  };
}

/** A first reply or a follow-up; `ephemeral` shows it to the user alone. */
export function replyOptions(
  message: RenderedMessage,
  ephemeral: boolean,
): InteractionReplyOptions & { withResponse?: false } {
  return { ...base(message), ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** The edit that replaces a deferred reply's "thinking…". */
export function editOptions(message: RenderedMessage): InteractionEditReplyOptions {
  return base(message);
}

/** The new content of the message whose button was pressed (a page turn). */
export function updateOptions(message: RenderedMessage): InteractionUpdateOptions {
  return base(message);
}

/** A reply to a message that mentioned the bot: the author is not pinged either. */
export function messageReplyOptions(message: RenderedMessage): MessageReplyOptions {
  return { ...base(message), failIfNotExists: false };
}

/** A plain message in a channel. */
export function channelMessageOptions(message: RenderedMessage): MessageCreateOptions {
  return base(message);
}
