// What a test gets back from sendInteraction / sendMessage: live views of what the bot did in
// answer, and promises that settle when it has done it (or reject, saying what happened instead).
import { InteractionResponseType } from "discord.js";
import { isRecord } from "./limits.js";
import {
  type CallbackAttempt,
  type InteractionRecord,
  type RecordedRequest,
  type StandInState,
  type StoredMessage,
  waitFor,
} from "./state.js";

const R = InteractionResponseType;

export interface InteractionHandle {
  id: string;
  token: string;
  /** The INTERACTION_CREATE payload as dispatched. */
  payload: Record<string, unknown>;
  dispatchedAt: number;
  /** Live record: every callback attempt, the accepted one, the original and follow-up ids. */
  record: InteractionRecord;
  /** The accepted callback (type, data, latencyMs since dispatch). */
  callback(timeoutMs?: number): Promise<CallbackAttempt>;
  /**
   * The first thing the user sees: the message of a type-4 callback, the edit of a deferred
   * reply (or its first follow-up), or the component message updated by type 7 / edited after 6.
   */
  reply(timeoutMs?: number): Promise<StoredMessage>;
  /** The autocomplete choices answered (callback type 8). */
  choices(timeoutMs?: number): Promise<Array<{ name: string; value: string | number }>>;
  /** Resolves once at least `count` follow-ups exist. */
  followUps(count?: number, timeoutMs?: number): Promise<StoredMessage[]>;
  /** The @original message now, if any. */
  original(): StoredMessage | undefined;
  /** REST requests about this interaction (callbacks, webhook edits, follow-ups), rejected ones too. */
  requests(): RecordedRequest[];
}

export interface MessageHandle {
  /** The user's message as stored (its id is what replies and context menus refer to). */
  message: StoredMessage;
  /** The MESSAGE_CREATE payload as dispatched (before per-session content stripping). */
  payload: Record<string, unknown>;
  dispatchedAt: number;
  /** The first bot message that replies to this one (message_reference). */
  reply(timeoutMs?: number): Promise<StoredMessage>;
  replies(): StoredMessage[];
  /** Bot REST activity in the message's channel since dispatch: sends and typing. */
  activity(): RecordedRequest[];
  /** Waits `ms` and rejects if the bot sent or typed anything in the channel meanwhile. */
  expectNoResponse(ms?: number): Promise<void>;
}

function describeAttempts(record: InteractionRecord): string {
  if (record.attempts.length === 0) return "no callback was attempted";
  return record.attempts
    .map((a) => `callback type ${String(a.type)} after ${a.latencyMs} ms → ${a.status}`)
    .join(", ");
}

export function interactionHandle(
  state: StandInState,
  record: InteractionRecord,
  defaultTimeoutMs: number,
): InteractionHandle {
  const what = (goal: string) => () =>
    `${goal} of interaction ${record.id} (${describeAttempts(record)})`;
  const message = (id: string | undefined) => (id ? state.messages.get(id) : undefined);
  const firstFollowUp = () => message(record.followUpIds[0]);

  const visibleReply = (): StoredMessage | undefined => {
    const ack = record.ack;
    if (!ack) return undefined;
    const original = message(record.originalId);
    switch (ack.type) {
      case R.ChannelMessageWithSource:
      case R.UpdateMessage:
        return original;
      case R.DeferredChannelMessageWithSource:
        return original && !original.loading ? original : firstFollowUp();
      case R.DeferredMessageUpdate:
        return original?.editedAt !== undefined && original.editedAt >= ack.at
          ? original
          : firstFollowUp();
      default:
        throw new Error(
          `stand-in: interaction ${record.id} was answered with callback type ${String(ack.type)}, not a message`,
        );
    }
  };

  return {
    id: record.id,
    token: record.token,
    payload: record.payload,
    dispatchedAt: record.dispatchedAt,
    record,
    callback: (timeoutMs = defaultTimeoutMs) =>
      waitFor(state, () => record.ack, timeoutMs, what("the callback")),
    reply: (timeoutMs = defaultTimeoutMs) =>
      waitFor(state, visibleReply, timeoutMs, what("the reply")),
    choices: (timeoutMs = defaultTimeoutMs) =>
      waitFor(
        state,
        () => {
          if (record.ack?.type !== R.ApplicationCommandAutocompleteResult) return undefined;
          const data = record.ack.data;
          return (isRecord(data) && Array.isArray(data.choices) ? data.choices : []) as Array<{
            name: string;
            value: string | number;
          }>;
        },
        timeoutMs,
        what("autocomplete choices"),
      ),
    followUps: (count = 1, timeoutMs = defaultTimeoutMs) =>
      waitFor(
        state,
        () => {
          const found = record.followUpIds
            .map(message)
            .filter((m): m is StoredMessage => m !== undefined);
          return found.length >= count ? found : undefined;
        },
        timeoutMs,
        what(`${count} follow-up(s)`),
      ),
    original: () => message(record.originalId),
    requests: () => state.requests.filter((r) => r.interactionId === record.id),
  };
}

export function messageHandle(
  state: StandInState,
  stored: StoredMessage,
  payload: Record<string, unknown>,
  dispatchedAt: number,
  defaultTimeoutMs: number,
): MessageHandle {
  const replies = () =>
    [...state.messages.values()].filter(
      (m) => m.replyTo === stored.id && m.author.id === state.world.bot.id,
    );
  const activity = () =>
    state.requests.filter(
      (r) =>
        r.at >= dispatchedAt &&
        r.path.startsWith(`/channels/${stored.channelId}/`) &&
        (r.method === "POST" || r.method === "PATCH" || r.method === "PUT"),
    );
  return {
    message: stored,
    payload,
    dispatchedAt,
    reply: (timeoutMs = defaultTimeoutMs) =>
      waitFor(
        state,
        () => replies()[0],
        timeoutMs,
        () => {
          const seen = activity().map((r) => `${r.method} ${r.path} → ${r.status}`);
          return `a reply to message ${stored.id} (bot activity in the channel: ${seen.join(", ") || "none"})`;
        },
      ),
    replies,
    activity,
    expectNoResponse: async (ms = 300) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      const seen = activity();
      if (seen.length > 0) {
        throw new Error(
          `stand-in: expected no response to message ${stored.id}, but the bot did: ${seen
            .map((r) => `${r.method} ${r.path} → ${r.status}`)
            .join(", ")}`,
        );
      }
    },
  };
}
