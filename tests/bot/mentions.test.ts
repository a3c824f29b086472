import { beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../src/bot/i18n.js";
import { handleMessage, isAddressed, questionFromText } from "../../src/bot/mentions.js";
import { blockQuote, escapeText } from "../../src/bot/render/text.js";
import { answer } from "../../src/engine/index.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import {
  asRendered,
  BOT_ID,
  expectSafe,
  fakeMessage,
  KNOWLEDGE_DIR,
  load,
  services,
  textOf,
} from "./helpers.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await load(KNOWLEDGE_DIR);
});

const at = `<@${BOT_ID}>`;

describe("mentions", () => {
  it("a mention with a question gets a reply with the answer, pinging no one", async () => {
    const question = "did spotify read messages?";
    const { message, replies } = fakeMessage(`${at} ${question} @everyone <@&300000000000000003>`);
    await handleMessage(message, services(kb), BOT_ID);
    expect(replies.length).toBeGreaterThan(0);
    expectSafe(replies);
    expect(replies[0]?.allowedMentions).toEqual({ parse: [], repliedUser: false });
    const quote = answer(question, kb).companies[0]?.facts[0]?.quote ?? "?";
    expect(replies.map(textOf).join("\n")).toContain(blockQuote(escapeText(quote)));
  });

  it("the nickname form <@!id> works too, anywhere in the message", async () => {
    const { message, replies } = fakeMessage(`what did netflix say <@!${BOT_ID}>`);
    await handleMessage(message, services(kb), BOT_ID);
    const reply = asRendered(replies[0] ?? {});
    expect(reply.embeds[0]?.title).toContain("Netflix");
    // Discord shows the question right above the reply: it is not repeated.
    expect(reply.content ?? "").not.toContain("what did netflix say");
  });

  it("a bare mention gets a short help in the server's language", async () => {
    const { message, replies } = fakeMessage(`  ${at}  `, { locale: "nl" });
    await handleMessage(message, services(kb), BOT_ID);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.content).toBe(messages("nl").bareMention);
  });

  it.each([
    ["a bot", fakeMessage(`${at} did spotify read messages?`, { bot: true })],
    [
      "a webhook",
      fakeMessage(`${at} did spotify read messages?`, { webhookId: "700000000000000001" }),
    ],
    ["itself", fakeMessage(`${at} did spotify read messages?`, { authorId: BOT_ID })],
    ["no mention", fakeMessage("did spotify read messages?")],
    ["another user's mention", fakeMessage("<@123456789012345678> did spotify read messages?")],
    ["@everyone only", fakeMessage("@everyone did spotify read messages?")],
  ])("messages from or with %s are ignored", async (_what, { message, replies }) => {
    await handleMessage(message, services(kb), BOT_ID);
    expect(replies).toEqual([]);
  });

  it("stays quiet during the user's cooldown", async () => {
    const svc = services(kb, { cooldownSeconds: 5, now: () => 0 });
    const first = fakeMessage(`${at} did spotify read messages?`);
    const second = fakeMessage(`${at} did netflix read messages?`);
    await handleMessage(first.message, svc, BOT_ID);
    await handleMessage(second.message, svc, BOT_ID);
    expect(first.replies.length).toBeGreaterThan(0);
    expect(second.replies).toEqual([]);
  });

  it("a failure is logged with an error id and the user gets that id", async () => {
    const { message, replies } = fakeMessage(`${at} did spotify read messages?`);
    let calls = 0;
    const original = message.reply.bind(message);
    Object.assign(message, {
      reply: async (payload: never) => {
        if (++calls === 1) throw new Error("Discord said 500");
        return original(payload);
      },
    });
    const svc = services(kb);
    await handleMessage(message, svc, BOT_ID);
    const id = String(replies[0]?.content).match(/`([0-9a-f]{8})`/)?.[1];
    expect(id).toBeDefined();
    expect(
      svc.logger.lines.some((l) => l.includes(`errorId=${id}`) && l.includes("Discord said 500")),
    ).toBe(true);
  });

  it("questionFromText and isAddressed", () => {
    expect(questionFromText(`${at}\n  did <@!${BOT_ID}> spotify\tread?`, BOT_ID)).toBe(
      "did spotify read?",
    );
    expect(questionFromText(null, BOT_ID)).toBe("");
    const person = { author: { id: "1", bot: false }, webhookId: null, system: false } as const;
    expect(isAddressed({ ...person, content: `${at} hi` } as never, BOT_ID)).toBe(true);
    expect(isAddressed({ ...person, content: `<@${BOT_ID}0> hi` } as never, BOT_ID)).toBe(false);
  });
});
