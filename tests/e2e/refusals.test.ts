// Discord refusing the bot, against the local stand-in: a channel where it may not reply (from
// the permission overwrites the gateway sent), a reply refused anyway, an interaction that
// expired, and the count of invalid requests Discord limits per IP.
import {
  DiscordAPIError,
  OverwriteType,
  PermissionFlagsBits,
  Routes,
  type TextChannel,
} from "discord.js";
import { afterAll, beforeAll, expect, test } from "vitest";
import { memoryLogger } from "../../src/bot/logger.js";
import { type Harness, readable, startHarness } from "./harness.js";

const logger = memoryLogger();
let h: Harness;

beforeAll(async () => {
  // Every invalid request reported, so a test can count them.
  h = await startHarness({ bot: { logger, invalidRequestWarningInterval: 1 } });
});

afterAll(async () => {
  await h?.close();
});

const P = PermissionFlagsBits;

/** Sets the channel's overwrites and waits until the bot's cache has them. */
async function overwrite(channelId: string, roleId: string, deny: bigint) {
  const overwrites =
    deny === 0n ? [] : [{ id: roleId, type: OverwriteType.Role, allow: "0", deny: String(deny) }];
  h.discord.setChannelOverwrites(channelId, overwrites);
  await h.discord.waitFor(
    () => {
      const cached = h.bot.client.channels.cache.get(channelId) as TextChannel | undefined;
      return cached?.permissionOverwrites.cache.size === overwrites.length || undefined;
    },
    5000,
    "the bot's cache to have the channel's overwrites",
  );
}

function mention(question: string, channelId = h.discord.world.channels.general.id) {
  return h.discord.sendMessage({
    content: `${h.discord.mention(h.discord.world.bot)} ${question}`,
    channelId,
  });
}

const sendsTo = (channelId: string) =>
  h.discord.requests.filter(
    (r) => r.method === "POST" && r.path === `/channels/${channelId}/messages`,
  );

test.each([
  ["Send Messages", "the bot's role", P.SendMessages, "SendMessages"],
  ["Read Message History", "the bot's role", P.ReadMessageHistory, "ReadMessageHistory"],
  ["View Channel", "@everyone", P.ViewChannel, "ViewChannel"],
])(
  "a mention where %s is denied to %s costs no request and no error notice; one line says what is missing",
  async (_name, _who, deny, missing) => {
    const { world } = h.discord;
    const other = world.channels.other.id;
    const roleId = missing === "ViewChannel" ? world.guild.id : world.roles.bot.id;
    await overwrite(other, roleId, deny);
    try {
      const before = logger.lines.length;
      for (let i = 0; i < 3; i++) mention("did Netflix read messages?", other);
      // Mentions are handled in order: once this one is answered, those three were handled.
      expect(readable(await mention("did Spotify read messages?").reply())).toContain("Spotify");
      expect(sendsTo(other)).toEqual([]);
      const lines = logger.lines.slice(before);
      const refused = lines.filter((l) => l.includes("mention not answered") && l.includes(other));
      expect(refused).toHaveLength(3);
      for (const line of refused) expect(line).toContain(`missing=${missing}`);
      expect(lines.filter((l) => / ERROR /.test(l))).toEqual([]);
    } finally {
      await overwrite(other, roleId, 0n);
    }
  },
);

test("only the first refusal in a channel is a warning", () => {
  const other = h.discord.world.channels.other.id;
  const refused = logger.lines.filter(
    (l) => l.includes("the bot may not reply in this channel") && l.includes(other),
  );
  expect(refused.filter((l) => / WARN /.test(l))).toHaveLength(1);
  expect(refused.filter((l) => / DEBUG /.test(l))).toHaveLength(refused.length - 1);
});

test("a reply Discord refuses anyway gets no error notice: one request, one line, counted", async () => {
  const general = h.discord.world.channels.general.id;
  const before = logger.lines.length;
  const sends = sendsTo(general).length;
  h.discord.failNext({ route: "POST /channels/:channel/messages", status: 403 });
  mention("did Amazon get friends data?");
  await h.discord.waitFor(
    () => logger.lines.slice(before).find((l) => l.includes("Discord refused the reply")),
    5000,
    "the refusal in the log",
  );
  // Then Discord limits the bot once: waited out, and answered.
  h.discord.failNext({ route: "POST /channels/:channel/messages", status: 429 });
  expect(readable(await mention("did Sony get data?").reply())).toContain("Sony");

  // The refused reply, the 429 and the retried reply: no error notice after the refusal.
  expect(sendsTo(general).length - sends).toBe(3);
  const lines = logger.lines.slice(before);
  expect(lines.filter((l) => / ERROR /.test(l))).toEqual([]);
  const refusal = lines.filter((l) => l.includes("Discord refused the reply"));
  expect(refusal).toHaveLength(1);
  expect(refusal[0]).toMatch(/ WARN .*status=403/);
  expect(refusal[0]).not.toMatch(/\\n\s+at /);
  // The REST client counted both: the 403 and the 429 (the stand-in made no others).
  const counts = lines
    .filter((l) => l.includes("invalidRequests="))
    .map((l) => Number(/invalidRequests=(\d+)/.exec(l)?.[1]));
  expect(counts).toEqual([1, 2]);
});

test("an interaction answered too late (404, Unknown interaction) is not answered twice", async () => {
  const before = logger.lines.length;
  h.discord.state.ackDeadlineMs = 0;
  try {
    const late = h.discord.sendInteraction({
      type: "slash",
      name: "ask",
      options: { question: "did Netflix read messages?" },
    });
    const line = await h.discord.waitFor(
      () => logger.lines.slice(before).find((l) => l.includes("interaction not answered")),
      5000,
      "the expired interaction in the log",
    );
    expect(line).toMatch(/ WARN .*code=10062/);
    expect(late.requests().map((r) => r.status)).toEqual([404]);
    expect(logger.lines.slice(before).filter((l) => / ERROR /.test(l))).toEqual([]);
  } finally {
    h.discord.state.ackDeadlineMs = 3000;
  }
  const next = h.discord.sendInteraction({
    type: "slash",
    name: "ask",
    options: { question: "did Spotify read messages?" },
  });
  expect(readable(await next.reply())).toContain("Spotify");
});

test("the stand-in refuses sends as Discord does: 50001, 50013, and 160002 for a reply without history", async () => {
  const { world } = h.discord;
  const other = world.channels.other.id;
  const target = mention("hello", world.channels.other.id).message.id;
  const send = (body: Record<string, unknown>) =>
    h.bot.client.rest.post(Routes.channelMessages(other), { body }).then(
      () => undefined,
      (error: unknown) => (error instanceof DiscordAPIError ? error.code : error),
    );
  const reply = { content: "x", message_reference: { message_id: target } };
  const cases: Array<[string, bigint, unknown]> = [
    [world.guild.id, P.ViewChannel, 50001],
    [world.roles.bot.id, P.SendMessages, 50013],
    [world.roles.bot.id, P.ReadMessageHistory, 160002],
  ];
  for (const [roleId, deny, code] of cases) {
    await overwrite(other, roleId, deny);
    expect(await send(reply)).toBe(code);
  }
  // Without the reference, history is not needed; an allow on a role beats @everyone's deny.
  expect(await send({ content: "x" })).toBeUndefined();
  h.discord.setChannelOverwrites(other, [
    { id: world.guild.id, type: OverwriteType.Role, allow: "0", deny: String(P.SendMessages) },
    { id: world.roles.bot.id, type: OverwriteType.Role, allow: String(P.SendMessages), deny: "0" },
  ]);
  expect(await send(reply)).toBeUndefined();
  await overwrite(other, world.guild.id, 0n);
});
