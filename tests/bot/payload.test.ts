import { MessageFlags } from "discord.js";
import { describe, expect, it } from "vitest";
import {
  channelMessageOptions,
  editOptions,
  messageReplyOptions,
  NO_PINGS,
  replyOptions,
} from "../../src/bot/payload.js";
import type { RenderedMessage } from "../../src/bot/render/limits.js";
import { INTENTS } from "../../src/bot/start.js";

const message: RenderedMessage = {
  content: "@everyone @here <@&300000000000000003> <@200000000000000001>",
  embeds: [{ description: "<@200000000000000001>" }],
};

describe("send options", () => {
  it("every builder allows no mentions at all", () => {
    const none = { parse: [], repliedUser: false };
    expect(replyOptions(message, false).allowedMentions).toEqual(none);
    expect(replyOptions(message, true).allowedMentions).toEqual(none);
    expect(editOptions(message).allowedMentions).toEqual(none);
    expect(messageReplyOptions(message).allowedMentions).toEqual(none);
    expect(channelMessageOptions(message).allowedMentions).toEqual(none);
    expect(NO_PINGS).toEqual(none);
  });

  it("marks private replies ephemeral and only those", () => {
    expect(replyOptions(message, true).flags).toBe(MessageFlags.Ephemeral);
    expect(replyOptions(message, false).flags).toBeUndefined();
  });

  it("keeps the content, embeds and components as rendered", () => {
    const options = replyOptions(message, false);
    expect(options.content).toBe(message.content);
    expect(options.embeds).toEqual(message.embeds);
    expect(options.components).toEqual([]);
    expect(replyOptions({ embeds: [{ title: "t" }] }, false)).not.toHaveProperty("content");
  });

  it("a mention reply does not fail when the question was deleted meanwhile", () => {
    expect(messageReplyOptions(message).failIfNotExists).toBe(false);
  });
});

describe("intents", () => {
  it("are Guilds and GuildMessages only: nothing privileged", () => {
    // Guilds = 1 << 0, GuildMessages = 1 << 9; Message Content (1 << 15) is not among them.
    expect(INTENTS.reduce((a, b) => a | b, 0)).toBe((1 << 0) | (1 << 9));
  });
});
