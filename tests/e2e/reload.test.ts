// /reload against the local Discord stand-in, with the bot reading a copy of the fact base that
// the test changes on disk the way a curator would.
import { execFileSync } from "node:child_process";
import { unlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { messages } from "../../src/bot/i18n.js";
import { normalizeForQuote } from "../../src/knowledge/quote-match.js";
import { type Harness, readable, startHarness } from "./harness.js";
import {
  copyKnowledge,
  FACT_FILE,
  type KnowledgeCopy,
  NEW_QUOTE,
  NEW_FACT_QUESTION as QUESTION,
} from "./knowledge-copy.js";

let knowledge: KnowledgeCopy;
let h: Harness;

beforeAll(async () => {
  knowledge = await copyKnowledge();
  h = await startHarness({ env: { KNOWLEDGE_DIR: knowledge.dir } });
});

afterAll(async () => {
  await h?.close();
  await knowledge?.remove();
});

/** A reload is checked in a worker thread first, which takes seconds to start on a busy machine. */
const RELOAD_REPLY_MS = 30_000;

function reload(user = h.discord.world.users.admin) {
  return h.discord.sendInteraction({ type: "slash", name: "reload", user }).reply(RELOAD_REPLY_MS);
}

async function ask(question: string) {
  return readable(
    await h.discord.sendInteraction({ type: "slash", name: "ask", options: { question } }).reply(),
  );
}

test("a member is refused privately and the base is left alone", async () => {
  const before = h.bot.store.current;
  const reply = await reload(h.discord.world.users.member);
  expect(reply.ephemeral).toBe(true);
  expect(readable(reply)).toContain(normalizeForQuote(messages("en").notAdmin));
  expect(h.bot.store.current).toBe(before);
});

test("an admin's reload picks up a new fact on disk, answered right after", async () => {
  expect(await ask(QUESTION)).not.toContain(normalizeForQuote(NEW_QUOTE));
  await knowledge.addFact();
  const facts = h.bot.store.counts.facts;

  const reply = await reload();
  expect(reply.ephemeral).toBe(true);
  expect(readable(reply)).toContain(String(facts + 1));
  expect(h.bot.store.counts.facts).toBe(facts + 1);
  expect(await ask(QUESTION)).toContain(normalizeForQuote(NEW_QUOTE));
}, 60_000);

test("a broken file is reported by name and the old base keeps answering", async () => {
  await knowledge.breakQuote();
  const before = h.bot.store.current;

  const reply = await reload();
  const text = readable(reply);
  expect(reply.ephemeral).toBe(true);
  expect(text).toContain(FACT_FILE);
  expect(text).toMatch(/\.quote\b.*not found verbatim/);
  expect(h.bot.store.current).toBe(before);
  expect(await ask(QUESTION)).toContain(normalizeForQuote(NEW_QUOTE));
}, 60_000);

test("a named pipe in the folder is refused by name, and the next reload is answered", async () => {
  // Before the no-block open this reload was acknowledged and never answered, and every later
  // one queued behind it.
  const pipe = join(knowledge.dir, "facts", "pipe.yaml");
  execFileSync("mkfifo", [pipe]);
  try {
    const text = readable(await reload());
    expect(text).toContain("pipe.yaml");
    expect(text).toMatch(/is not a regular file \(it is a named pipe\)/);
  } finally {
    unlinkSync(pipe);
  }
  expect(readable(await reload())).not.toMatch(/named pipe/);
}, 60_000);

test("questions asked while a reload runs are all answered", async () => {
  const reloading = reload();
  const questions = ["did Netflix read messages?", "did Spotify read messages?", QUESTION];
  const asked = Array.from({ length: 12 }, (_, i) =>
    h.discord.sendInteraction({
      type: "slash",
      name: "ask",
      options: { question: questions[i % questions.length] ?? "" },
    }),
  );
  const replies = await Promise.all(asked.map((a) => a.reply()));
  await reloading;
  for (const reply of replies) {
    expect(readable(reply)).not.toContain(normalizeForQuote(messages("en").notInSources));
  }
  expect(h.discord.rejectedRequests()).toEqual([]);
}, 60_000);
