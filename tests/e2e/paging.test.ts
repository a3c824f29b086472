// Long views paged in one message, end to end: the real bot against the stand-in, the question
// log on in a temporary folder. /company with the company that has the most facts, the "All on X"
// button under an answer and /gaps, all paged the same way: the asker's ▶ edits that same
// message, anyone else gets a private copy, a forged or out-of-range page id the polite notice.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InteractionResponseType } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildCustomId, parseCustomId } from "../../src/bot/custom-id.js";
import { messages } from "../../src/bot/i18n.js";
import { questionLogMessages } from "../../src/bot/question-log-messages.js";
import { baseStamp } from "../../src/bot/stamp.js";
import { normalizeForQuote } from "../../src/knowledge/quote-match.js";
import { type Harness, readable, startHarness } from "./harness.js";
import type { InteractionHandle, StoredMessage } from "./stand-in/index.js";

let h: Harness;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "receipts-e2e-paging-"));
  h = await startHarness({ env: { QUESTION_LOG: "on", DATA_DIR: dataDir } });
});

afterAll(async () => {
  await h?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const en = messages("en");
const enLog = questionLogMessages("en");

/** The organization the base holds the most facts on. */
function mostFacts(): { id: string; name: string } {
  const kb = h.bot.store.current;
  const count = (id: string) => kb.facts.filter((f) => f.about.includes(id)).length;
  const most = [...kb.organizations].sort((a, b) => count(b.id) - count(a.id))[0];
  if (!most) throw new Error("no organizations");
  return most;
}

interface Nav {
  readonly labels: string[];
  readonly disabled: boolean[];
  readonly ids: string[];
  /** How many pages the label says there are. */
  readonly pages: number;
}

/** The ◀ n/N ▶ row of a message (its first row whose middle button is a page label). */
function navOf(message: StoredMessage): Nav | undefined {
  const rows = message.components as Array<{
    components: Array<{ label?: string; custom_id?: string; disabled?: boolean }>;
  }>;
  const row = rows.find((r) => r.components.length === 3 && r.components[0]?.label === "◀");
  if (!row) return undefined;
  const labels = row.components.map((b) => b.label ?? "");
  return {
    labels,
    disabled: row.components.map((b) => b.disabled === true),
    ids: row.components.map((b) => b.custom_id ?? ""),
    pages: Number(labels[1]?.split("/")[1]),
  };
}

/** The ◀ 1/N ▶ row of a view's first page, of more than one: ◀ disabled, ▶ not. */
function firstPageNav(message: StoredMessage): Nav {
  const nav = navOf(message);
  const pages = nav?.pages ?? 0;
  expect(pages).toBeGreaterThan(1);
  expect(nav?.labels).toEqual(["◀", `1/${pages}`, "▶"]);
  expect(nav?.disabled).toEqual([true, true, false]);
  if (!nav) throw new Error("no page buttons");
  return nav;
}

/** The page a page button turns to and whose the view is, from its custom id. */
function target(customId: string | undefined): { page: number; owner?: string } | undefined {
  const action = parseCustomId(customId);
  if (action?.kind !== "page") return undefined;
  return { page: action.page, ...(action.owner ? { owner: action.owner } : {}) };
}

/** The quotes of the base (first 40 characters, normalised) that a message shows. */
function quotesIn(message: StoredMessage): Set<string> {
  const text = readable(message);
  return new Set(
    h.bot.store.current.facts
      .map((f) => normalizeForQuote(f.quote).slice(0, 40))
      .filter((q) => text.includes(q)),
  );
}

/** The bot's messages made for an interaction (its reply, follow-ups). */
function messagesOf(handle: InteractionHandle): StoredMessage[] {
  return h.discord.botMessages().filter((m) => m.interactionId === handle.id);
}

/** What a message shows, copied (a stored message is edited in place). */
function snapshot(message: StoredMessage): string {
  return JSON.stringify([message.content, message.embeds, message.components]);
}

async function press(
  customId: string,
  message: StoredMessage,
  user = h.discord.world.users.member,
) {
  const handle = h.discord.sendInteraction({ type: "button", customId, message, user });
  const reply = await handle.reply();
  return { handle, reply, ack: await handle.callback() };
}

async function companyView(user = h.discord.world.users.member) {
  const asked = h.discord.sendInteraction({
    type: "slash",
    name: "company",
    options: { name: mostFacts().id },
    user,
  });
  const reply = await asked.reply();
  return { asked, reply };
}

describe("/company with the company that has the most facts", () => {
  test("is one message with ◀ 1/N ▶; the asker's ▶ edits that message to page 2", async () => {
    const asker = h.discord.world.users.member;
    const { asked, reply } = await companyView(asker);
    expect(reply.ephemeral).toBe(false);
    expect(readable(reply)).toContain(normalizeForQuote(en.companyTitle(mostFacts().name)));
    const nav = firstPageNav(reply);
    const { pages } = nav;
    expect(target(nav.ids[2])).toEqual({ page: 1, owner: asker.id });
    const before = snapshot(reply);
    const firstQuotes = quotesIn(reply);

    const turn = await press(nav?.ids[2] ?? "", reply, asker);
    expect(turn.ack.type).toBe(InteractionResponseType.UpdateMessage);
    expect(turn.reply.id).toBe(reply.id);
    expect(turn.reply.editedAt).toBeDefined();
    expect(messagesOf(turn.handle)).toEqual([]);
    expect(snapshot(turn.reply)).not.toBe(before);
    const second = navOf(turn.reply);
    expect(second?.labels).toEqual(["◀", `2/${pages}`, "▶"]);
    expect(second?.disabled).toEqual([false, true, pages === 2]);
    expect(target(second?.ids[0])).toEqual({ page: 0, owner: asker.id });
    if (pages > 2) expect(target(second?.ids[2])).toEqual({ page: 2, owner: asker.id });
    // Page 2 shows other quotes than page 1.
    const secondQuotes = quotesIn(turn.reply);
    expect(secondQuotes.size).toBeGreaterThan(0);
    expect([...secondQuotes].filter((q) => firstQuotes.has(q))).toEqual([]);
    // Still the one message the command made.
    expect(messagesOf(asked).map((m) => m.id)).toEqual([reply.id]);
  });

  test("another member's ▶ gives them a private copy to page through; the asker's message is untouched", async () => {
    const asker = h.discord.world.users.member;
    const other = h.discord.world.users.admin;
    const { reply } = await companyView(asker);
    const before = snapshot(reply);
    const nav = navOf(reply);
    const pages = nav?.pages ?? 0;

    const copy = await press(nav?.ids[2] ?? "", reply, other);
    expect(copy.ack.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(copy.reply.id).not.toBe(reply.id);
    expect(copy.reply.ephemeral).toBe(true);
    const copyNav = navOf(copy.reply);
    expect(copyNav?.labels).toEqual(["◀", `2/${pages}`, "▶"]);
    // The copy is theirs: its buttons name no owner, so they turn it in place.
    expect(target(copyNav?.ids[0])).toEqual({ page: 0 });
    const back = await press(copyNav?.ids[0] ?? "", copy.reply, other);
    expect(back.ack.type).toBe(InteractionResponseType.UpdateMessage);
    expect(back.reply.id).toBe(copy.reply.id);
    expect(navOf(back.reply)?.labels).toEqual(["◀", `1/${pages}`, "▶"]);

    expect(snapshot(reply)).toBe(before);
    expect(reply.editedAt).toBeUndefined();
  });

  test("a forged or out-of-range page id gets the polite private notice, and edits nothing", async () => {
    const asker = h.discord.world.users.member;
    const { reply } = await companyView(asker);
    const before = snapshot(reply);
    const pages = navOf(reply)?.pages ?? 0;
    const stamp = baseStamp(h.bot.store.current);
    const id = mostFacts().id;
    const page = (n: number, s = stamp, of = id) =>
      buildCustomId({
        kind: "page",
        of: { view: "company", id: of, stamp: s, skip: [] },
        page: n,
        owner: asker.id,
      }) ?? "?";
    const forged = [
      page(pages),
      page(999),
      page(1, "zzzzzz"),
      page(1, stamp, "initech"),
      `receipts:v1:pg:co:-1:${asker.id}:${id}:${stamp}:-`,
      `${page(1)}:extra`,
      "receipts:v1:pgx:next",
    ];
    for (const customId of forged) {
      const { reply: notice } = await press(customId, reply, asker);
      expect(notice.ephemeral, customId).toBe(true);
      expect(notice.content, customId).toBe(en.staleButton);
    }
    expect(snapshot(reply)).toBe(before);
    expect(reply.editedAt).toBeUndefined();
  });
});

describe("All on X (N)", () => {
  test("opens the rest privately, in pages that turn the same way; the answer is untouched", async () => {
    const answer = await h.discord
      .sendInteraction({
        type: "slash",
        name: "ask",
        options: { question: "did Spotify read messages?" },
      })
      .reply();
    const before = snapshot(answer);
    const buttons = (
      answer.components as Array<{ components: Array<{ label?: string; custom_id?: string }> }>
    ).flatMap((r) => r.components);
    const all = buttons.find((b) => parseCustomId(b.custom_id)?.kind === "open");
    const count = Number(/\((\d+)\)$/.exec(all?.label ?? "")?.[1]);
    expect(all?.label).toBe(en.allOnButton("Spotify", count));

    const opened = await press(all?.custom_id ?? "", answer);
    expect(opened.reply.ephemeral).toBe(true);
    expect(opened.reply.id).not.toBe(answer.id);
    const nav = firstPageNav(opened.reply);
    const { pages } = nav;
    expect(target(nav?.ids[2])).toEqual({ page: 1 });

    // Page by page, the view shows the N facts the answer left out, and none it showed.
    const seen = new Set(quotesIn(opened.reply));
    let current = opened.reply;
    for (let p = 2; p <= pages; p++) {
      const next = navOf(current)?.ids[2] ?? "";
      const turned = await press(next, current);
      expect(turned.ack.type).toBe(InteractionResponseType.UpdateMessage);
      expect(turned.reply.id).toBe(opened.reply.id);
      expect(navOf(turned.reply)?.labels[1]).toBe(`${p}/${pages}`);
      for (const q of quotesIn(turned.reply)) seen.add(q);
      current = turned.reply;
    }
    const shown = quotesIn(answer);
    expect([...seen].filter((q) => shown.has(q))).toEqual([]);
    expect(seen.size).toBe(count);
    expect(snapshot(answer)).toBe(before);
  });
});

describe("/gaps", () => {
  test("pages the same way: ▶ edits the admin's private message; a member's press is refused", async () => {
    const { admin, member } = h.discord.world.users;
    // Questions the sources do not cover, each a group of its own: more than a page of them.
    const declined = [
      "did Twitter read my DMs?",
      "what's the weather tomorrow?",
      "who won the world cup in 2018?",
      "how do I bake sourdough bread?",
      "did TikTok sell my location?",
      "what is the capital of Peru?",
      "did Snapchat scan my photos?",
    ];
    for (const question of declined) {
      await h.discord
        .sendInteraction({ type: "slash", name: "ask", options: { question }, user: member })
        .reply();
    }
    const gaps = await h.discord
      .sendInteraction({ type: "slash", name: "gaps", user: admin })
      .reply();
    expect(gaps.ephemeral).toBe(true);
    const nav = firstPageNav(gaps);
    const { pages } = nav;
    // A private view: its arrows name no owner; the view and the days are in the id.
    expect(parseCustomId(nav?.ids[2])).toEqual({
      kind: "page",
      of: { view: "gaps", days: 7 },
      page: 1,
    });
    const first = readable(gaps);
    const before = snapshot(gaps);

    const refused = await press(nav?.ids[2] ?? "", gaps, member);
    expect(refused.reply.ephemeral).toBe(true);
    expect(refused.reply.content).toBe(enLog.gapsNotAdmin);
    expect(snapshot(gaps)).toBe(before);

    const turn = await press(nav?.ids[2] ?? "", gaps, admin);
    expect(turn.ack.type).toBe(InteractionResponseType.UpdateMessage);
    expect(turn.reply.id).toBe(gaps.id);
    expect(navOf(turn.reply)?.labels).toEqual(["◀", `2/${pages}`, "▶"]);
    const second = readable(turn.reply);
    expect(second).not.toBe(first);
    // Every question declined is on one page or the other.
    for (const q of declined) expect(first + second, q).toContain(normalizeForQuote(q));

    const past = buildCustomId({ kind: "page", of: { view: "gaps", days: 7 }, page: pages }) ?? "";
    const notice = await press(past, turn.reply, admin);
    expect(notice.reply.content).toBe(en.staleButton);
    expect(navOf(turn.reply)?.labels[1]).toBe(`2/${pages}`);
  });
});
