// Messages the stand-in stores, and the API objects it returns for them (discord.js needs a
// snowflake id, channel_id and author at the least).
import type { APIEmbed, APIUser } from "discord.js";
import { isRecord } from "./limits.js";
import { mentionedIn, pingsOf } from "./mentions.js";
import type { MessageSource, StandInState, StoredMessage } from "./state.js";

const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;

export interface NewMessage {
  channelId: string;
  author: APIUser;
  body: Record<string, unknown>;
  via: MessageSource;
  interactionId?: string;
  replyTo?: string;
  loading?: boolean;
  extra?: Record<string, unknown>;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

export function createMessage(state: StandInState, init: NewMessage): StoredMessage {
  const flags = typeof init.body.flags === "number" ? init.body.flags : 0;
  const message: StoredMessage = {
    id: state.nextId(),
    channelId: init.channelId,
    author: init.author,
    content: text(init.body.content),
    embeds: list<APIEmbed>(init.body.embeds),
    components: list(init.body.components),
    flags: flags | (init.loading ? LOADING : 0),
    ephemeral: (flags & EPHEMERAL) !== 0,
    loading: init.loading ?? false,
    allowedMentions: init.body.allowed_mentions,
    pings: pingsOf(init.body, init.replyTo !== undefined),
    via: init.via,
    createdAt: Date.now(),
    ...(init.interactionId ? { interactionId: init.interactionId } : {}),
    ...(init.replyTo ? { replyTo: init.replyTo } : {}),
    ...(init.extra ? { extra: init.extra } : {}),
  };
  state.messages.set(message.id, message);
  return message;
}

/** Applies a PATCH: only the fields sent change; a deferred reply stops loading. */
export function editMessage(message: StoredMessage, body: Record<string, unknown>): void {
  if ("content" in body) message.content = text(body.content);
  if ("embeds" in body) message.embeds = list<APIEmbed>(body.embeds);
  if ("components" in body) message.components = list(body.components);
  if ("allowed_mentions" in body) message.allowedMentions = body.allowed_mentions;
  if (typeof body.flags === "number") message.flags = (message.flags & EPHEMERAL) | body.flags;
  message.flags &= ~LOADING;
  message.loading = false;
  message.editedAt = Date.now();
  message.pings = pingsOf(
    { content: message.content, allowed_mentions: message.allowedMentions },
    message.replyTo !== undefined,
  );
}

function messageType(message: StoredMessage, state: StandInState): number {
  if (message.via === "channel") return message.replyTo ? 19 : 0;
  const interaction = message.interactionId
    ? state.interactions.get(message.interactionId)
    : undefined;
  const data = interaction && isRecord(interaction.payload.data) ? interaction.payload.data : {};
  if (interaction?.kind !== "command") return 0;
  return data.type === 1 ? 20 : 23;
}

export function toApiMessage(state: StandInState, message: StoredMessage): Record<string, unknown> {
  const world = state.world;
  const found = mentionedIn(message.content);
  const users = found.users
    .map((id) => world.members.get(id)?.user)
    .filter((user): user is APIUser => user !== undefined);
  const fromInteraction = message.via !== "channel";
  const reference = message.replyTo ? state.messages.get(message.replyTo) : undefined;
  return {
    id: message.id,
    channel_id: message.channelId,
    guild_id: world.guild.id,
    author: message.author,
    content: message.content,
    timestamp: new Date(message.createdAt).toISOString(),
    edited_timestamp: message.editedAt ? new Date(message.editedAt).toISOString() : null,
    tts: false,
    mention_everyone: message.pings.everyone,
    mentions: users,
    mention_roles: found.roles,
    attachments: [],
    embeds: message.embeds,
    pinned: false,
    type: messageType(message, state),
    flags: message.flags,
    components: message.components,
    ...(fromInteraction
      ? { webhook_id: world.application.id, application_id: world.application.id }
      : {}),
    ...(reference
      ? {
          message_reference: {
            type: 0,
            message_id: reference.id,
            channel_id: reference.channelId,
            guild_id: world.guild.id,
          },
          referenced_message: toApiMessage(state, { ...reference, replyTo: undefined }),
        }
      : {}),
    ...message.extra,
  };
}
