// The Discord stand-in, exercised with a plain, unmodified discord.js Client (no bot code): if
// these pass, the real client speaks to the stand-in as it would to Discord.
import {
  Client,
  DefaultRestOptions,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  type Message,
  MessageFlags,
  type MessageMentionOptions,
  Routes,
} from "discord.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type Pings, pingsAnyone, type StandIn, startStandIn } from "./stand-in/index.js";

const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];

interface Harness {
  client: Client;
  /** Every URL the REST client fetched (the default transport, observed). */
  urls: string[];
  debug: string[];
  /** The guilds cached when clientReady fired. */
  guildsAtReady: string[];
}

function newClient(discord: StandIn): Harness {
  const urls: string[] = [];
  const debug: string[] = [];
  const client = new Client({
    intents: INTENTS,
    rest: {
      api: discord.apiBase,
      // The default transport, observed: every URL the REST client fetches.
      makeRequest: (url, init) => {
        urls.push(url);
        return DefaultRestOptions.makeRequest(url, init);
      },
    },
  });
  client.on(Events.Debug, (line) => debug.push(line));
  return { client, urls, debug, guildsAtReady: [] };
}

async function login(discord: StandIn, token = discord.token): Promise<Harness> {
  const harness = newClient(discord);
  const ready = new Promise<void>((resolve) =>
    harness.client.once(Events.ClientReady, (client) => {
      harness.guildsAtReady.push(...client.guilds.cache.keys());
      resolve();
    }),
  );
  await harness.client.login(token);
  await ready;
  return harness;
}

let discord: StandIn;
let main: Harness;
/** What the inline handler does with the next interactions; errors it throws are kept. */
let onInteraction: (interaction: Interaction) => Promise<void> = async () => {};
const handlerErrors: unknown[] = [];
const received: Message[] = [];

beforeAll(async () => {
  discord = await startStandIn({ heartbeatIntervalMs: 300 });
  main = await login(discord);
  main.client.on(Events.InteractionCreate, (interaction) => {
    onInteraction(interaction).catch((error: unknown) => handlerErrors.push(error));
  });
  main.client.on(Events.MessageCreate, (message) => {
    received.push(message);
    if (message.author.bot || !message.mentions.users.has(discord.world.bot.id)) return;
    void message.reply({
      content: `echo: ${message.content}`,
      allowedMentions: { parse: [], repliedUser: false },
    });
  });
});

beforeEach(() => {
  handlerErrors.length = 0;
});

afterAll(async () => {
  await main?.client.destroy();
  await discord?.close();
});

function nextError(): Promise<unknown> {
  return discord.waitFor(() => handlerErrors.shift(), 3000, "an error from the handler");
}

describe("login", () => {
  it("identifies with the client's intents, becomes ready with the guild, and only talks to the stand-in", () => {
    const { client, urls, debug } = main;
    expect(client.isReady()).toBe(true);
    expect(client.user?.id).toBe(discord.world.bot.id);
    expect(client.application?.id).toBe(discord.world.application.id);
    const identify = discord.identifies.at(-1);
    expect(identify?.tokenMatched).toBe(true);
    expect(identify?.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages);
    expect(identify?.query).toEqual({ v: "10", encoding: "json" });

    // Ready only once the guild announced in READY has arrived by GUILD_CREATE.
    expect(main.guildsAtReady).toEqual([discord.world.guild.id]);
    const guild = client.guilds.cache.get(discord.world.guild.id);
    expect(guild?.available).toBe(true);
    expect(guild?.roles.everyone.id).toBe(discord.world.guild.id);
    expect(guild?.members.me?.id).toBe(discord.world.bot.id);
    expect(guild?.channels.cache.get(discord.world.channels.general.id)?.isTextBased()).toBe(true);
    const admin = guild?.members.cache.get(discord.world.users.admin.id);
    expect(admin?.permissions.has("ManageGuild")).toBe(true);
    expect(
      guild?.members.cache.get(discord.world.users.member.id)?.permissions.has("ManageGuild"),
    ).toBe(false);

    expect(discord.requests.map((r) => `${r.method} ${r.route} ${r.auth}`)).toContain(
      "GET GET /gateway/bot bot",
    );
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(`${discord.apiBase}/v10/`)).toBe(true);
    expect(discord.gatewayConnects[0]).toBe("/gateway?v=10&encoding=json");
    const connects = debug.filter((line) => line.includes("Connecting to "));
    expect(connects.length).toBeGreaterThan(0);
    for (const line of connects) expect(line).toContain("Connecting to ws://127.0.0.1:");
    expect(discord.unknownRequests()).toEqual([]);
    expect(discord.gatewayProblems).toEqual([]);
  });

  it("acknowledges heartbeats, so the client measures a ping", async () => {
    await discord.waitFor(
      () => (discord.state.heartbeats >= 1 ? true : undefined),
      2000,
      "a heartbeat",
    );
    await discord.waitFor(
      () => (main.client.ws.ping >= 0 ? true : undefined),
      2000,
      "a heartbeat ACK",
    );
  });

  it("fails with a clear invalid-token error for a wrong token, without opening the gateway", async () => {
    const connectsBefore = discord.gatewayConnects.length;
    const { client } = newClient(discord);
    await expect(client.login("wrong-token")).rejects.toThrow(/invalid token/i);
    expect(discord.requests.at(-1)).toMatchObject({
      route: "GET /gateway/bot",
      auth: "wrong",
      status: 401,
    });
    expect(discord.gatewayConnects.length).toBe(connectsBefore);
    await client.destroy();
  });

  it("closes the gateway with 4004 when IDENTIFY carries a wrong token", async () => {
    // discord.js never gets this far with a wrong token (REST refuses it first), so speak raw.
    const socket = new WebSocket(`${discord.gatewayUrl}?v=10&encoding=json`);
    const hello = await new Promise<{ op: number; d: { heartbeat_interval: number } }>((resolve) =>
      socket.once("message", (data) => resolve(JSON.parse(data.toString()))),
    );
    expect(hello).toEqual({ op: 10, d: { heartbeat_interval: 300 } });
    const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
    socket.send(JSON.stringify({ op: 2, d: { token: "wrong-token", intents: 0, properties: {} } }));
    expect(await closed).toBe(4004);
    expect(discord.identifies.at(-1)?.tokenMatched).toBe(false);
    expect(discord.gatewayProblems.at(-1)).toBe("Authentication failed.");
  });
});

describe("interactions", () => {
  it("records a slash command's reply, with its locale, options and allowed_mentions", async () => {
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const question = interaction.options.getString("question", true);
      await interaction.reply({
        content: `${interaction.locale}: ${question}`,
        flags: interaction.options.getBoolean("private") ? MessageFlags.Ephemeral : undefined,
        allowedMentions: { parse: [] },
      });
    };
    const ask = discord.sendInteraction({
      type: "slash",
      name: "ask",
      options: { question: "did Spotify read messages?", private: true },
      locale: "nl",
    });
    const reply = await ask.reply();
    expect(reply.content).toBe("nl: did Spotify read messages?");
    expect(reply.ephemeral).toBe(true);
    const callback = await ask.callback();
    expect(callback.latencyMs).toBeLessThan(3000);
    expect(ask.requests()[0]).toMatchObject({
      route: "POST /interactions/:id/:token/callback",
      status: 204,
      auth: "missing",
    });
    expect(ask.requests()[0]?.allowedMentions).toEqual({ parse: [] });
    expect(reply.pings).toEqual({ everyone: false, users: [], roles: [], repliedUser: false });
  });

  it("works out who a reply would ping from its content and allowed_mentions", async () => {
    const { roles, users } = discord.world;
    const content = `@everyone ${discord.mention(roles.admin)} ${discord.mention(users.admin)} q`;
    const cases: Array<[string, MessageMentionOptions | undefined, Pings]> = [
      [
        "none set",
        undefined,
        { everyone: true, users: [users.admin.id], roles: [roles.admin.id], repliedUser: false },
      ],
      [
        "parse nothing",
        { parse: [] },
        { everyone: false, users: [], roles: [], repliedUser: false },
      ],
      [
        "parse everyone",
        { parse: ["everyone"] },
        { everyone: true, users: [], roles: [], repliedUser: false },
      ],
      [
        "listed ids",
        { users: [users.admin.id], roles: [roles.admin.id] },
        { everyone: false, users: [users.admin.id], roles: [roles.admin.id], repliedUser: false },
      ],
    ];
    let allowed: MessageMentionOptions | undefined;
    onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({ content, ...(allowed ? { allowedMentions: allowed } : {}) });
      }
    };
    for (const [name, mentions, expected] of cases) {
      allowed = mentions;
      const reply = await discord.sendInteraction({ type: "slash", name: "ask" }).reply();
      expect(reply.pings, name).toEqual(expected);
      expect(discord.pingingMessages().includes(reply), name).toBe(pingsAnyone(expected));
    }
  });

  it("follows a deferred reply to its edit of %40original and a follow-up", async () => {
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ content: "edited", allowedMentions: { parse: [] } });
      const original = await interaction.fetchReply();
      await interaction.followUp({
        content: `after ${original.id}`,
        flags: MessageFlags.Ephemeral,
      });
    };
    const ask = discord.sendInteraction({ type: "slash", name: "ask", options: { question: "q" } });
    const reply = await ask.reply();
    expect(reply.content).toBe("edited");
    expect(reply.loading).toBe(false);
    const [followUp] = await ask.followUps(1);
    expect(followUp?.content).toBe(`after ${reply.id}`);
    expect(followUp?.ephemeral).toBe(true);
    const edit = ask.requests().find((r) => r.method === "PATCH");
    expect(edit?.rawPath.endsWith("/messages/%40original")).toBe(true);
    expect(edit?.path).toBe(
      `/webhooks/${discord.world.application.id}/${ask.token}/messages/@original`,
    );
  });

  it("answers autocomplete, a message context menu and a button", async () => {
    const responseIds: Array<string | undefined> = [];
    onInteraction = async (interaction) => {
      if (interaction.isAutocomplete()) {
        const typed = interaction.options.getFocused();
        await interaction.respond([{ name: `${typed}!`, value: typed }]);
      } else if (interaction.isMessageContextMenuCommand()) {
        const response = await interaction.reply({
          content: `asked: ${interaction.targetMessage.content}`,
          components: [
            { type: 1, components: [{ type: 2, style: 1, custom_id: "more:1", label: "More" }] },
          ],
          withResponse: true,
        });
        responseIds.push(response.resource?.message?.id);
      } else if (interaction.isButton()) {
        await interaction.update({ content: `clicked ${interaction.customId}`, components: [] });
      }
    };
    const choices = await discord
      .sendInteraction({
        type: "autocomplete",
        name: "company",
        focused: "name",
        options: { name: "royl bnk" },
      })
      .choices();
    expect(choices).toEqual([{ name: "royl bnk!", value: "royl bnk" }]);

    const question = discord.sendMessage({ content: "did Netflix read messages?" });
    const menu = discord.sendInteraction({
      type: "messageMenu",
      name: "Ask Receipts",
      target: question.message,
    });
    const answer = await menu.reply();
    // with_response=true: the client gets the message in the callback's 200 body.
    expect(await discord.waitFor(() => responseIds[0])).toBe(answer.id);
    expect(answer.content).toBe("asked: did Netflix read messages?");

    const click = discord.sendInteraction({ type: "button", customId: "more:1", message: answer });
    const updated = await click.reply();
    expect(updated.id).toBe(answer.id);
    expect(updated.content).toBe("clicked more:1");
    expect(updated.components).toEqual([]);
  });

  it("uses the ids of registered commands, and rejects invalid command localizations", async () => {
    const application = main.client.application;
    if (!application) throw new Error("no application");
    const registered = await application.commands.set(
      [{ name: "ask", description: "Ask", descriptionLocalizations: { nl: "Vraag" } }],
      discord.world.guild.id,
    );
    const ask = registered.first();
    expect(discord.state.commands.guild.get(discord.world.guild.id)?.[0]?.id).toBe(ask?.id);
    onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand())
        await interaction.reply({ content: interaction.commandId });
    };
    const reply = await discord.sendInteraction({ type: "slash", name: "ask" }).reply();
    expect(reply.content).toBe(ask?.id);

    // "nl-NL" is not a Discord locale ("nl" is); discord.js's types forbid it, so send it raw.
    const bad = main.client.rest.put(Routes.applicationCommands(application.id), {
      body: [{ name: "ask", description: "Ask", description_localizations: { "nl-NL": "Vraag" } }],
    });
    await expect(bad).rejects.toMatchObject({ status: 400, code: 50035 });
    expect(discord.state.commands.global).toEqual([]);
  });

  it("rejects a reply over Discord's limits with 400 / 50035", async () => {
    onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: "x".repeat(2001) });
    };
    const ask = discord.sendInteraction({ type: "slash", name: "ask" });
    const error = await nextError();
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 400, code: 50035 });
    expect((error as Error).message).toContain("data.content[BASE_TYPE_MAX_LENGTH]");
    expect(ask.record.ack).toBeUndefined();
    const recorded = ask.requests()[0];
    expect(recorded?.status).toBe(400);
    expect(discord.rejectedRequests()).toContain(recorded);
  });

  it("rejects an edit of a deferred reply over the limits, and keeps the reply loading", async () => {
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ embeds: [{ description: "d".repeat(4097) }] });
    };
    const ask = discord.sendInteraction({ type: "slash", name: "ask" });
    expect(await nextError()).toMatchObject({ status: 400, code: 50035 });
    expect(ask.original()?.loading).toBe(true);
    expect(ask.requests().map((r) => `${r.method} ${r.status}`)).toEqual(["POST 204", "PATCH 400"]);
  });

  it("answers a second acknowledgement 40060 and a late one 10062", async () => {
    onInteraction = async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply({ content: "first" });
      await interaction.client.rest.post(
        `/interactions/${interaction.id}/${interaction.token}/callback`,
        {
          body: { type: 4, data: { content: "second" } },
          auth: false,
        },
      );
    };
    discord.sendInteraction({ type: "slash", name: "ask" });
    expect(await nextError()).toMatchObject({ status: 400, code: 40060 });

    discord.state.ackDeadlineMs = 100;
    try {
      onInteraction = async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
        await interaction.reply({ content: "too late" });
      };
      const late = discord.sendInteraction({ type: "slash", name: "ask" });
      expect(await nextError()).toMatchObject({ status: 404, code: 10062 });
      expect(late.record.attempts[0]?.latencyMs).toBeGreaterThan(100);
    } finally {
      discord.state.ackDeadlineMs = 3000;
    }
  });
});

describe("limits through the REST client", () => {
  const field = (i: number) => ({ name: `f${i}`, value: "v" });
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ["an embed title over 256", { embeds: [{ title: "t".repeat(257) }] }, "embeds.0.title"],
    [
      "an embed description over 4096",
      { embeds: [{ description: "d".repeat(4097) }] },
      "embeds.0.description",
    ],
    [
      "26 fields",
      { embeds: [{ fields: Array.from({ length: 26 }, (_, i) => field(i)) }] },
      "embeds.0.fields",
    ],
    [
      "a field value over 1024",
      { embeds: [{ fields: [{ name: "n", value: "v".repeat(1025) }] }] },
      "embeds.0.fields.0.value",
    ],
    [
      "a footer over 2048",
      { embeds: [{ footer: { text: "f".repeat(2049) } }] },
      "embeds.0.footer.text",
    ],
    [
      "an author name over 256",
      { embeds: [{ author: { name: "a".repeat(257) } }] },
      "embeds.0.author.name",
    ],
    ["11 embeds", { embeds: Array.from({ length: 11 }, () => ({ title: "t" })) }, "embeds"],
    [
      "6001 characters across embeds",
      { embeds: [{ description: "d".repeat(4000) }, { description: "d".repeat(2001) }] },
      "embeds",
    ],
    [
      "a button label over 80",
      {
        components: [
          { type: 1, components: [{ type: 2, style: 1, custom_id: "a", label: "l".repeat(81) }] },
        ],
      },
      "components.0.components.0.label",
    ],
    [
      "6 action rows",
      {
        components: Array.from({ length: 6 }, (_, i) => ({
          type: 1,
          components: [{ type: 2, style: 1, custom_id: `b${i}`, label: "b" }],
        })),
      },
      "components",
    ],
  ];

  it.each(cases)("rejects %s at its field", async (_name, body, path) => {
    const channel = discord.world.channels.general.id;
    const sending = main.client.rest.post(`/channels/${channel}/messages`, {
      body: { content: "hi", ...body },
    });
    await expect(sending).rejects.toMatchObject({ status: 400, code: 50035 });
    const response = discord.requests.at(-1)?.response as { errors: Record<string, unknown> };
    let node: unknown = response.errors;
    for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
    expect((node as { _errors: unknown[] })._errors.length).toBeGreaterThan(0);
  });

  it("reads a multipart body (payload_json and files)", async () => {
    const channel = discord.world.channels.general.id;
    const sent = await main.client.rest.post(`/channels/${channel}/messages`, {
      body: { content: "with a file", allowed_mentions: { parse: [] } },
      files: [{ name: "facts.txt", data: Buffer.from("twelve bytes") }],
    });
    expect(sent).toMatchObject({ content: "with a file" });
    const recorded = discord.requests.at(-1);
    expect(recorded?.files).toEqual([
      { field: "files[0]", name: "facts.txt", contentType: expect.any(String), size: 12 },
    ]);
    expect(recorded?.allowedMentions).toEqual({ parse: [] });
  });

  it("accepts a message exactly at the limits", async () => {
    const channel = discord.world.channels.general.id;
    const body = {
      content: "c".repeat(2000),
      embeds: [
        {
          title: "t".repeat(256),
          description: "d".repeat(4096),
          fields: [{ name: "n".repeat(256), value: "v".repeat(1024) }],
        },
      ],
    };
    await expect(
      main.client.rest.post(`/channels/${channel}/messages`, { body }),
    ).resolves.toMatchObject({ channel_id: channel });
  });

  it("rejects more than 25 autocomplete choices", async () => {
    onInteraction = async (interaction) => {
      if (interaction.isAutocomplete()) {
        await interaction.respond(
          Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `c${i}` })),
        );
      }
    };
    discord.sendInteraction({
      type: "autocomplete",
      name: "company",
      focused: "name",
      options: { name: "x" },
    });
    expect(await nextError()).toMatchObject({ status: 400, code: 50035 });
  });

  it("records unknown routes and answers them 404", async () => {
    await expect(main.client.rest.get("/not/a/route")).rejects.toMatchObject({ status: 404 });
    expect(discord.unknownRequests().map((r) => r.path)).toEqual(["/not/a/route"]);
  });
});

describe("messages", () => {
  it("delivers content only when the bot is mentioned, and sees the bot's reply", async () => {
    const plain = discord.sendMessage({ content: "no mention here" });
    await plain.expectNoResponse(150);
    expect(received.find((m) => m.id === plain.message.id)?.content).toBe("");

    const fromBot = discord.sendMessage({
      author: discord.world.users.otherBot,
      content: `${discord.mention(discord.world.bot)} hi`,
    });
    await fromBot.expectNoResponse(150);

    const asked = discord.sendMessage({ content: `${discord.mention(discord.world.bot)} hello` });
    const reply = await asked.reply();
    expect(reply.content).toBe(`echo: ${discord.mention(discord.world.bot)} hello`);
    expect(reply.replyTo).toBe(asked.message.id);
    expect(reply.pings.repliedUser).toBe(false);
    // The bot's own reply comes back over the gateway too, as on Discord.
    await discord.waitFor(() => received.find((m) => m.id === reply.id));
  });
});

describe("faults", () => {
  it("retries a 429 on the interaction callback and delivers the reply", async () => {
    onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: "after the limit" });
    };
    const fault = discord.failNext({
      route: "POST /interactions/:id/:token/callback",
      status: 429,
      retryAfterSeconds: 0.3,
    });
    const ask = discord.sendInteraction({ type: "slash", name: "ask" });
    expect((await ask.reply()).content).toBe("after the limit");
    expect(fault.remaining).toBe(0);
    const [limited, delivered] = ask.requests();
    expect(limited).toMatchObject({
      status: 429,
      injected: true,
      response: { retry_after: 0.3, global: false },
    });
    expect(delivered?.status).toBe(204);
    expect((delivered?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(250);
  });

  it("survives a 500 on a channel message by the client's retry", async () => {
    const channel = discord.world.channels.general.id;
    discord.failNext({ route: "POST /channels/:channel/messages", status: 500 });
    const sent = await main.client.rest.post(`/channels/${channel}/messages`, {
      body: { content: "retried" },
    });
    expect(sent).toMatchObject({ content: "retried" });
    expect(discord.requests.slice(-2).map((r) => r.status)).toEqual([500, 200]);
  });

  it("resumes after the gateway drops, replays what was missed, and keeps answering", async () => {
    const identifiesBefore = discord.identifies.length;
    const resumed = discord.waitForResume(5000);
    await discord.dropGateway();
    const missed = discord.sendMessage({
      content: `${discord.mention(discord.world.bot)} while away`,
    });
    const resume = await resumed;
    expect(resume.replayed).toBeGreaterThanOrEqual(1);
    expect(discord.identifies.length).toBe(identifiesBefore);
    expect(discord.gatewayConnects.at(-1)).toBe("/gateway/resume?v=10&encoding=json");
    await missed.reply();

    onInteraction = async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: "still here" });
    };
    expect((await discord.sendInteraction({ type: "slash", name: "ask" }).reply()).content).toBe(
      "still here",
    );
  });

  it.each([
    ["a cut TCP connection", { mode: "terminate" }],
    ["op 7 (reconnect)", { mode: "reconnect" }],
  ] as const)("resumes after %s too", async (_name, how) => {
    const resumed = discord.waitForResume(5000);
    await discord.dropGateway(how);
    expect((await resumed).ok).toBe(true);
    expect(await discord.waitForIdentify()).toMatchObject({ tokenMatched: true });
    const asked = discord.sendMessage({ content: `${discord.mention(discord.world.bot)} back?` });
    await asked.reply();
  });
});

describe("shutdown", () => {
  it("lets a client destroy its session cleanly", async () => {
    const other = await login(discord);
    expect(discord.gatewayStatus()).toEqual({ connected: 2, live: 2 });
    await other.client.destroy();
    // Closing with 1000 ends the session on Discord's side too: it cannot be resumed.
    await discord.waitFor(
      () => (discord.gatewayStatus().live === 1 ? true : undefined),
      2000,
      "the session to end",
    );
    expect(discord.gatewayStatus()).toEqual({ connected: 1, live: 1 });
    expect(other.client.isReady()).toBe(false);
    expect(discord.unknownRequests().length).toBe(1); // only the deliberate one above
    expect(discord.gatewayProblems).toEqual(["Authentication failed."]);
  });
});
