// The gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME → replay + RESUMED,
// and ways to break the connection. Text frames of JSON only (discord.js compresses only when
// zlib-sync is installed, and says so in the URL).
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes } from "discord.js";
import { type WebSocket, WebSocketServer } from "ws";
import { guildCreatePayload } from "./fixtures.js";
import { isRecord } from "./limits.js";
import type { StandInState } from "./state.js";

export const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers |
  GatewayIntentBits.GuildPresences |
  GatewayIntentBits.MessageContent;
const KNOWN_INTENTS = Object.values(GatewayIntentBits)
  .filter((v): v is number => typeof v === "number")
  .reduce((a, b) => a | b, 0);

export const GATEWAY_PATH = "/gateway";
export const RESUME_PATH = "/gateway/resume";

interface Dispatch {
  op: GatewayOpcodes.Dispatch;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  intents: number;
  seq: number;
  socket: WebSocket | null;
  /** Sent dispatches, replayed on RESUME. */
  sent: Dispatch[];
  /** Closed by the client with 1000/1001 (or by invalidation): cannot be resumed. */
  invalid: boolean;
  /** [shard id, shard count] from IDENTIFY; [0, 1] when it sent none. */
  shard: [number, number];
}

interface Connection {
  socket: WebSocket;
  query: Record<string, string>;
  path: string;
  session?: Session;
}

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  /** Privileged intents enabled in the (imaginary) developer portal; others get close 4014. */
  privilegedIntents: number;
  baseUrl: () => string;
}

export type DropMode =
  /** Close with a code (default 4000, "unknown error"): the client resumes. */
  | { mode?: "close"; code?: number }
  /** Cut the TCP connection without a close frame (the client sees 1006). */
  | { mode: "terminate" }
  /** Ask the client to reconnect (op 7), as Discord does before restarting a gateway node. */
  | { mode: "reconnect" };

export interface DispatchOptions {
  /** The intent a session needs to receive this event. */
  intent?: number;
  /** Adapts the payload to one session, e.g. to strip content without the Message Content intent. */
  forSession?: (data: unknown, intents: number) => unknown;
}

const MAX_REPLAY = 1000;

/** What Discord would say to the connection URL's query: [close code, reason]. */
function queryProblem(query: Record<string, string>): [number, string] | undefined {
  if (query.v !== "10") return [4012, `API version ${query.v}, expected 10`];
  if (query.encoding !== "json") return [4002, `encoding ${query.encoding} unsupported`];
  if (query.compress) return [4002, `compress=${query.compress} unsupported`];
  return undefined;
}

/** A valid IDENTIFY `shard`: [id, count] with 0 ≤ id < count. */
function shardOf(value: unknown): [number, number] | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [id, count] = value;
  if (!Number.isInteger(id) || !Number.isInteger(count)) return undefined;
  return id >= 0 && count >= 1 && id < count ? [id, count] : undefined;
}

/** Discord's rule: a guild belongs to shard (guild_id >> 22) % shard_count. */
export function shardForGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

function ownsGuild(session: Session, guildId: string): boolean {
  const [id, count] = session.shard;
  return shardForGuild(guildId, count) === id;
}

export class Gateway {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();
  /** Problems the stand-in saw in the client's gateway traffic, e.g. a bad query or opcode. */
  readonly problems: string[] = [];
  readonly connectPaths: string[] = [];

  constructor(
    private readonly state: StandInState,
    private readonly options: GatewayOptions,
  ) {}

  /** Takes the HTTP upgrade if it is for the gateway; returns false otherwise. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? "/", "http://stand-in.invalid");
    const path = url.pathname.replace(/\/$/, "");
    if (path !== GATEWAY_PATH && path !== RESUME_PATH) return false;
    this.server.handleUpgrade(req, socket, head, (ws) => {
      this.connectPaths.push(`${path}${url.search}`);
      this.open(ws, path, Object.fromEntries(url.searchParams));
    });
    return true;
  }

  private open(socket: WebSocket, path: string, query: Record<string, string>): void {
    const connection: Connection = { socket, query, path };
    this.connections.add(connection);
    socket.on("message", (data, isBinary) => this.onMessage(connection, data.toString(), isBinary));
    socket.on("close", (code) => this.onClose(connection, code));
    socket.on("error", () => socket.terminate());
    const problem = queryProblem(query);
    if (problem) {
      this.fail(connection, ...problem);
      return;
    }
    this.send(connection, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs },
    });
    this.state.changed();
  }

  private fail(connection: Connection, code: number, problem: string): void {
    this.problems.push(problem);
    connection.socket.close(code, problem.slice(0, 120));
    this.state.changed();
  }

  private send(connection: Connection, payload: unknown): void {
    if (connection.socket.readyState === connection.socket.OPEN) {
      connection.socket.send(JSON.stringify(payload));
    }
  }

  private onMessage(connection: Connection, text: string, isBinary: boolean): void {
    let payload: unknown;
    try {
      payload = isBinary ? undefined : JSON.parse(text);
    } catch {
      payload = undefined;
    }
    if (!isRecord(payload)) {
      this.fail(connection, 4002, "undecodable gateway payload");
      return;
    }
    const d = isRecord(payload.d) ? payload.d : {};
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.send(connection, { op: GatewayOpcodes.HeartbeatAck });
        this.state.heartbeats++;
        this.state.changed();
        break;
      case GatewayOpcodes.Identify:
        this.identify(connection, d);
        break;
      case GatewayOpcodes.Resume:
        this.resume(connection, d);
        break;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
        if (!connection.session) this.fail(connection, 4003, `op ${payload.op} before identify`);
        break;
      default:
        this.fail(connection, 4001, `unknown opcode ${String(payload.op)}`);
    }
  }

  /** Why Discord would refuse this IDENTIFY: [close code, reason]. */
  private identifyProblem(
    connection: Connection,
    d: Record<string, unknown>,
  ): [number, string] | undefined {
    const intents = typeof d.intents === "number" ? d.intents : -1;
    if (connection.session) return [4005, "identified twice"];
    if (d.token !== this.state.token) return [4004, "Authentication failed."];
    if (intents < 0 || (intents & ~KNOWN_INTENTS) !== 0) return [4013, "Invalid intent(s)."];
    if ((intents & PRIVILEGED_INTENTS & ~this.options.privilegedIntents) !== 0) {
      return [4014, "Disallowed intent(s)."];
    }
    if (d.shard !== undefined && !shardOf(d.shard)) return [4010, "Invalid shard."];
    return undefined;
  }

  private identify(connection: Connection, d: Record<string, unknown>): void {
    const intents = typeof d.intents === "number" ? d.intents : -1;
    this.state.identifies.push({
      at: Date.now(),
      tokenMatched: d.token === this.state.token,
      intents,
      properties: d.properties,
      shard: d.shard,
      query: connection.query,
    });
    const problem = this.identifyProblem(connection, d);
    if (problem) {
      this.fail(connection, ...problem);
      return;
    }
    const session: Session = {
      id: randomBytes(16).toString("hex"),
      intents,
      seq: 0,
      socket: connection.socket,
      sent: [],
      invalid: false,
      shard: shardOf(d.shard) ?? [0, 1],
    };
    this.sessions.set(session.id, session);
    connection.session = session;
    const world = this.state.world;
    this.dispatchTo(session, GatewayDispatchEvents.Ready, {
      v: 10,
      user: world.bot,
      guilds: ownsGuild(session, world.guild.id) ? [{ id: world.guild.id, unavailable: true }] : [],
      session_id: session.id,
      resume_gateway_url: `${this.options.baseUrl()}${RESUME_PATH}`,
      shard: session.shard,
      application: { id: world.application.id, flags: world.application.flags },
      user_settings: {},
      relationships: [],
      private_channels: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      _trace: ["stand-in"],
    });
    if (ownsGuild(session, world.guild.id)) {
      this.dispatchTo(session, GatewayDispatchEvents.GuildCreate, guildCreatePayload(world));
    }
    this.state.changed();
  }

  private resume(connection: Connection, d: Record<string, unknown>): void {
    if (d.token !== this.state.token) {
      this.fail(connection, 4004, "Authentication failed.");
      return;
    }
    const session = typeof d.session_id === "string" ? this.sessions.get(d.session_id) : undefined;
    const seq = typeof d.seq === "number" ? d.seq : -1;
    if (!session || session.invalid || seq > session.seq) {
      this.state.resumes.push({
        at: Date.now(),
        sessionId: String(d.session_id),
        replayed: 0,
        ok: false,
      });
      this.send(connection, { op: GatewayOpcodes.InvalidSession, d: false });
      this.state.changed();
      return;
    }
    if (session.socket && session.socket !== connection.socket) session.socket.terminate();
    session.socket = connection.socket;
    connection.session = session;
    const missed = session.sent.filter((payload) => payload.s > seq);
    for (const payload of missed) this.send(connection, payload);
    session.seq++;
    this.send(connection, {
      op: GatewayOpcodes.Dispatch,
      t: GatewayDispatchEvents.Resumed,
      s: session.seq,
      d: {},
    });
    this.state.resumes.push({
      at: Date.now(),
      sessionId: session.id,
      replayed: missed.length,
      ok: true,
    });
    this.state.changed();
  }

  private onClose(connection: Connection, code: number): void {
    this.connections.delete(connection);
    const session = connection.session;
    if (session && session.socket === connection.socket) {
      session.socket = null;
      // A client that closes with 1000 or 1001 ends its session, as on Discord.
      if (code === 1000 || code === 1001) session.invalid = true;
    }
    this.state.changed();
  }

  private dispatchTo(session: Session, t: string, d: unknown): void {
    session.seq++;
    const payload: Dispatch = { op: GatewayOpcodes.Dispatch, t, s: session.seq, d };
    session.sent.push(payload);
    if (session.sent.length > MAX_REPLAY) session.sent.shift();
    const socket = session.socket;
    if (socket && socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }

  /** Sends an event to every live session (buffered for replay while disconnected). */
  dispatch(t: string, d: unknown, options: DispatchOptions = {}): number {
    let count = 0;
    for (const session of this.sessions.values()) {
      if (session.invalid) continue;
      if (options.intent !== undefined && (session.intents & options.intent) === 0) continue;
      // A guild's events go to the one shard that has the guild, as on Discord.
      const guildId = isRecord(d) && typeof d.guild_id === "string" ? d.guild_id : undefined;
      if (guildId && !ownsGuild(session, guildId)) continue;
      this.dispatchTo(session, t, options.forSession ? options.forSession(d, session.intents) : d);
      count++;
    }
    return count;
  }

  /** Sessions that can still receive events (connected now, or resumable). */
  get liveSessions(): number {
    return [...this.sessions.values()].filter((s) => !s.invalid).length;
  }

  /** Open, identified or resumed connections. */
  get connectedSessions(): number {
    return [...this.connections].filter((c) => c.session && c.session.socket === c.socket).length;
  }

  /** Breaks every open connection; resolves when the sockets are closed on this side. */
  async drop(how: DropMode = {}): Promise<number> {
    const open = [...this.connections];
    const closed = open.map(
      (c) =>
        new Promise<void>((resolve) =>
          c.socket.readyState === c.socket.CLOSED
            ? resolve()
            : c.socket.once("close", () => resolve()),
        ),
    );
    for (const connection of open) {
      if (how.mode === "terminate") connection.socket.terminate();
      else if (how.mode === "reconnect")
        this.send(connection, { op: GatewayOpcodes.Reconnect, d: null });
      else connection.socket.close(how.code ?? 4000, "stand-in dropped the connection");
    }
    await Promise.all(closed);
    return open.length;
  }

  /** Invalidates every session, so the next resume gets op 9 and the client identifies again. */
  invalidateSessions(): void {
    for (const session of this.sessions.values()) session.invalid = true;
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
