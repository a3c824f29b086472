import type { RepliableInteraction } from "discord.js";
import { MessageFlags } from "discord.js";
import { describe, expect, it } from "vitest";
import { renderNotice } from "../../src/bot/render/pages.js";
import { Responder } from "../../src/bot/respond.js";
import { expectSafe, fakeInteraction, sent } from "./helpers.js";

function responder() {
  const fake = fakeInteraction({ kind: "slash", name: "ask" });
  // The fake implements the reply methods the responder calls.
  return { ...fake, respond: new Responder(fake.interaction as RepliableInteraction) };
}

const msg = (text: string) => renderNotice(text);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("responder", () => {
  it("replies first, then follows up, each message in order", async () => {
    const { respond, calls } = responder();
    await respond.send([msg("one"), msg("two"), msg("three")]);
    expect(calls.map((c) => [c.method, c.payload.content])).toEqual([
      ["reply", "one"],
      ["followUp", "two"],
      ["followUp", "three"],
    ]);
    expectSafe(sent(calls));
  });

  it("edits a deferred reply, then follows up", async () => {
    const { respond, calls } = responder();
    respond.ephemeral = true;
    await respond.defer();
    await respond.send([msg("one"), msg("two")]);
    expect(calls.map((c) => c.method)).toEqual(["deferReply", "editReply", "followUp"]);
    expect(calls[0]?.payload.flags).toBe(MessageFlags.Ephemeral);
    expect(calls[2]?.payload.flags).toBe(MessageFlags.Ephemeral);
  });

  it("a private message after a public defer removes the placeholder and follows up privately", async () => {
    const { respond, calls } = responder();
    await respond.defer();
    await respond.notice("oops");
    expect(calls.map((c) => c.method)).toEqual(["deferReply", "deleteReply", "followUp"]);
    expect(calls[2]?.payload.flags).toBe(MessageFlags.Ephemeral);
  });

  it("defers on its own when a handler is slow, and the reply becomes the edit", async () => {
    const { respond, calls } = responder();
    const cancel = respond.deferAfter(20, () => undefined);
    await wait(60);
    await respond.send([msg("late")]);
    cancel();
    expect(calls.map((c) => c.method)).toEqual(["deferReply", "editReply"]);
    expect(calls[0]?.at).toBeLessThan(3000);
  });

  it("does not defer once something was sent", async () => {
    const { respond, calls } = responder();
    const cancel = respond.deferAfter(20, () => undefined);
    await respond.send([msg("fast")]);
    await wait(50);
    cancel();
    expect(calls.map((c) => c.method)).toEqual(["reply"]);
  });

  it("never acknowledges twice when a defer and a reply race", async () => {
    const { respond, calls } = responder();
    await Promise.all([respond.defer(), respond.send([msg("now")]), respond.defer()]);
    expect(calls.map((c) => c.method)).toEqual(["deferReply", "editReply"]);
    expect(respond.delivered).toBe(true);
  });
});
