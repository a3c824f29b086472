// Questions made to be expensive (the hardening issue, item 2): ten members send one at once,
// against a generated base larger than the shipped one, and every one is acknowledged and
// answered. Counted, not timed: the timing target is measured by `npm run bench`.
import { afterAll, beforeAll, expect, test } from "vitest";
import { adversarialQuestions } from "../../scripts/bench/adversarial.js";
import { type GeneratedBase, generateBase } from "../../scripts/bench/generate.js";
import { type Harness, readable, startHarness } from "./harness.js";
import { pingsAnyone } from "./stand-in/index.js";

const MEMBERS = 10;
let base: GeneratedBase;
let h: Harness;

beforeAll(async () => {
  base = await generateBase(2000, 7);
  h = await startHarness({ env: { KNOWLEDGE_DIR: base.dir } });
}, 180_000);

afterAll(async () => {
  await h?.close();
  await base?.remove();
});

test(`${MEMBERS} members sending a question made to be expensive at once are all acknowledged and answered`, async () => {
  const kb = h.bot.store.current;
  expect(kb.facts.length).toBe(2000);
  // The longest of each kind: commonest words, every name at once, near-typos, mixed.
  const worst = adversarialQuestions(kb).slice(-MEMBERS);
  expect(worst.map((q) => q.question.split(" ").length).every((n) => n >= 40)).toBe(true);
  const members = Array.from({ length: MEMBERS }, (_, i) => h.discord.addMember(`stress${i}`));
  const asked = members.map((user, i) =>
    h.discord.sendInteraction({
      type: "slash",
      name: "ask",
      user,
      options: { question: worst[i]?.question ?? "" },
    }),
  );
  const acks = await Promise.all(asked.map((a) => a.callback()));
  const replies = await Promise.all(asked.map((a) => a.reply()));
  expect(acks).toHaveLength(MEMBERS);
  // Each acknowledged once, within Discord's deadline (the stand-in refuses a late one).
  for (const a of asked) expect(a.record.attempts.map((x) => x.status)).toEqual([204]);
  expect(new Set(replies.map((r) => r.interactionId)).size).toBe(MEMBERS);
  for (const reply of replies) {
    expect(readable(reply).length).toBeGreaterThan(0);
    expect(readable(reply)).not.toMatch(/Error id|interaction failed/i);
    expect(pingsAnyone(reply.pings)).toBe(false);
  }
  expect(h.discord.rejectedRequests()).toEqual([]);
}, 120_000);
