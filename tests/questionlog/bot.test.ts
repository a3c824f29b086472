// The question log from the bot's side: real router, real engine, shipped base, fake
// interactions, and a real SQLite file in a temporary folder.
import { MessageFlags } from "discord.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { BotServices } from "../../src/bot/command.js";
import { buildCustomId } from "../../src/bot/custom-id.js";
import { handleInteraction } from "../../src/bot/interactions.js";
import { mentionReply } from "../../src/bot/mentions.js";
import {
  QUESTION_LOG_CATALOGUE,
  questionLogMessages,
} from "../../src/bot/question-log-messages.js";
import { parseVoteId, voteCustomId } from "../../src/bot/vote-buttons.js";
import { answer } from "../../src/engine/index.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import type { QuestionLog } from "../../src/questionlog/question-log.js";
import {
  BOT_ID,
  expectSafe,
  type FakeSpec,
  fakeInteraction,
  KNOWLEDGE_DIR,
  load,
  MANAGE_GUILD,
  sent,
  services,
  textOf,
} from "../bot/helpers.js";
import { openLog, tempDir } from "./helpers.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await load(KNOWLEDGE_DIR);
});

function withLog(log: QuestionLog | undefined): BotServices & ReturnType<typeof services> {
  return { ...services(kb), questionLog: log };
}

async function run(spec: FakeSpec, svc: BotServices) {
  const fake = fakeInteraction(spec);
  await handleInteraction(fake.interaction, svc);
  const payloads = sent(fake.calls);
  expectSafe(payloads);
  return payloads;
}

/** Custom ids of a payload's buttons. */
function customIds(payload: Record<string, unknown> | undefined): string[] {
  const rows = (payload?.components ?? []) as { components: { custom_id?: string }[] }[];
  return rows.flatMap((r) => r.components.map((c) => c.custom_id ?? ""));
}

function voteIds(payloads: readonly Record<string, unknown>[]): string[] {
  return payloads.flatMap(customIds).filter((id) => parseVoteId(id));
}

const ASK = {
  kind: "slash",
  name: "ask",
  options: { question: "did Spotify read messages?" },
} as const;

describe("logging from the bot", () => {
  it("logs /ask and puts 👍/👎 in a row of their own under the answer", async () => {
    const { log } = openLog(tempDir());
    const payloads = await run(ASK, withLog(log));
    const votes = voteIds(payloads);
    expect(votes).toHaveLength(2);
    const last = payloads.at(-1) as { components: { components: unknown[] }[] };
    const row = last.components.at(-1)?.components as { emoji: { name: string }; style: number }[];
    expect(row.map((b) => b.emoji.name)).toEqual(["👍", "👎"]);
    expect(row.every((b) => b.style === 2)).toBe(true);
    log.flushAll();
    const rows = log.db?.prepare("SELECT id, via, guild_id, decision FROM questions").all();
    const id = parseVoteId(votes[0])?.questionId;
    expect(rows).toEqual([
      { id, via: "slash", guild_id: "500000000000000001", decision: "answered" },
    ]);
  });

  it("logs mentions and the message menu with how they were asked", async () => {
    const { log } = openLog(tempDir());
    const svc = withLog(log);
    await run(
      { kind: "message", name: "Ask Receipts", targetContent: "did netflix read messages?" },
      svc,
    );
    const message = {
      content: `<@${BOT_ID}> what did microsoft get?`,
      author: { id: "200000000000000005" },
      guild: null,
      guildId: "500000000000000002",
    };
    const reply = mentionReply(message as never, BOT_ID, svc);
    expect(voteIds((reply ?? []) as never)).toHaveLength(2);
    log.flushAll();
    expect(log.db?.prepare("SELECT via, guild_id FROM questions ORDER BY id").all()).toEqual([
      { via: "menu", guild_id: "500000000000000001" },
      { via: "mention", guild_id: "500000000000000002" },
    ]);
  });

  it("logs a declined question, and shows no vote buttons while the log is off", async () => {
    const { log } = openLog(tempDir());
    await run(
      { kind: "slash", name: "ask", options: { question: "what's the weather tomorrow?" } },
      withLog(log),
    );
    log.flushAll();
    expect(log.db?.prepare("SELECT decision FROM questions").pluck().all()).toEqual(["declined"]);
    expect(voteIds(await run(ASK, withLog(undefined)))).toEqual([]);
  });
});

describe("votes", () => {
  it("a click is acknowledged privately, without a cooldown, and one vote per person is kept", async () => {
    const { log } = openLog(tempDir());
    const svc = { ...withLog(log), cooldown: services(kb, { cooldownSeconds: 60 }).cooldown };
    const [up, down] = voteIds(await run(ASK, svc));
    const click = (customId: string | undefined, userId = "200000000000000001") =>
      run({ kind: "button", customId: customId ?? "", userId }, svc);
    const thanks = await click(up);
    expect(thanks[0]?.flags).toBe(MessageFlags.Ephemeral);
    expect(textOf(thanks[0] ?? {})).toBe(questionLogMessages("en").voteNoted(true));
    await click(down);
    await click(up, "200000000000000002");
    log.flushAll();
    expect(log.db?.prepare("SELECT value FROM votes ORDER BY value").pluck().all()).toEqual([
      -1, 1,
    ]);
  });

  it("a forged vote id gets the stale-button notice and counts nothing", async () => {
    const { log } = openLog(tempDir());
    const svc = withLog(log);
    for (const customId of [
      "receipts:v1:vote:up:abc",
      "receipts:v1:vote:sideways:5",
      `${voteCustomId(5, 1)}:x`,
    ]) {
      const reply = await run({ kind: "button", customId }, svc);
      expect(reply[0]?.flags).toBe(MessageFlags.Ephemeral);
    }
    log.flushAll();
    expect(log.db?.prepare("SELECT count(*) FROM votes").pluck().get()).toBe(0);
  });
});

describe("/privacy", () => {
  it("info says what is kept and for how long, privately, in the user's language", async () => {
    const { log } = openLog(tempDir(), { config: { days: 45 } });
    const [reply] = await run(
      { kind: "slash", name: "privacy", subcommand: "info", locale: "nl" },
      withLog(log),
    );
    expect(reply?.flags).toBe(MessageFlags.Ephemeral);
    expect(textOf(reply ?? {})).toContain(questionLogMessages("nl").privacyKept(45));
    const [off] = await run(
      { kind: "slash", name: "privacy", subcommand: "info" },
      withLog(undefined),
    );
    expect(textOf(off ?? {})).toContain(questionLogMessages("en").privacyOff);
  });

  it("forget deletes the caller's questions and votes, says how many, and leaves others'", async () => {
    const { log } = openLog(tempDir());
    const svc = withLog(log);
    const me = "200000000000000001";
    const other = "200000000000000002";
    const [up] = voteIds(await run({ ...ASK, userId: me }, svc));
    await run({ ...ASK, userId: me }, svc);
    await run({ ...ASK, userId: other }, svc);
    await run({ kind: "button", customId: up ?? "", userId: me }, svc);
    const replies = await run(
      { kind: "slash", name: "privacy", subcommand: "forget", userId: me },
      svc,
    );
    expect(replies.every((p) => p.flags === MessageFlags.Ephemeral || p.flags === undefined)).toBe(
      true,
    );
    expect(replies.map(textOf).join("\n")).toContain(questionLogMessages("en").forgotten(2, 1));
    log.flushAll();
    expect(log.db?.prepare("SELECT count(*) FROM questions").pluck().get()).toBe(1);
  });
});

describe("the question log's words", () => {
  /** Every entry as text: functions called with sample arguments. */
  function texts(m: Record<string, unknown>): Record<string, string> {
    const sample = { questions: 3, answered: 1, askedBack: 1, declined: 1, up: 2, down: 1 };
    const group = { count: 2, askers: 1, lastAsked: "2026-12-01" };
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(m)) {
      if (typeof value === "function") {
        const args = key === "gapsTotals" ? [sample] : key === "gapsGroup" ? [group] : [2, 1];
        out[key] = String(value(...args));
      } else out[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return out;
  }

  it("has every entry in English and Dutch, none empty, and they differ", () => {
    const en = texts({ ...QUESTION_LOG_CATALOGUE.en });
    const nl = texts({ ...QUESTION_LOG_CATALOGUE.nl });
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(nl))
      expect(value.trim().length, key).toBeGreaterThan(0);
    // Only the emoji-only vote count reads the same in both.
    expect(Object.keys(en).filter((k) => en[k] === nl[k])).toEqual(["gapsVotes"]);
  });
});

describe("/gaps", () => {
  const ADMIN = { kind: "slash", name: "gaps", permissions: MANAGE_GUILD } as const;

  async function logWithGaps() {
    const { log } = openLog(tempDir());
    const svc = withLog(log);
    await run({ kind: "slash", name: "ask", options: { question: "did twitter read DMs?" } }, svc);
    const [, down] = voteIds(await run(ASK, svc));
    await run({ kind: "button", customId: down ?? "" }, svc);
    // Another server's question: never in this server's report.
    log.record({
      via: "slash",
      guildId: "500000000000000999",
      userId: "1",
      locale: "en",
      answer: answer("what is the secret of server nine?", kb),
      engineMs: 1,
    });
    log.flushAll();
    return svc;
  }

  it("shows an admin this server's questions to look at and the votes, privately", async () => {
    const svc = await logWithGaps();
    const [reply] = await run(ADMIN, svc);
    expect(reply?.flags).toBe(MessageFlags.Ephemeral);
    const text = textOf(reply ?? {});
    expect(text).toContain("2 questions: 1 answered, 0 asked back, 1 declined · 👍 0 · 👎 1");
    expect(text).toContain("did twitter read DMs?");
    expect(text).toContain("did Spotify read messages?");
    expect(text).not.toContain("server nine");
  });

  it("refuses a member privately, and says so when the log is off", async () => {
    const svc = await logWithGaps();
    const [refused] = await run({ ...ADMIN, permissions: 0n }, svc);
    expect(refused?.flags).toBe(MessageFlags.Ephemeral);
    expect(textOf(refused ?? {})).toBe(questionLogMessages("en").gapsNotAdmin);
    const [off] = await run(ADMIN, withLog(undefined));
    expect(textOf(off ?? {})).toBe(questionLogMessages("en").gapsOff);
  });

  it("pages in place: ◀ ▶ update the same message, after the same check", async () => {
    const svc = await logWithGaps();
    const customId = buildCustomId({ kind: "page", of: { view: "gaps", days: 7 }, page: 0 }) ?? "";
    const fake = fakeInteraction({ kind: "button", customId, permissions: MANAGE_GUILD });
    await handleInteraction(fake.interaction, svc);
    expect(fake.calls.map((c) => c.method)).toEqual(["update"]);
    const member = fakeInteraction({ kind: "button", customId });
    await handleInteraction(member.interaction, svc);
    expect(textOf(sent(member.calls)[0] ?? {})).toBe(questionLogMessages("en").gapsNotAdmin);
  });
});
