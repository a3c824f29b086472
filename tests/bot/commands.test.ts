// Each command handler through the real router, with the real engine and the shipped fact base,
// driven by small fake interactions that record what the bot sends.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { MessageFlags } from "discord.js";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCustomId } from "../../src/bot/custom-id.js";
import { messages } from "../../src/bot/i18n.js";
import { handleInteraction } from "../../src/bot/interactions.js";
import { KnowledgeStore } from "../../src/bot/knowledge-store.js";
import { blockQuote, escapeText } from "../../src/bot/render/text.js";
import { companyPageView, questionView } from "../../src/bot/views.js";
import { answer, companyAnswer } from "../../src/engine/index.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import {
  ADMIN_ROLE,
  ADMIN_USER,
  asRendered,
  BOT_ID,
  copyOf,
  expectSafe,
  type Fake,
  type FakeSpec,
  FIXTURE_DIR,
  fakeInteraction,
  KNOWLEDGE_DIR,
  load,
  MANAGE_GUILD,
  sent,
  services,
  textOf,
} from "./helpers.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await load(KNOWLEDGE_DIR);
});

async function run(spec: FakeSpec, svc = services(kb)): Promise<Fake & { svc: typeof svc }> {
  const fake = fakeInteraction(spec);
  await handleInteraction(fake.interaction, svc);
  expectSafe(sent(fake.calls));
  return { ...fake, svc };
}

const ephemeral = (payload: Record<string, unknown> | undefined) =>
  payload?.flags === MessageFlags.Ephemeral;

function allText(fake: Fake): string {
  return sent(fake.calls).map(textOf).join("\n");
}

describe("/ask", () => {
  it("answers publicly, at once, with the engine's quotes and their sources", async () => {
    const question = "did spotify read private messages?";
    const fake = await run({ kind: "slash", name: "ask", options: { question } });
    const expected = answer(question, kb);
    expect(expected.answered).toBe(true);
    expect(fake.calls[0]?.method).toBe("reply");
    expect(fake.calls[0]?.at).toBeLessThan(3000);
    expect(ephemeral(fake.calls[0]?.payload)).toBe(false);
    expect(sent(fake.calls)).toHaveLength(1);
    const text = allText(fake);
    const facts = new Map(expected.companies.flatMap((c) => c.facts).map((f) => [f.id, f]));
    // The first receipt of every group shows, with its source's number.
    for (const g of expected.groups) {
      const f = facts.get(g.facts[0] ?? "");
      if (!f) continue;
      expect(text).toContain(blockQuote(escapeText(f.quote)));
      const n = expected.sources.find((s) => s.id === f.source)?.n;
      expect(text).toContain(`**[${n}]**`);
    }
  });

  it("private answers go to the asker alone, follow-ups included", async () => {
    const fake = await run({
      kind: "slash",
      name: "ask",
      options: { question: "what did netflix say?", private: true },
    });
    const payloads = sent(fake.calls);
    expect(payloads.length).toBeGreaterThan(0);
    expect(payloads.every(ephemeral)).toBe(true);
  });

  it("speaks Dutch to a Dutch client, and keeps the quotes as they are", async () => {
    const question = "wat zei netflix?";
    const fake = await run({ kind: "slash", name: "ask", options: { question }, locale: "nl" });
    const text = allText(fake);
    const t = messages("nl");
    expect(text).toContain(`**${t.youAsked}:**`);
    expect(text).toContain(t.answerFooter);
    const quote = answer(question, kb).companies[0]?.facts[0]?.quote ?? "?";
    expect(text).toContain(escapeText(quote).split("\n")[0]);
  });

  it("says honestly when the sources do not cover the question", async () => {
    const fake = await run({
      kind: "slash",
      name: "ask",
      options: { question: "who won the 2018 world cup?" },
    });
    expect(fake.calls[0]?.payload.embeds).toMatchObject([{ title: messages("en").notInSources }]);
  });

  it("a 6000-character question full of mentions is answered within limits and pings no one", async () => {
    const question = "@everyone <@&300000000000000003> did netflix read messages? "
      .repeat(100)
      .slice(0, 6000);
    const fake = await run({ kind: "slash", name: "ask", options: { question } });
    expect(sent(fake.calls).length).toBeGreaterThan(0);
  });
});

describe("/company", () => {
  it("shows the company's own words first, in one message with page buttons if it is long", async () => {
    for (const id of ["facebook", "netflix", "sony"]) {
      const fake = await run({ kind: "slash", name: "company", options: { name: id } });
      expect(sent(fake.calls), id).toHaveLength(1);
      const text = allText(fake);
      const full = companyAnswer(id, kb);
      const first = full?.groups[0];
      expect(first?.kind).toBe("response");
      const f = full?.companies[0]?.facts.find((x) => x.id === first?.facts[0]);
      if (f) expect(text, id).toContain(blockQuote(escapeText(f.quote)));
    }
  });

  it("understands a typed, misspelt name", async () => {
    const fake = await run({ kind: "slash", name: "company", options: { name: "netflx" } });
    expect(allText(fake)).toContain(messages("en").companyTitle("Netflix"));
  });

  it("an unknown name gets a private reply listing the companies it knows", async () => {
    const fake = await run({ kind: "slash", name: "company", options: { name: "qqqq zzzz" } });
    expect(ephemeral(fake.calls[0]?.payload)).toBe(true);
    expect(fake.calls[0]?.payload.content).toContain("qqqq zzzz");
    expect(fake.calls[0]?.payload.content).toContain("Netflix");
  });

  it("autocompletes typos, ranked, at most 25 choices of at most 100 characters", async () => {
    const choicesFor = async (typed: string) => {
      const fake = await run({ kind: "autocomplete", name: "company", options: { name: typed } });
      expect(fake.calls).toHaveLength(1);
      expect(fake.calls[0]?.method).toBe("respond");
      return fake.calls[0]?.payload.choices as { name: string; value: string }[];
    };
    expect((await choicesFor("royl bnk")).map((c) => c.value)).toContain("royal-bank-of-canada");
    expect((await choicesFor("netfl"))[0]).toEqual({ name: "Netflix", value: "netflix" });
    for (const typed of ["", "a", "x".repeat(6000), "@everyone"]) {
      const choices = await choicesFor(typed);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    }
    expect((await choicesFor("")).length).toBe(Math.min(25, kb.organizations.length));
  });
});

describe("/sources and /help", () => {
  it("/sources lists every article", async () => {
    const fake = await run({ kind: "slash", name: "sources" });
    const text = allText(fake);
    for (const s of kb.sources) expect(text).toContain(escapeText(s.title));
  });

  it("/help is private and in the user's language", async () => {
    const fake = await run({ kind: "slash", name: "help", locale: "nl" });
    expect(ephemeral(fake.calls[0]?.payload)).toBe(true);
    expect(allText(fake)).toContain(messages("nl").helpExamplesHeading);
  });
});

describe("/reload", () => {
  async function reloadAs(spec: Partial<FakeSpec>, dir = copyOf(FIXTURE_DIR)) {
    const opened = await KnowledgeStore.open(dir);
    if (!opened.ok) throw new Error("fixture does not load");
    const svc = { ...services(kb), store: opened.store };
    const before = opened.store.current;
    const fake = await run({ kind: "slash", name: "reload", ...spec }, svc);
    return { fake, store: opened.store, before, dir };
  }

  it("refuses a member privately and reloads nothing", async () => {
    const { fake, store, before } = await reloadAs({ permissions: 0n });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.method).toBe("reply");
    expect(ephemeral(fake.calls[0]?.payload)).toBe(true);
    expect(fake.calls[0]?.payload.content).toBe(messages("en").notAdmin);
    expect(store.current).toBe(before);
  });

  it.each([
    ["Manage Server", { permissions: MANAGE_GUILD }],
    ["an admin role", { roles: [ADMIN_ROLE] }],
    ["an admin user id", { userId: ADMIN_USER }],
  ])("lets a member with %s reload: defers privately, then the counts", async (_what, spec) => {
    const { fake, store, before } = await reloadAs(spec);
    expect(fake.calls.map((c) => c.method)).toEqual(["deferReply", "editReply"]);
    expect(fake.calls[0]?.payload).toEqual({ flags: MessageFlags.Ephemeral });
    expect(store.current).not.toBe(before);
    const counts = messages("en").counts(store.counts);
    expect(fake.calls[1]?.payload.content).toContain(counts);
  });

  it("reports a broken base by file and keeps the old one", async () => {
    const dir = copyOf(FIXTURE_DIR);
    const { store, before } = await reloadAs({ permissions: MANAGE_GUILD }, dir);
    writeFileSync(join(dir, "organizations.yaml"), "- id: netflix\n  role: streaming giant\n");
    const svc = { ...services(kb), store };
    const fake = await run({ kind: "slash", name: "reload", permissions: MANAGE_GUILD }, svc);
    expect(store.current).not.toBe(before);
    const kept = store.current;
    expect(textOf(fake.calls[1]?.payload ?? {})).toContain("organizations.yaml");
    expect(fake.calls[1]?.payload.content).toContain(messages("en").counts(store.counts));
    expect(store.current).toBe(kept);
  });
});

describe("the Ask Receipts message menu", () => {
  it("answers the question in the message, without the bot's mention", async () => {
    const fake = await run({
      kind: "message",
      name: "Ask Receipts",
      targetContent: `<@${BOT_ID}> did amazon get data on users' friends?`,
    });
    const text = allText(fake);
    expect(text).toContain("**You asked:** did amazon get data on users' friends?");
    expect(answer("did amazon get data on users' friends?", kb).answered).toBe(true);
    expect(text).toContain("Amazon");
  });

  it("a message without text gets a private explanation", async () => {
    const fake = await run({ kind: "message", name: "Ask Receipts", targetContent: "  " });
    expect(ephemeral(fake.calls[0]?.payload)).toBe(true);
    expect(fake.calls[0]?.payload.content).toBe(messages("en").noTextInMessage);
  });
});

describe("buttons", () => {
  it("Sources and More from <company> answer privately", async () => {
    const sources = await run({ kind: "button", customId: "receipts:v1:sources" });
    expect(sent(sources.calls).every(ephemeral)).toBe(true);
    expect(allText(sources)).toContain(messages("en").sourcesTitle);
    const more = await run({ kind: "button", customId: "receipts:v1:company:spotify" });
    expect(sent(more.calls).every(ephemeral)).toBe(true);
    expect(allText(more)).toContain(messages("en").companyTitle("Spotify"));
  });

  it("All on X opens a private view without the facts the answer showed; its pages turn in place", async () => {
    const kb0 = kb;
    const [message] = questionView("did spotify read messages?", kb0, "en");
    const all = (message?.components?.[0]?.components ?? [])
      .map((b) => ("custom_id" in b ? b.custom_id : ""))
      .find((id) => id.startsWith("receipts:v1:all:spotify:"));
    expect(all).toBeDefined();
    const opened = await run({ kind: "button", customId: all ?? "" });
    expect(opened.calls.map((c) => c.method)).toEqual(["reply"]);
    expect(ephemeral(opened.calls[0]?.payload)).toBe(true);
    const shown = (message?.embeds[0]?.description ?? "")
      .split("\n")
      .filter((l) => l.startsWith("> "));
    const text = allText(opened);
    for (const quote of shown) expect(text).not.toContain(quote);
    const next = asRendered(opened.calls[0]?.payload ?? {})
      .components?.[0]?.components.map((b) => ("custom_id" in b ? b.custom_id : ""))
      .at(-1);
    const turned = await run({ kind: "button", customId: next ?? "" });
    expect(turned.calls.map((c) => c.method)).toEqual(["update"]);
  });

  it("only the asker turns a public view's pages; anyone else gets a private copy", async () => {
    const owner = "200000000000000001";
    const page = companyPageView("facebook", kb, "en", { owner });
    const next =
      page?.message.components?.[0]?.components
        .map((b) => ("custom_id" in b ? b.custom_id : ""))
        .at(-1) ?? "";
    const mine = await run({ kind: "button", customId: next, userId: owner });
    const label = (f: Fake) => {
      const middle = asRendered(f.calls[0]?.payload ?? {}).components?.[0]?.components[1];
      return middle && "label" in middle ? middle.label : "";
    };
    expect(mine.calls.map((c) => c.method)).toEqual(["update"]);
    expect(label(mine)).toMatch(/^2\//);
    const theirs = await run({ kind: "button", customId: next, userId: "200000000000000002" });
    expect(theirs.calls.map((c) => c.method)).toEqual(["reply"]);
    expect(ephemeral(theirs.calls[0]?.payload)).toBe(true);
    expect(label(theirs)).toMatch(/^2\//);
  });

  it("a page is checked against every language's pages: another reader's last page is a copy, past it a notice", async () => {
    const owner = "200000000000000001";
    const english = companyPageView("facebook", kb, "en", { owner });
    const dutch = companyPageView("facebook", kb, "nl", { owner });
    // The pages depend on the language; the test needs English to have more.
    expect(english?.pages).toBeGreaterThan(dutch?.pages ?? Infinity);
    const last = companyPageView("facebook", kb, "en", { owner, page: (english?.pages ?? 0) - 2 });
    const next = last?.message.components?.[0]?.components
      .map((b) => ("custom_id" in b ? b.custom_id : ""))
      .at(-1);
    expect(parseCustomId(next)).toMatchObject({ page: (english?.pages ?? 0) - 1 });
    const theirs = await run({
      kind: "button",
      customId: next ?? "",
      locale: "nl",
      userId: "200000000000000002",
    });
    expect(theirs.calls.map((c) => c.method)).toEqual(["reply"]);
    const middle = asRendered(theirs.calls[0]?.payload ?? {}).components?.[0]?.components[1];
    expect(middle && "label" in middle ? middle.label : "").toBe(`${dutch?.pages}/${dutch?.pages}`);
    const past = next?.replace(/:pg:co:\d+:/, `:pg:co:${english?.pages}:`);
    const refused = await run({ kind: "button", customId: past ?? "", userId: owner });
    expect(refused.calls[0]?.payload.content).toBe(messages("en").staleButton);
  });

  it("a decline's clarifications are buttons on a row of their own that ask them, privately", async () => {
    const [message] = questionView("did Twitter read DMs?", kb, "nl");
    const rows = message?.components ?? [];
    const asks = rows.find((r) =>
      r.components.some((b) => "custom_id" in b && b.custom_id.startsWith("receipts:v1:ask:")),
    );
    expect(asks?.components.length).toBeGreaterThan(0);
    expect(asks?.components.length).toBeLessThanOrEqual(3);
    // Every button on that row asks; each carries an id, not the question.
    const ids = (asks?.components ?? []).map((b) => ("custom_id" in b ? b.custom_id : ""));
    expect(ids.every((id) => parseCustomId(id)?.kind === "ask")).toBe(true);
    const first = parseCustomId(ids[0]);
    const curated = kb.questions.find((q) => first?.kind === "ask" && q.id === first.id);
    const label = asks?.components[0];
    expect(label && "label" in label ? label.label : "").toBe(curated?.nl);
    const pressed = await run({ kind: "button", customId: ids[0] ?? "", locale: "nl" });
    expect(sent(pressed.calls)).toHaveLength(1);
    expect(ephemeral(pressed.calls[0]?.payload)).toBe(true);
    expect(allText(pressed)).toContain(escapeText(curated?.nl ?? "?"));
  });

  it.each([
    "receipts:v1:ask:spotify-messages:zzzzzz",
    "receipts:v1:ask:no-such-question:zzzzzz",
    "receipts:v1:pg:facebook:1:-:zzzzzz:-",
    "receipts:v1:pg:co:1:-:facebook:zzzzzz:-",
    "receipts:v1:gaps:7:0",
    "receipts:v1:all:spotify:zzzzzz:-",
    "receipts:v1:pgx:page",
    "receipts:v0:sources",
    "receipts:v1:company:no-such-company",
    "receipts:v1:company:../../../etc/passwd",
    "somebody-else:button",
  ])("a stale or forged id (%s) gets a polite private reply", async (customId) => {
    const fake = await run({ kind: "button", customId, locale: "nl" });
    expect(fake.calls).toHaveLength(1);
    expect(ephemeral(fake.calls[0]?.payload)).toBe(true);
    expect(fake.calls[0]?.payload.content).toBe(messages("nl").staleButton);
  });
});

describe("the guard around every handler", () => {
  it("a user asking again too soon gets a friendly private notice; others are not held up", async () => {
    let now = 0;
    const svc = services(kb, { cooldownSeconds: 3, now: () => now });
    const ask = {
      kind: "slash",
      name: "ask",
      options: { question: "what did sony get?" },
    } as const;
    await run(ask, svc);
    now = 1000;
    const again = await run({ ...ask, locale: "nl" }, svc);
    expect(again.calls).toHaveLength(1);
    expect(ephemeral(again.calls[0]?.payload)).toBe(true);
    expect(again.calls[0]?.payload.content).toBe(messages("nl").cooldown(2));
    const other = await run({ ...ask, userId: "200000000000000002" }, svc);
    expect(ephemeral(other.calls[0]?.payload)).toBe(false);
    const help = await run({ kind: "slash", name: "help" }, svc);
    expect(help.calls[0]?.payload.content).toBeUndefined();
    // Turning a page is not another question: the asker pages on at once.
    const owner = "200000000000000001";
    const next = companyPageView("facebook", kb, "en", { owner })
      ?.message.components?.[0]?.components.map((b) => ("custom_id" in b ? b.custom_id : ""))
      .at(-1);
    const turned = await run({ kind: "button", customId: next ?? "", userId: owner }, svc);
    expect(turned.calls.map((c) => c.method)).toEqual(["update"]);
    now = 3000;
    expect(ephemeral((await run(ask, svc)).calls[0]?.payload)).toBe(false);
  });

  it("an error in a handler becomes a private reply with an error id that is in the log", async () => {
    const svc = services(kb);
    const broken = {
      ...svc,
      store: {
        get current(): KnowledgeBase {
          throw new Error("the base exploded");
        },
      } as unknown as KnowledgeStore, // only `current` is read by /ask
    };
    const fake = await run({ kind: "slash", name: "ask", options: { question: "hi" } }, broken);
    expect(fake.calls).toHaveLength(1);
    expect(ephemeral(fake.calls[0]?.payload)).toBe(true);
    const id = String(fake.calls[0]?.payload.content).match(/`([0-9a-f]{8})`/)?.[1];
    expect(id).toBeDefined();
    const logged = svc.logger.lines.find((l) => l.includes(`errorId=${id}`));
    expect(logged).toMatch(/ERROR handler failed/);
    expect(logged).toContain("the base exploded");
  });

  it("a Discord error while replying is logged, not thrown", async () => {
    const svc = services(kb);
    const fake = fakeInteraction({
      kind: "slash",
      name: "ask",
      options: { question: "did netflix read messages?" },
      failing: ["reply"],
    });
    await expect(handleInteraction(fake.interaction, svc)).resolves.toBeUndefined();
    expect(svc.logger.lines.filter((l) => l.includes("ERROR")).length).toBeGreaterThanOrEqual(2);
  });

  it("an autocomplete that fails answers with no choices", async () => {
    const svc = services(kb);
    const fake = fakeInteraction({ kind: "autocomplete", name: "company", options: { name: "x" } });
    const broken = {
      ...svc,
      store: {
        get current(): KnowledgeBase {
          throw new Error("boom");
        },
      } as unknown as KnowledgeStore, // only `current` is read by the autocomplete
    };
    await handleInteraction(fake.interaction, broken);
    expect(fake.calls).toMatchObject([{ method: "respond", payload: { choices: [] } }]);
  });

  it("a command this version does not know gets a private notice", async () => {
    const fake = await run({ kind: "slash", name: "ping" });
    expect(ephemeral(fake.calls[0]?.payload)).toBe(true);
    expect(fake.calls[0]?.payload.content).toBe(messages("en").unknownCommand);
  });
});
