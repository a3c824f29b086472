// Everything the stand-in remembers: requests, messages, interactions, commands, gateway traffic.
// Every change emits "change", which is what the awaitable helpers (waitFor) listen to.
import { EventEmitter } from "node:events";
import type { APIEmbed, APIUser } from "discord.js";
import type { World } from "./fixtures.js";
import type { Pings } from "./mentions.js";

export interface RecordedFile {
  field: string;
  name: string;
  contentType: string;
  size: number;
}

export interface RecordedRequest {
  seq: number;
  at: number;
  method: string;
  /** The decoded path below /api/v10, e.g. "/webhooks/1/tok/messages/@original". */
  path: string;
  /** The path as it arrived, still URL-encoded (e.g. ".../messages/%40original"). */
  rawPath: string;
  /** The route template it matched, e.g. "POST /channels/:channel/messages"; null when unknown. */
  route: string | null;
  query: Record<string, string>;
  /** Whether an Authorization header with the right bot token came along (the token is not kept). */
  auth: "bot" | "missing" | "wrong";
  body: unknown;
  files: RecordedFile[];
  status: number;
  response: unknown;
  /** Set when the status came from injected fault, not from the route. */
  injected?: boolean;
  /** The allowed_mentions sent (at the top level or under `data`); undefined when absent. */
  allowedMentions: unknown;
  interactionId?: string;
}

export type MessageSource = "interaction-callback" | "interaction-edit" | "follow-up" | "channel";

export interface StoredMessage {
  id: string;
  channelId: string;
  author: APIUser;
  content: string;
  embeds: APIEmbed[];
  components: unknown[];
  flags: number;
  ephemeral: boolean;
  /** Still "thinking": a deferred reply not yet edited. */
  loading: boolean;
  /** The allowed_mentions of the last request that wrote it. */
  allowedMentions: unknown;
  /** Who it would notify; recomputed on every edit. */
  pings: Pings;
  via: MessageSource;
  interactionId?: string;
  /** The message it replies to (message_reference). */
  replyTo?: string;
  createdAt: number;
  editedAt?: number;
  /** Extra fields of a message dispatched by the stand-in (mentions, type, …), returned as is. */
  extra?: Record<string, unknown>;
}

export type InteractionKind = "command" | "autocomplete" | "component" | "modal";

export interface CallbackAttempt {
  at: number;
  /** Milliseconds since the interaction was dispatched. */
  latencyMs: number;
  type: unknown;
  data: unknown;
  status: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  kind: InteractionKind;
  payload: Record<string, unknown>;
  dispatchedAt: number;
  attempts: CallbackAttempt[];
  /** The accepted callback. */
  ack?: CallbackAttempt;
  originalId?: string;
  followUpIds: string[];
}

export interface RegisteredCommand extends Record<string, unknown> {
  id: string;
  name: string;
  type: number;
}

export interface Fault {
  matches: (method: string, path: string, route: string | null) => boolean;
  remaining: number;
  status: number;
  retryAfterSeconds: number;
  global: boolean;
}

export interface IdentifyRecord {
  at: number;
  tokenMatched: boolean;
  intents: number;
  properties: unknown;
  shard: unknown;
  /** The connection's URL query, e.g. { v: "10", encoding: "json" }. */
  query: Record<string, string>;
}

export class StandInState {
  readonly events = new EventEmitter();
  readonly requests: RecordedRequest[] = [];
  readonly messages = new Map<string, StoredMessage>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly commands = {
    global: [] as RegisteredCommand[],
    guild: new Map<string, RegisteredCommand[]>(),
  };
  readonly faults: Fault[] = [];
  readonly identifies: IdentifyRecord[] = [];
  /** Heartbeats (op 1) received and acknowledged. */
  heartbeats = 0;
  /** The shard count GET /gateway/bot recommends. */
  shardCount = 1;
  readonly resumes: Array<{ at: number; sessionId: string; replayed: number; ok: boolean }> = [];
  private seq = 0;

  constructor(
    readonly world: World,
    readonly nextId: () => string,
    readonly token: string,
    /** Mutable so a test can shorten Discord's 3 s to exercise a late acknowledgement quickly. */
    public ackDeadlineMs: number,
  ) {
    this.events.setMaxListeners(0);
  }

  changed(): void {
    this.events.emit("change");
  }

  record(request: Omit<RecordedRequest, "seq">): RecordedRequest {
    const entry = { ...request, seq: ++this.seq };
    this.requests.push(entry);
    this.changed();
    return entry;
  }

  takeFault(method: string, path: string, route: string | null): Fault | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && f.matches(method, path, route));
    if (fault) fault.remaining--;
    return fault;
  }

  interactionByToken(token: string): InteractionRecord | undefined {
    for (const record of this.interactions.values()) if (record.token === token) return record;
    return undefined;
  }

  /** The command registered under a name (guild commands first), for realistic interaction ids. */
  commandNamed(name: string, type: number): RegisteredCommand | undefined {
    const guild = this.commands.guild.get(this.world.guild.id) ?? [];
    return [...guild, ...this.commands.global].find((c) => c.name === name && c.type === type);
  }
}

const POLL_MS = 20;

/**
 * Resolves with check()'s first non-undefined result, re-checking on every change (and every 20 ms); rejects after
 * timeoutMs with `what` and a summary of the latest requests, so a failing test says what happened.
 */
export function waitFor<T>(
  state: StandInState,
  check: () => T | undefined,
  timeoutMs: number,
  what: string | (() => string),
): Promise<T> {
  const describe = () => (typeof what === "string" ? what : what());
  return new Promise<T>((resolve, reject) => {
    const done = (fn: () => void) => {
      clearTimeout(timer);
      clearInterval(poll);
      state.events.off("change", onChange);
      state.events.off("close", onClose);
      fn();
    };
    const onClose = () =>
      done(() => reject(new Error(`stand-in: closed while waiting for ${describe()}`)));
    const onChange = () => {
      let value: T | undefined;
      try {
        value = check();
      } catch (error) {
        done(() => reject(error));
        return;
      }
      if (value !== undefined) done(() => resolve(value as T));
    };
    const timer = setTimeout(() => {
      const recent = state.requests
        .slice(-8)
        .map((r) => `${r.method} ${r.path} → ${r.status}`)
        .join("; ");
      done(() =>
        reject(
          new Error(
            `stand-in: timed out after ${timeoutMs} ms waiting for ${describe()}. Latest requests: ${recent || "none"}`,
          ),
        ),
      );
    }, timeoutMs);
    // Changes in the stand-in wake the check at once; the poll covers conditions outside it.
    const poll = setInterval(onChange, POLL_MS);
    state.events.on("change", onChange);
    state.events.on("close", onClose);
    onChange();
  });
}
