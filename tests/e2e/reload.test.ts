// /reload against the local Discord stand-in, with the bot reading a copy of the fact base that
// the test changes on disk the way a curator would.
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { messages } from "../../src/bot/i18n.js";
import { normalizeForQuote } from "../../src/knowledge/quote-match.js";
import { type Harness, readable, startHarness } from "./harness.js";

const SHIPPED = fileURLToPath(new URL("../../knowledge", import.meta.url));
const FACT_FILE = "techradar-facebook-responds.yaml";

// A sentence of the TechRadar article that the shipped base does not hold as a fact.
const NEW_QUOTE =
  "Based in London, she's a popular music graduate who worked in the music industry before finding her calling in journalism.";
const NEW_FACT = `
- id: techradar-author-based-in-london
  about: [techradar]
  kind: context
  speaker: TechRadar
  quote: >-
    ${NEW_QUOTE}
  source: techradar-facebook-responds
  language: en
  summary: The author of TechRadar's article is based in London.
  topics: [investigation]
  keywords: [author, based, London, journalist]
`;
const QUESTION = "Where is the TechRadar author based?";

let dir: string;
let h: Harness;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "receipts-reload-"));
  await cp(SHIPPED, dir, { recursive: true });
  h = await startHarness({ env: { KNOWLEDGE_DIR: dir } });
});

afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function reload(user = h.discord.world.users.admin) {
  return h.discord.sendInteraction({ type: "slash", name: "reload", user }).reply();
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
  await appendFile(join(dir, "facts", FACT_FILE), NEW_FACT);
  const facts = h.bot.store.counts.facts;

  const reply = await reload();
  expect(reply.ephemeral).toBe(true);
  expect(readable(reply)).toContain(String(facts + 1));
  expect(h.bot.store.counts.facts).toBe(facts + 1);
  expect(await ask(QUESTION)).toContain(normalizeForQuote(NEW_QUOTE));
});

test("a broken file is reported by name and the old base keeps answering", async () => {
  const file = join(dir, "facts", FACT_FILE);
  const good = await readFile(file, "utf8");
  // A curator's slip: the quote no longer matches the article word for word.
  await writeFile(file, good.replace("popular music graduate", "popular film graduate"));
  const before = h.bot.store.current;

  const reply = await reload();
  const text = readable(reply);
  expect(reply.ephemeral).toBe(true);
  expect(text).toContain(FACT_FILE);
  expect(text).toMatch(/\.quote\b.*not found verbatim/);
  expect(h.bot.store.current).toBe(before);
  expect(await ask(QUESTION)).toContain(normalizeForQuote(NEW_QUOTE));
});

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
});
