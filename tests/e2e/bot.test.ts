// The real bot (startBot) and the real discord.js client against the local Discord stand-in:
// the commands, the message menu, the buttons and mentions, as a user would use them.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseCustomId } from "../../src/bot/custom-id.js";
import { messages } from "../../src/bot/i18n.js";
import { normalizeForQuote } from "../../src/knowledge/quote-match.js";
import { type Harness, readable, startHarness } from "./harness.js";
import { pingsAnyone, type StoredMessage } from "./stand-in/index.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

/** The quotes (first 40 characters, normalised) of the facts about an organization. */
function quotesAbout(orgId: string): string[] {
  return h.bot.store.current.facts
    .filter((f) => f.about.includes(orgId))
    .map((f) => normalizeForQuote(f.quote).slice(0, 40));
}

function quotesIn(message: StoredMessage, orgId: string): string[] {
  const text = readable(message);
  return quotesAbout(orgId).filter((q) => text.includes(q));
}

/** Every custom id of the message's buttons. */
function customIds(message: StoredMessage): string[] {
  return [...JSON.stringify(message.components).matchAll(/"custom_id":"([^"]+)"/g)].map(
    (m) => m[1] ?? "",
  );
}

describe("/ask", () => {
  test("answers within 3 seconds with a verbatim quote and its source", async () => {
    const asked = h.discord.sendInteraction({
      type: "slash",
      name: "ask",
      options: { question: "did Spotify read messages?" },
    });
    const ack = await asked.callback();
    expect(ack.latencyMs).toBeLessThan(3000);
    const reply = await asked.reply();
    expect(reply.ephemeral).toBe(false);
    expect(quotesIn(reply, "spotify").length).toBeGreaterThan(0);
    // Each quote is cited [n]; the key line names the sources' publishers.
    expect(readable(reply)).toMatch(/\[\d\] (NU\.nl|TechRadar|publisher not named)/);
    expect(pingsAnyone(reply.pings)).toBe(false);
  });

  test("speaks Dutch to a Dutch client, with the quotes left as written", async () => {
    const asked = h.discord.sendInteraction({
      type: "slash",
      name: "ask",
      locale: "nl",
      options: { question: "Heeft Netflix privéberichten gelezen?" },
    });
    const reply = await asked.reply();
    const text = readable(reply);
    expect(text).toContain(messages("nl").youAsked);
    expect(text).not.toContain(messages("en").youAsked);
    expect(quotesIn(reply, "netflix").length).toBeGreaterThan(0);
  });

  test("private: true answers ephemerally", async () => {
    const asked = h.discord.sendInteraction({
      type: "slash",
      name: "ask",
      options: { question: "did Amazon get friends data?", private: true },
    });
    const reply = await asked.reply();
    expect(reply.ephemeral).toBe(true);
    expect(quotesIn(reply, "amazon").length).toBeGreaterThan(0);
  });

  test("a question the sources do not cover gets an honest reply and nobody's facts", async () => {
    const asked = h.discord.sendInteraction({
      type: "slash",
      name: "ask",
      options: { question: "What is the boiling point of water at sea level?" },
    });
    const reply = await asked.reply();
    expect(readable(reply)).toContain(messages("en").notInSources);
    const anyQuote = h.bot.store.current.facts.map((f) => normalizeForQuote(f.quote).slice(0, 40));
    expect(anyQuote.filter((q) => readable(reply).includes(q))).toEqual([]);
  });

  test("a 6000-character question full of @everyone and role mentions pings nobody", async () => {
    const role = h.discord.mention(h.discord.world.roles.admin);
    const user = h.discord.mention(h.discord.world.users.owner);
    const question = `@everyone @here ${role} ${user} did Netflix read messages? `;
    const asked = h.discord.sendInteraction({
      type: "slash",
      name: "ask",
      options: { question: question + "@everyone ".repeat((6000 - question.length) / 10) },
    });
    const reply = await asked.reply();
    expect(reply.content.length + JSON.stringify(reply.embeds).length).toBeGreaterThan(0);
    expect(h.discord.pingingMessages()).toEqual([]);
    expect(h.discord.rejectedRequests()).toEqual([]);
  });
});

describe("/company, /sources, /help", () => {
  test("autocomplete offers the company for a misspelt name", async () => {
    const typed = h.discord.sendInteraction({
      type: "autocomplete",
      name: "company",
      focused: "name",
      options: { name: "royl bnk" },
    });
    const choices = await typed.choices();
    expect(choices[0]?.value).toBe("royal-bank-of-canada");
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  test("autocomplete with nothing typed yet still offers companies", async () => {
    const typed = h.discord.sendInteraction({
      type: "autocomplete",
      name: "company",
      focused: "name",
      options: { name: "" },
    });
    expect((await typed.choices()).length).toBeGreaterThan(0);
  });

  test("/company shows what was reported and the company's response", async () => {
    const asked = h.discord.sendInteraction({
      type: "slash",
      name: "company",
      options: { name: "netflix" },
    });
    const reply = await asked.reply();
    const kb = h.bot.store.current;
    const own = kb.facts.filter((f) => f.kind === "response" && /netflix/i.test(f.speaker));
    expect(own.length).toBeGreaterThan(0);
    const text = readable(reply);
    expect(own.some((f) => text.includes(normalizeForQuote(f.quote).slice(0, 40)))).toBe(true);
  });

  test("/company with a name the sources do not know says so privately", async () => {
    const asked = h.discord.sendInteraction({
      type: "slash",
      name: "company",
      options: { name: "Initech" },
    });
    const reply = await asked.reply();
    expect(reply.ephemeral).toBe(true);
    expect(readable(reply)).toContain("Initech");
  });

  test("/sources lists every article with its title", async () => {
    const reply = await h.discord.sendInteraction({ type: "slash", name: "sources" }).reply();
    const text = readable(reply);
    for (const source of h.bot.store.current.sources) {
      expect(text).toContain(normalizeForQuote(source.title));
    }
  });

  test("/help explains the commands privately", async () => {
    const reply = await h.discord.sendInteraction({ type: "slash", name: "help" }).reply();
    expect(reply.ephemeral).toBe(true);
    for (const name of ["/ask", "/company", "/sources"]) expect(readable(reply)).toContain(name);
  });
});

describe("message menu and buttons", () => {
  test("'Ask Receipts' on a message answers the question it holds", async () => {
    const said = h.discord.sendMessage({ content: "did the Royal Bank of Canada read messages?" });
    const asked = h.discord.sendInteraction({
      type: "messageMenu",
      name: "Ask Receipts",
      target: said.message,
    });
    const reply = await asked.reply();
    expect(quotesIn(reply, "royal-bank-of-canada").length).toBeGreaterThan(0);
  });

  test("the answer's buttons open the sources and a company's page", async () => {
    const answer = await h.discord
      .sendInteraction({ type: "slash", name: "ask", options: { question: "did Sony get data?" } })
      .reply();
    const ids = customIds(answer);
    const sourcesId = ids.find((id) => parseCustomId(id)?.kind === "sources");
    expect(sourcesId).toBeDefined();
    const sources = await h.discord
      .sendInteraction({ type: "button", customId: sourcesId ?? "", message: answer })
      .reply();
    expect(readable(sources)).toContain(
      normalizeForQuote(h.bot.store.current.sources[0]?.title ?? "?"),
    );

    const companyId = ids.find((id) => parseCustomId(id)?.kind === "open");
    expect(companyId).toBeDefined();
    const action = parseCustomId(companyId);
    const page = await h.discord
      .sendInteraction({ type: "button", customId: companyId ?? "", message: answer })
      .reply();
    expect(page.ephemeral).toBe(true);
    const org = action?.kind === "open" ? action.of.id : "?";
    const name = h.bot.store.current.organizations.find((o) => o.id === org)?.name ?? "?";
    expect(readable(page)).toContain(name);
  });

  test("a forged or stale button id gets a polite private notice", async () => {
    const answer = await h.discord
      .sendInteraction({ type: "slash", name: "ask", options: { question: "did Apple get data?" } })
      .reply();
    for (const customId of [
      "receipts:v0:sources",
      "receipts:v1:company:../../etc",
      "x".repeat(100),
    ]) {
      const reply = await h.discord
        .sendInteraction({ type: "button", customId, message: answer })
        .reply();
      expect(reply.ephemeral).toBe(true);
      expect(readable(reply)).toContain(normalizeForQuote(messages("en").staleButton));
    }
  });
});

describe("mentions", () => {
  test("a mention gets a reply to that message", async () => {
    const asked = h.discord.sendMessage({
      content: `${h.discord.mention(h.discord.world.bot)} did Microsoft get friends data?`,
    });
    const reply = await asked.reply();
    expect(reply.replyTo).toBe(asked.message.id);
    expect(quotesIn(reply, "microsoft").length).toBeGreaterThan(0);
    expect(pingsAnyone(reply.pings)).toBe(false);
  });

  test("a message without a mention, and one from a bot, get nothing", async () => {
    const channelId = h.discord.world.channels.other.id;
    await h.discord
      .sendMessage({ content: "did Netflix read messages?", channelId })
      .expectNoResponse(500);
    await h.discord
      .sendMessage({
        content: `${h.discord.mention(h.discord.world.bot)} did Netflix read messages?`,
        author: h.discord.world.users.otherBot,
        channelId,
      })
      .expectNoResponse(500);
  });
});
