// Load against the local Discord stand-in: many users asking at the same moment.
import { afterAll, beforeAll, expect, test } from "vitest";
import { messages } from "../../src/bot/i18n.js";
import { normalizeForQuote } from "../../src/knowledge/quote-match.js";
import { loadQuestionSet } from "../questions/question-set.js";
import { type Harness, readable, startHarness } from "./harness.js";
import { pingsAnyone } from "./stand-in/index.js";

const USERS = 50;
let h: Harness;

beforeAll(async () => {
  // The default cooldown, as shipped: it is per user, so 50 users are not slowed by it.
  h = await startHarness({ env: { COOLDOWN_SECONDS: "3" } });
});

afterAll(async () => {
  await h?.close();
});

test(`${USERS} questions from ${USERS} users at once are all answered within 3 seconds`, async () => {
  const inScope = loadQuestionSet().filter((q) => q.category === "direct" && q.first);
  const entryFor = (i: number) => inScope[i % inScope.length];
  const users = Array.from({ length: USERS }, (_, i) => h.discord.addMember(`asker${i}`));
  const asked = users.map((user, i) =>
    h.discord.sendInteraction({
      type: "slash",
      name: "ask",
      user,
      options: { question: entryFor(i)?.question ?? "" },
    }),
  );
  const acks = await Promise.all(asked.map((a) => a.callback()));
  const replies = await Promise.all(asked.map((a) => a.reply()));

  expect(Math.max(...acks.map((a) => a.latencyMs))).toBeLessThan(3000);
  // Not just acknowledged: the answer itself is there within 3 seconds of the question.
  const answeredAfter = replies.map(
    (r, i) => (r.editedAt ?? r.createdAt) - (asked[i]?.dispatchedAt ?? Number.NaN),
  );
  expect(Math.max(...answeredAfter)).toBeLessThan(3000);
  const notice = normalizeForQuote(messages("en").cooldown(3).slice(0, 20));
  for (const [i, reply] of replies.entries()) {
    const company = h.bot.store.current.organizations.find((o) => o.id === entryFor(i)?.first);
    expect(readable(reply)).toContain(company?.name ?? "?");
    expect(readable(reply)).not.toContain(notice);
    expect(readable(reply)).not.toMatch(/Error id/);
    expect(pingsAnyone(reply.pings)).toBe(false);
  }
  expect(new Set(replies.map((r) => r.interactionId)).size).toBe(USERS);
  expect(h.discord.rejectedRequests()).toEqual([]);
});
