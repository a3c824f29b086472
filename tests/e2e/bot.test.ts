// The real bot (startBot) and the real discord.js client against the local Discord stand-in.
import { afterAll, beforeAll, expect, test } from "vitest";
import { parseConfig } from "../../src/bot/config.js";
import { deployCommands } from "../../src/bot/deploy-commands.js";
import { type RunningBot, startBot } from "../../src/bot/start.js";
import { normalizeForQuote } from "../../src/knowledge/quote-match.js";
import { startStandIn } from "./stand-in/index.js";

type StandIn = Awaited<ReturnType<typeof startStandIn>>;
let discord: StandIn;
let bot: RunningBot;

const norm = normalizeForQuote;

function config() {
  const result = parseConfig({
    DISCORD_TOKEN: discord.token,
    DISCORD_CLIENT_ID: discord.world.application.id,
    DISCORD_GUILD_ID: discord.world.guild.id,
    DISCORD_API_BASE: discord.apiBase,
    LOG_LEVEL: "error",
    COOLDOWN_SECONDS: "0",
  });
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.config;
}

beforeAll(async () => {
  discord = await startStandIn({
    token: "MTAwMDAwMDAwMDAwMDAwMDAw.GabcDe.abcdefghijklmnopqrstuvwxyz0123",
  });
  await deployCommands(config());
  bot = await startBot(config());
});

afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

test("deploy registers the commands to the guild", () => {
  const names = (discord.state.commands.guild.get(discord.world.guild.id) ?? []).map((c) => c.name);
  expect(names).toEqual(expect.arrayContaining(["ask", "company", "sources", "help", "reload"]));
});

test("/ask answers with a quote that is verbatim in an article", async () => {
  const handle = discord.sendInteraction({
    type: "slash",
    name: "ask",
    options: { question: "did Spotify read messages?" },
  });
  const reply = await handle.reply();
  const text = norm(JSON.stringify(reply.embeds) + reply.content);
  expect(text).toMatch(/Spotify/);
  const kb = bot.store.current;
  const quotes = kb.facts.filter((f) => f.about.includes("spotify")).map((f) => norm(f.quote));
  expect(quotes.some((q) => text.includes(q.slice(0, 40)))).toBe(true);
  expect(reply.pings.everyone || reply.pings.users.length > 0 || reply.pings.roles.length > 0).toBe(
    false,
  );
});

test("a question full of @everyone and role mentions pings nobody", async () => {
  const role = discord.mention(discord.world.roles.admin);
  const handle = discord.sendInteraction({
    type: "slash",
    name: "ask",
    options: {
      question: `@everyone @here ${role} did Netflix read messages? ${"x ".repeat(2900)}`,
    },
  });
  await handle.reply();
  expect(discord.pingingMessages()).toEqual([]);
});

test("a mention gets a reply to that message; a bot's message gets none", async () => {
  const asked = discord.sendMessage({
    content: `${discord.mention(discord.world.bot)} did Microsoft get friends data?`,
  });
  const reply = await asked.reply();
  expect(norm(JSON.stringify(reply.embeds) + reply.content)).toMatch(/Microsoft/);
  const fromBot = discord.sendMessage({
    content: `${discord.mention(discord.world.bot)} did Netflix read messages?`,
    author: discord.world.users.otherBot,
    channelId: discord.world.channels.other.id,
  });
  await fromBot.expectNoResponse(800);
});
