/**
 * Test helpers for the bot: the real fact bases, services, and small fake interactions and
 * messages that record what the bot sends (the real-client tests are in tests/e2e).
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type Interaction,
  InteractionType,
  type Message,
  PermissionFlagsBits,
  PermissionsBitField,
} from "discord.js";
import { afterAll, expect } from "vitest";
import type { BotServices } from "../../src/bot/command.js";
import { type BotConfig, QUESTION_LOG_DEFAULTS, withToken } from "../../src/bot/config.js";
import { Cooldown } from "../../src/bot/cooldown.js";
import { KnowledgeStore } from "../../src/bot/knowledge-store.js";
import { memoryLogger } from "../../src/bot/logger.js";
import { messageProblems, type RenderedMessage } from "../../src/bot/render/limits.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";

export const KNOWLEDGE_DIR = fileURLToPath(new URL("../../knowledge", import.meta.url));
export const FIXTURE_DIR = fileURLToPath(new URL("../fixtures/knowledge", import.meta.url));
export const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB";
export const BOT_ID = "100000000000000001";
export const ADMIN_ROLE = "300000000000000003";
export const ADMIN_USER = "200000000000000009";

export async function load(dir: string): Promise<KnowledgeBase> {
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) throw new Error(`${dir} has problems: ${JSON.stringify(loaded.problems)}`);
  return loaded.kb;
}

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of a fact base in a temp folder (removed after the file), for reload tests. */
export function copyOf(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), "receipts-bot-"));
  temps.push(copy);
  cpSync(dir, copy, { recursive: true });
  return copy;
}

export function testConfig(overrides: Partial<Omit<BotConfig, "token">> = {}): BotConfig {
  return withToken(
    {
      clientId: BOT_ID,
      guildId: undefined,
      apiBase: "http://127.0.0.1:9/api",
      knowledgeDir: KNOWLEDGE_DIR,
      adminRoleIds: [ADMIN_ROLE],
      adminUserIds: [ADMIN_USER],
      logLevel: "debug",
      cooldownSeconds: 0,
      shards: undefined,
      questionLog: { ...QUESTION_LOG_DEFAULTS, enabled: false },
      ...overrides,
    },
    TOKEN,
  );
}

export function services(
  kb: KnowledgeBase,
  options: { cooldownSeconds?: number; now?: () => number; config?: BotConfig } = {},
): BotServices & { logger: ReturnType<typeof memoryLogger> } {
  return {
    store: KnowledgeStore.of(kb),
    config: options.config ?? testConfig(),
    logger: memoryLogger({ secrets: [TOKEN] }),
    cooldown: new Cooldown(options.cooldownSeconds ?? 0, options.now),
  };
}

/** A memory logger that redacts the test token. */
export function memoryLoggerFor() {
  return memoryLogger({ secrets: [TOKEN] });
}

export type Method =
  | "reply"
  | "deferReply"
  | "editReply"
  | "followUp"
  | "deleteReply"
  | "respond"
  | "update";

export interface Call {
  readonly method: Method;
  // The discord.js options object the bot passed, as sent.
  readonly payload: Record<string, unknown>;
  readonly at: number;
}

export interface FakeSpec {
  readonly kind: "slash" | "autocomplete" | "message" | "button";
  readonly name?: string;
  readonly options?: Readonly<Record<string, string | boolean | number>>;
  readonly subcommand?: string;
  readonly locale?: string;
  readonly userId?: string;
  readonly permissions?: bigint;
  readonly roles?: readonly string[];
  readonly customId?: string;
  readonly targetContent?: string;
  /** Methods that reject, like a Discord REST error. */
  readonly failing?: readonly Method[];
  /** Outside a server: no member, no permissions. */
  readonly dm?: boolean;
}

export interface Fake {
  readonly interaction: Interaction;
  readonly calls: Call[];
  readonly created: number;
}

/**
 * A fake interaction with the methods and fields the bot uses. It is not a discord.js class, so
 * it is cast once here; the end-to-end tests drive the real ones.
 */
export function fakeInteraction(spec: FakeSpec): Fake {
  const calls: Call[] = [];
  const created = performance.now();
  const record =
    (method: Method) =>
    async (payload: Record<string, unknown> = {}) => {
      calls.push({ method, payload, at: performance.now() - created });
      if (spec.failing?.includes(method)) throw new Error(`fake ${method} failure (like a 500)`);
      if (method === "reply" || method === "deferReply") fake.replied = true;
      if (method === "respond") fake.responded = true;
      return undefined;
    };
  const options = spec.options ?? {};
  const type = {
    slash: InteractionType.ApplicationCommand,
    message: InteractionType.ApplicationCommand,
    autocomplete: InteractionType.ApplicationCommandAutocomplete,
    button: InteractionType.MessageComponent,
  }[spec.kind];
  const fake = {
    type,
    id: "400000000000000001",
    commandName: spec.name ?? "",
    customId: spec.customId ?? "",
    locale: spec.locale ?? "en-US",
    guildId: spec.dm ? null : "500000000000000001",
    user: { id: spec.userId ?? "200000000000000001", bot: false },
    member: spec.dm ? null : { roles: [...(spec.roles ?? [])] },
    memberPermissions: spec.dm ? null : new PermissionsBitField(spec.permissions ?? 0n),
    client: { user: { id: BOT_ID } },
    targetMessage: { content: spec.targetContent ?? "" },
    replied: false,
    responded: false,
    options: {
      getString: (name: string, required?: boolean) => {
        const value = options[name];
        if (value === undefined && required) throw new Error(`option ${name} is required`);
        return typeof value === "string" ? value : null;
      },
      getBoolean: (name: string) => {
        const value = options[name];
        return typeof value === "boolean" ? value : null;
      },
      getInteger: (name: string) => {
        const value = options[name];
        return typeof value === "number" ? value : null;
      },
      getSubcommand: (required = true) => {
        if (spec.subcommand === undefined && required) throw new Error("no subcommand");
        return spec.subcommand ?? null;
      },
      getFocused: () => {
        const value = Object.values(options).find((v) => typeof v === "string");
        return value ?? "";
      },
    },
    isAutocomplete: () => spec.kind === "autocomplete",
    isChatInputCommand: () => spec.kind === "slash",
    isMessageContextMenuCommand: () => spec.kind === "message",
    isCommand: () => spec.kind === "slash" || spec.kind === "message",
    isButton: () => spec.kind === "button",
    isMessageComponent: () => spec.kind === "button",
    reply: record("reply"),
    deferReply: record("deferReply"),
    editReply: record("editReply"),
    followUp: record("followUp"),
    deleteReply: record("deleteReply"),
    update: record("update"),
    respond: async (choices: unknown) => record("respond")({ choices }),
  };
  // A structural fake: only what the bot reads and calls (see the object above).
  return { interaction: fake as unknown as Interaction, calls, created };
}

export interface FakeMessage {
  readonly message: Message;
  readonly replies: Record<string, unknown>[];
}

export function fakeMessage(
  content: string,
  options: { authorId?: string; bot?: boolean; webhookId?: string; locale?: string } = {},
): FakeMessage {
  const replies: Record<string, unknown>[] = [];
  const message = {
    content,
    author: { id: options.authorId ?? "200000000000000001", bot: options.bot ?? false },
    webhookId: options.webhookId ?? null,
    system: false,
    channelId: "600000000000000001",
    guild: { preferredLocale: options.locale ?? "en-US" },
    reply: async (payload: Record<string, unknown>) => {
      replies.push(payload);
      return {};
    },
  };
  // A structural fake of a discord.js Message: only what the mention handler uses.
  return { message: message as unknown as Message, replies };
}

/** The rendered-message view of a discord.js options object the bot sent. */
export function asRendered(payload: Record<string, unknown>): RenderedMessage {
  return {
    ...(typeof payload.content === "string" ? { content: payload.content } : {}),
    embeds: (payload.embeds ?? []) as RenderedMessage["embeds"],
    components: (payload.components ?? []) as RenderedMessage["components"],
  };
}

/** Every message the bot sent: within Discord's limits and pinging nobody. */
export function expectSafe(payloads: readonly Record<string, unknown>[]): void {
  for (const payload of payloads) {
    expect(messageProblems(asRendered(payload))).toEqual([]);
    expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
  }
}

/** The payloads of the calls that put a message on screen. */
export function sent(calls: readonly Call[]): Record<string, unknown>[] {
  return calls
    .filter((c) => ["reply", "editReply", "followUp", "update"].includes(c.method))
    .map((c) => c.payload);
}

/** All visible text of a payload: content, titles, descriptions, fields, footers. */
export function textOf(payload: Record<string, unknown>): string {
  const r = asRendered(payload);
  const parts = [r.content ?? ""];
  for (const e of r.embeds) {
    parts.push(e.title ?? "", e.description ?? "", e.footer?.text ?? "");
    for (const f of e.fields ?? []) parts.push(f.name, f.value);
  }
  return parts.join("\n");
}

export const MANAGE_GUILD = PermissionFlagsBits.ManageGuild;
