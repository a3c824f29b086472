// What held when Receipts was attacked, kept holding: against the local Discord stand-in, floods
// of mentions from one member and from many, and mentions far longer than Discord allows.
import { afterAll, beforeAll, expect, test } from "vitest";
import { memoryLogger } from "../../src/bot/logger.js";
import { type Harness, readable, startHarness } from "./harness.js";
import { pingsAnyone } from "./stand-in/index.js";

const logger = memoryLogger({ level: "info" });
let h: Harness;

beforeAll(async () => {
  // The shipped cooldown, on a clock that stands still: a cooldown never runs out in this file.
  h = await startHarness({ env: { COOLDOWN_SECONDS: "3" }, bot: { logger, now: () => 0 } });
});

afterAll(async () => {
  await h?.close();
});

const at = () => h.discord.mention(h.discord.world.bot);

test("500 mentions from one member get one reply, and nothing is logged per ignored mention", async () => {
  const flooder = h.discord.addMember("flooder");
  const floods = Array.from({ length: 500 }, (_, i) =>
    h.discord.sendMessage({ content: `${at()} did Netflix read messages? ${i}`, author: flooder }),
  );
  // Mentions are handled in the order they come: once this one is answered, all 500 were handled.
  const witness = h.discord.addMember("witness");
  const after = h.discord.sendMessage({ content: `${at()} did Sony get data?`, author: witness });
  expect(readable(await after.reply())).toContain("Sony");
  const answered = floods.filter((f) => f.replies().length > 0);
  expect(answered).toHaveLength(1);
  expect(answered[0]).toBe(floods[0]);
  expect(logger.lines.filter((l) => l.includes(flooder.id))).toEqual([]);
  expect(h.discord.rejectedRequests()).toEqual([]);
});

test("500 members mentioning at once are all answered", async () => {
  const members = Array.from({ length: 500 }, (_, i) => h.discord.addMember(`member${i}`));
  const questions = ["did Spotify read messages?", "did Amazon get friends data?"];
  const asked = members.map((author, i) =>
    h.discord.sendMessage({ content: `${at()} ${questions[i % 2]}`, author }),
  );
  const replies = await Promise.all(asked.map((a) => a.reply(60_000)));
  for (const [i, reply] of replies.entries()) {
    expect(readable(reply)).toContain(i % 2 === 0 ? "Spotify" : "Amazon");
    expect(pingsAnyone(reply.pings)).toBe(false);
  }
  expect(h.discord.rejectedRequests()).toEqual([]);
}, 120_000);

test("a 100,000-character mention gets a reply within Discord's limits that pings nobody", async () => {
  const author = h.discord.addMember("novelist");
  const question = `${at()} did Spotify read messages? @everyone `;
  const content = question + "and also ".repeat((100_000 - question.length) / 9);
  expect(content.length).toBeGreaterThan(99_990);
  const reply = await h.discord.sendMessage({ content, author }).reply(10_000);
  expect(readable(reply).length).toBeGreaterThan(0);
  expect(reply.content.length).toBeLessThanOrEqual(2000);
  expect(pingsAnyone(reply.pings)).toBe(false);
  expect(h.discord.rejectedRequests()).toEqual([]);
});
