// The stand-in serving two shards, exercised with a plain discord.js Client running both.
import { Client, Events, GatewayIntentBits, type Interaction } from "discord.js";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type StandIn, shardForGuild, startStandIn } from "./stand-in/index.js";

let discord: StandIn;
let client: Client;
const interactions: Interaction[] = [];

beforeAll(async () => {
  discord = await startStandIn({ shards: 2 });
  client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    rest: { api: discord.apiBase },
    shards: "auto",
  });
  client.on(Events.InteractionCreate, (interaction) => {
    interactions.push(interaction);
    if (interaction.isChatInputCommand()) void interaction.reply({ content: "ok" });
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(discord.token);
  await ready;
}, 20_000);

afterAll(async () => {
  await client?.destroy();
  await discord?.close();
});

it("recommends two shards, and the client identifies each with [id, 2]", () => {
  const shards = discord.identifies.map((i) => JSON.stringify(i.shard)).sort();
  expect(shards).toEqual(["[0,2]", "[1,2]"]);
  expect(discord.gatewayStatus().connected).toBe(2);
});

it("sends the guild, and its interactions, to the one shard that owns it", async () => {
  const owner = shardForGuild(discord.world.guild.id, 2);
  expect(client.guilds.cache.get(discord.world.guild.id)?.shardId).toBe(owner);
  const asked = discord.sendInteraction({ type: "slash", name: "ask" });
  expect((await asked.reply()).content).toBe("ok");
  expect(interactions).toHaveLength(1);
  expect(interactions[0]?.guild?.shardId).toBe(owner);
});

it("closes an IDENTIFY whose shard id is out of range with 4010", async () => {
  const { WebSocket } = await import("ws");
  const socket = new WebSocket(`${discord.gatewayUrl}?v=10&encoding=json`);
  await new Promise((resolve) => socket.once("message", resolve));
  socket.send(
    JSON.stringify({
      op: 2,
      d: { token: discord.token, intents: 1, properties: {}, shard: [2, 2] },
    }),
  );
  const code = await new Promise((resolve) => socket.once("close", resolve));
  expect(code).toBe(4010);
});
