/**
 * Whether the bot may reply in a channel, from what the gateway already told it (the guild's
 * roles, the channel's permission overwrites, the bot's member), and what to do when Discord
 * refuses anyway. A send Discord refuses is an invalid request; Discord restricts an IP that makes
 * 10,000 of them (401, 403, 429) in 10 minutes, for every bot on it, so a mention in a channel the
 * bot may not write in must cost no request at all, and a refused reply no second one.
 */
import {
  DiscordAPIError,
  type Message,
  PermissionFlagsBits,
  type PermissionsBitField,
  type PermissionsString,
} from "discord.js";

/** What a reply to a message needs (Read Message History for the reference to the message). */
export function neededToReply(inThread: boolean): PermissionsString[] {
  return ["ViewChannel", inThread ? "SendMessagesInThreads" : "SendMessages", "ReadMessageHistory"];
}

/** The permissions a reply needs that `permissions` lacks (Administrator holds them all). */
export function missingToReply(
  permissions: Readonly<PermissionsBitField>,
  inThread: boolean,
): PermissionsString[] {
  return permissions.missing(
    neededToReply(inThread).map((name) => PermissionFlagsBits[name]),
    true,
  );
}

/**
 * What the bot lacks to reply to `message`, from the cache; an empty list when it may, and when
 * the cache cannot say (a DM, a channel or member not cached): then Discord decides.
 */
export function missingForReply(message: Pick<Message, "channel" | "guild">): PermissionsString[] {
  const channel = message.channel as Message["channel"] | undefined;
  const me = message.guild?.members?.me;
  if (!channel || !me || channel.isDMBased() || !("permissionsFor" in channel)) return [];
  const permissions = channel.permissionsFor(me);
  return permissions ? missingToReply(permissions, channel.isThread()) : [];
}

/** Discord statuses that refuse a send for good: sending an error notice there is refused too. */
const REFUSALS = new Set([401, 403, 404]);

/** Whether an error is Discord refusing the request (no access, no permission, gone). */
export function isRefusal(error: unknown): error is DiscordAPIError {
  return error instanceof DiscordAPIError && REFUSALS.has(error.status);
}

/** Unknown interaction, unknown webhook: the interaction expired or is gone. */
const INTERACTION_GONE = new Set([10062, 10015]);

/** Whether an error says the interaction can no longer be answered at all (nor told so). */
export function isInteractionGone(error: unknown): error is DiscordAPIError {
  return (
    error instanceof DiscordAPIError &&
    (error.status === 401 || INTERACTION_GONE.has(Number(error.code)))
  );
}

/** Discord's limit on invalid requests per IP in its 10-minute window. */
export const INVALID_REQUEST_LIMIT = 10_000;
/** How often (every so many invalid requests) the REST client reports the count. */
export const INVALID_REQUEST_WARNING_INTERVAL = 500;

/** The log line for the REST client's invalid-request report: warn, an error past half way. */
export function invalidRequestReport(info: { count: number; remainingTime: number }): {
  level: "warn" | "error";
  message: string;
  fields: Record<string, unknown>;
} {
  return {
    level: info.count * 2 >= INVALID_REQUEST_LIMIT ? "error" : "warn",
    message: `Discord refused ${info.count} requests (401, 403, 429) in its current 10-minute window; at ${INVALID_REQUEST_LIMIT} it blocks this IP for a while: check the bot's token, its channel permissions and the rate limits`,
    fields: {
      invalidRequests: info.count,
      limit: INVALID_REQUEST_LIMIT,
      windowEndsInSeconds: Math.max(0, Math.round(info.remainingTime / 1000)),
    },
  };
}
