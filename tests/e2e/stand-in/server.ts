// startStandIn: one HTTP server on 127.0.0.1 (a free port) with REST under /api/v10 and the
// gateway over WebSocket, plus the API tests drive it with.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type APIOverwrite,
  type APIRole,
  type APIUser,
  GatewayDispatchEvents,
  GatewayIntentBits,
  PermissionFlagsBits,
} from "discord.js";
import {
  addMember,
  createWorld,
  findChannel,
  memberPayload,
  permissionsOf,
  snowflakeFactory,
  type World,
  type WorldOptions,
} from "./fixtures.js";
import { type DropMode, GATEWAY_PATH, Gateway } from "./gateway.js";
import {
  type InteractionHandle,
  interactionHandle,
  type MessageHandle,
  messageHandle,
} from "./handles.js";
import { buildInteraction, type InteractionSpec, type MessageRef } from "./interactions.js";
import { pingsAnyone } from "./mentions.js";
import { createMessage, toApiMessage } from "./messages.js";
import { handleRest } from "./rest.js";
import type { RouteDeps } from "./routes.js";
import {
  type Fault,
  type IdentifyRecord,
  type RecordedRequest,
  StandInState,
  type StoredMessage,
  waitFor,
} from "./state.js";

export interface StandInOptions {
  /** The bot token the stand-in accepts (REST and gateway). Default: a made-up one. */
  token?: string;
  /** Discord's 3 seconds to acknowledge an interaction. */
  ackDeadlineMs?: number;
  /** HELLO's heartbeat_interval (Discord: 41250). */
  heartbeatIntervalMs?: number;
  /** Privileged intents "enabled in the developer portal"; identifying with others closes 4014. */
  privilegedIntents?: number;
  world?: WorldOptions;
  /** Default timeout of the awaitable helpers. */
  timeoutMs?: number;
  /** The shard count GET /gateway/bot recommends (default 1). A guild's events go to its shard. */
  shards?: number;
}

export interface FaultSpec {
  /** A route template, e.g. "POST /interactions/:id/:token/callback" (see StandIn.requests[].route). */
  route?: string;
  /** Or a pattern tested against "METHOD /path", e.g. /^PATCH \/webhooks\//. */
  match?: RegExp;
  /** 429 (rate limited) or a 5xx. @discordjs/rest retries a 5xx up to 3 times: count 4 to surface one. */
  status: number;
  count?: number;
  /** 429 only: Retry-After (header, seconds) and retry_after (body). Default 0.25. */
  retryAfterSeconds?: number;
  global?: boolean;
}

export interface MessageSpec {
  content: string;
  /** Default: the world's ordinary member. */
  author?: APIUser;
  /** Default: #general. */
  channelId?: string;
}

export interface StandIn {
  /** What the client's `rest.api` (and the bot's DISCORD_API_BASE) takes: http://127.0.0.1:PORT/api */
  apiBase: string;
  gatewayUrl: string;
  token: string;
  world: World;
  /** The raw state, for assertions the helpers below do not cover. */
  state: StandInState;
  requests: readonly RecordedRequest[];
  /** Requests to routes the stand-in does not know (answered 404). */
  unknownRequests(): RecordedRequest[];
  /** Requests the stand-in refused (status ≥ 400), injected faults excluded. */
  rejectedRequests(): RecordedRequest[];
  identifies: readonly IdentifyRecord[];
  resumes: StandInState["resumes"];
  /** Gateway protocol problems seen (bad query, opcode, token, intents), with their close codes' reasons. */
  gatewayProblems: readonly string[];
  /** Gateway sessions: connected now, and live (connected or resumable). */
  gatewayStatus(): { connected: number; live: number };
  /** Paths (with query) the client opened WebSockets on, e.g. "/gateway?v=10&encoding=json". */
  gatewayConnects: readonly string[];
  /** Every message the bot has posted or edited into being, in order. */
  botMessages(): StoredMessage[];
  /** The bot's messages that would notify someone (see StoredMessage.pings). */
  pingingMessages(): StoredMessage[];
  /** `<@id>` for a user, `<@&id>` for a role. */
  mention(target: APIUser | APIRole): string;
  addMember(username: string, options?: { roleIds?: string[]; bot?: boolean }): APIUser;

  /** Resolves once a client is identified and connected (READY and GUILD_CREATE sent). */
  waitForIdentify(timeoutMs?: number): Promise<IdentifyRecord>;
  /** Resolves at the next successful RESUME after the call. */
  waitForResume(timeoutMs?: number): Promise<StandInState["resumes"][number]>;
  waitForRequest(
    predicate: (r: RecordedRequest) => boolean,
    timeoutMs?: number,
    what?: string,
  ): Promise<RecordedRequest>;
  waitFor<T>(check: () => T | undefined, timeoutMs?: number, what?: string): Promise<T>;

  sendInteraction(spec: InteractionSpec): InteractionHandle;
  /** Any other gateway event, e.g. dispatch("GUILD_MEMBER_UPDATE", {...}); returns the sessions reached. */
  dispatch(event: string, data: unknown): number;
  sendMessage(spec: MessageSpec): MessageHandle;

  /**
   * Replaces a channel's permission overwrites and tells the sessions (CHANNEL_UPDATE); sends to
   * the channel are then checked against them (403 50001, 50013, 160002 as on Discord).
   */
  setChannelOverwrites(channelId: string, overwrites: APIOverwrite[]): void;
  /** The next `count` matching requests answer `status` instead. */
  failNext(spec: FaultSpec): Fault;
  /** Breaks the gateway connection(s); resolves when closed on this side. */
  dropGateway(how?: DropMode): Promise<number>;
  /** The next RESUME gets op 9 (invalid session), so the client identifies again. */
  invalidateSessions(): void;
  /** Closes every socket and the server; pending waits reject. */
  close(): Promise<void>;
}

const DEFAULT_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.STANDIN.not-a-real-token_0123456789abcdef";

function stripContent(data: unknown, intents: number, botId: string): unknown {
  if ((intents & GatewayIntentBits.MessageContent) !== 0) return data;
  const message = data as Record<string, unknown>;
  const author = message.author as APIUser;
  const mentions = (message.mentions ?? []) as APIUser[];
  // Without Message Content, Discord still sends content that mentions the bot, and its own.
  if (author.id === botId || mentions.some((user) => user.id === botId)) return data;
  return { ...message, content: "", embeds: [], attachments: [], components: [] };
}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const nextId = snowflakeFactory();
  const world = createWorld(nextId, options.world);
  const token = options.token ?? DEFAULT_TOKEN;
  const state = new StandInState(world, nextId, token, options.ackDeadlineMs ?? 3000);
  const timeout = options.timeoutMs ?? 5000;
  state.shardCount = options.shards ?? 1;
  let base = "";
  const gateway = new Gateway(state, {
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    privilegedIntents: options.privilegedIntents ?? 0,
    baseUrl: () => base.replace(/^http/, "ws"),
  });

  const messageCreate = (message: StoredMessage) => {
    const api = toApiMessage(state, message);
    const member = world.members.get(message.author.id);
    const { user: _user, ...partialMember } = memberPayload(world, message.author);
    return { ...api, ...(member ? { member: partialMember } : {}) };
  };
  const dispatchMessage = (payload: Record<string, unknown>) =>
    gateway.dispatch(GatewayDispatchEvents.MessageCreate, payload, {
      intent: GatewayIntentBits.GuildMessages,
      forSession: (data, intents) => stripContent(data, intents, world.bot.id),
    });
  const deps: RouteDeps = {
    state,
    gatewayUrl: () => `${base.replace(/^http/, "ws")}${GATEWAY_PATH}`,
    echoMessage: (message) => {
      dispatchMessage(messageCreate(message));
    },
  };

  const server = createServer((req, res) => {
    handleRest(req, res, deps).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ message: `stand-in error: ${String(error)}`, code: 0 }));
    });
  });
  server.on("upgrade", (req, socket, head) => {
    if (!gateway.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  const apiMessage = (ref: MessageRef) => {
    const id = typeof ref === "string" ? ref : ref.id;
    const message = state.messages.get(id);
    if (!message) throw new Error(`stand-in: no message ${id} to refer to`);
    return toApiMessage(state, message);
  };
  const requireSession = (what: string) => {
    if (gateway.liveSessions === 0) {
      throw new Error(`stand-in: no gateway session to send ${what} to; log a client in first`);
    }
  };

  const standIn: StandIn = {
    apiBase: `${base}/api`,
    gatewayUrl: `${base.replace(/^http/, "ws")}${GATEWAY_PATH}`,
    token,
    world,
    state,
    requests: state.requests,
    unknownRequests: () => state.requests.filter((r) => r.route === null),
    rejectedRequests: () => state.requests.filter((r) => r.status >= 400 && !r.injected),
    identifies: state.identifies,
    resumes: state.resumes,
    gatewayProblems: gateway.problems,
    gatewayConnects: gateway.connectPaths,
    gatewayStatus: () => ({ connected: gateway.connectedSessions, live: gateway.liveSessions }),
    botMessages: () => [...state.messages.values()].filter((m) => m.author.id === world.bot.id),
    pingingMessages: () => standIn.botMessages().filter((m) => pingsAnyone(m.pings)),
    mention: (target) => ("username" in target ? `<@${target.id}>` : `<@&${target.id}>`),
    addMember: (username, memberOptions) => addMember(world, nextId, username, memberOptions),

    waitForIdentify: (timeoutMs = timeout) =>
      waitFor(
        state,
        () =>
          gateway.connectedSessions > 0
            ? state.identifies.findLast((i) => i.tokenMatched)
            : undefined,
        timeoutMs,
        "a client to identify",
      ),
    waitForResume: (timeoutMs = timeout) => {
      const before = state.resumes.length;
      return waitFor(
        state,
        () => state.resumes.slice(before).find((r) => r.ok),
        timeoutMs,
        "a gateway resume",
      );
    },
    waitForRequest: (predicate, timeoutMs = timeout, what = "a matching request") =>
      waitFor(state, () => state.requests.find(predicate), timeoutMs, what),
    waitFor: (check, timeoutMs = timeout, what = "a condition") =>
      waitFor(state, check, timeoutMs, what),

    sendInteraction: (spec) => {
      requireSession("an interaction");
      const built = buildInteraction(
        {
          world,
          nextId,
          commandId: (name, type) => state.commandNamed(name, type)?.id,
          apiMessage,
        },
        spec,
      );
      const payload = built.payload;
      const record = {
        id: String(payload.id),
        token: String(payload.token),
        kind: built.kind,
        payload,
        dispatchedAt: Date.now(),
        attempts: [],
        followUpIds: [],
      };
      state.interactions.set(record.id, record);
      gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
      state.changed();
      return interactionHandle(state, record, timeout);
    },
    dispatch: (event, data) => {
      const reached = gateway.dispatch(event, data);
      state.changed();
      return reached;
    },
    sendMessage: (spec) => {
      requireSession("a message");
      const author = spec.author ?? world.users.member;
      const everyone = permissionsOf(world, author.id) & PermissionFlagsBits.MentionEveryone;
      const stored = createMessage(state, {
        channelId: spec.channelId ?? world.channels.general.id,
        author,
        body: { content: spec.content },
        via: "channel",
      });
      // A user's @everyone only counts when they may mention everyone.
      stored.pings = { ...stored.pings, everyone: stored.pings.everyone && everyone !== 0n };
      const payload = messageCreate(stored);
      const dispatchedAt = Date.now();
      dispatchMessage(payload);
      state.changed();
      return messageHandle(state, stored, payload, dispatchedAt, timeout);
    },

    setChannelOverwrites: (channelId, overwrites) => {
      const channel = findChannel(world, channelId);
      if (!channel) throw new Error(`stand-in: no channel ${channelId}`);
      channel.permission_overwrites = overwrites.map((o) => ({ ...o }));
      gateway.dispatch(GatewayDispatchEvents.ChannelUpdate, channel);
      state.changed();
    },
    failNext: (spec) => {
      const fault: Fault = {
        matches: (method, path, route) =>
          (spec.route === undefined || spec.route === route) &&
          (spec.match === undefined || spec.match.test(`${method} ${path}`)),
        remaining: spec.count ?? 1,
        status: spec.status,
        retryAfterSeconds: spec.retryAfterSeconds ?? 0.25,
        global: spec.global ?? false,
      };
      state.faults.push(fault);
      return fault;
    },
    dropGateway: (how) => gateway.drop(how),
    invalidateSessions: () => gateway.invalidateSessions(),
    close: async () => {
      state.events.emit("close");
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return standIn;
}
