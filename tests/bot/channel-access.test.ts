import { DiscordAPIError, PermissionFlagsBits, PermissionsBitField } from "discord.js";
import { describe, expect, it } from "vitest";
import {
  INVALID_REQUEST_LIMIT,
  invalidRequestReport,
  isInteractionGone,
  isRefusal,
  missingToReply,
} from "../../src/bot/channel-access.js";
import { handleMessage } from "../../src/bot/mentions.js";
import { BOT_ID, fakeMessage, KNOWLEDGE_DIR, load, services } from "./helpers.js";

const P = PermissionFlagsBits;
const bits = (...flags: bigint[]) => new PermissionsBitField(flags.reduce((a, b) => a | b, 0n));

function apiError(status: number, code: number, message: string): DiscordAPIError {
  return new DiscordAPIError({ code, message }, code, status, "POST", "/channels/1/messages", {});
}

describe("may the bot reply here", () => {
  it("needs View Channel, Send Messages and Read Message History in a channel", () => {
    expect(
      missingToReply(bits(P.ViewChannel, P.SendMessages, P.ReadMessageHistory), false),
    ).toEqual([]);
    expect(missingToReply(bits(P.ViewChannel, P.ReadMessageHistory), false)).toEqual([
      "SendMessages",
    ]);
    expect(missingToReply(bits(), false)).toEqual([
      "ViewChannel",
      "SendMessages",
      "ReadMessageHistory",
    ]);
  });

  it("needs Send Messages in Threads, not Send Messages, in a thread", () => {
    const inChannel = bits(P.ViewChannel, P.SendMessages, P.ReadMessageHistory);
    expect(missingToReply(inChannel, true)).toEqual(["SendMessagesInThreads"]);
    const inThread = bits(P.ViewChannel, P.SendMessagesInThreads, P.ReadMessageHistory);
    expect(missingToReply(inThread, true)).toEqual([]);
  });

  it("Administrator holds every permission", () => {
    expect(missingToReply(bits(P.Administrator), true)).toEqual([]);
  });

  it("tells a refusal (401, 403, 404) and an expired interaction from other failures", () => {
    expect(isRefusal(apiError(403, 50013, "Missing Permissions"))).toBe(true);
    expect(isRefusal(apiError(404, 10008, "Unknown Message"))).toBe(true);
    expect(isRefusal(apiError(400, 50035, "Invalid Form Body"))).toBe(false);
    expect(isRefusal(new Error("403"))).toBe(false);
    expect(isInteractionGone(apiError(404, 10062, "Unknown interaction"))).toBe(true);
    expect(isInteractionGone(apiError(404, 10008, "Unknown Message"))).toBe(false);
  });

  it("reports the invalid-request count as a warning, and as an error past half the limit", () => {
    const early = invalidRequestReport({ count: 500, remainingTime: 420_000 });
    expect(early.level).toBe("warn");
    expect(early.fields).toEqual({
      invalidRequests: 500,
      limit: INVALID_REQUEST_LIMIT,
      windowEndsInSeconds: 420,
    });
    expect(invalidRequestReport({ count: 5000, remainingTime: 0 }).level).toBe("error");
  });
});

describe("a mention whose reply Discord refuses", () => {
  it("gets no error notice, and one warning line without a stack", async () => {
    const kb = await load(KNOWLEDGE_DIR);
    const { message, replies } = fakeMessage(`<@${BOT_ID}> did spotify read messages?`);
    let calls = 0;
    Object.assign(message, {
      reply: async () => {
        calls++;
        throw apiError(403, 50013, "Missing Permissions");
      },
    });
    const svc = services(kb);
    await handleMessage(message, svc, BOT_ID);
    expect(calls).toBe(1);
    expect(replies).toEqual([]);
    expect(svc.logger.lines).toHaveLength(1);
    expect(svc.logger.lines[0]).toMatch(
      / WARN mention not answered: Discord refused the reply .*status=403 code=50013 reason="Missing Permissions"$/,
    );
  });
});
