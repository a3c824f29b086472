// The deploy script and the login, run as a user runs them, against the local Discord stand-in.
import { GatewayIntentBits, PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, expect, test } from "vitest";
import { commandDefinitions } from "../../src/bot/registry.js";
import { StartupError, startBot } from "../../src/bot/start.js";
import { botConfig, botEnv, runScript, type StandIn, TOKEN } from "./harness.js";
import { startStandIn } from "./stand-in/index.js";

let discord: StandIn;

beforeAll(async () => {
  discord = await startStandIn({ token: TOKEN });
});

afterAll(async () => {
  await discord?.close();
});

/** A definition as JSON carries it (undefined fields dropped), for comparison. */
const asSent = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function expectExactlyOurCommands(registered: readonly Record<string, unknown>[]) {
  const ours = asSent(commandDefinitions());
  expect(registered.map((c) => c.name).sort()).toEqual(ours.map((c) => c.name).sort());
  for (const definition of ours) {
    const got = registered.find((c) => c.name === definition.name && c.type === definition.type);
    // Options, localizations, default permissions and contexts, exactly as defined.
    expect(got).toMatchObject(definition);
  }
}

test("npm run deploy registers exactly our commands globally", async () => {
  const run = runScript("src/bot/deploy.ts", botEnv(discord, { DISCORD_GUILD_ID: "" }));
  expect(await run.exited, run.output()).toBe(0);
  expectExactlyOurCommands(discord.state.commands.global);
  expect(run.output()).not.toContain(TOKEN);
});

test("npm run deploy registers exactly our commands to one guild", async () => {
  const run = runScript("src/bot/deploy.ts", botEnv(discord, { LOG_LEVEL: "info" }));
  expect(await run.exited, run.output()).toBe(0);
  expectExactlyOurCommands(discord.state.commands.guild.get(discord.world.guild.id) ?? []);
  expect(run.output()).toContain(discord.world.guild.id);
  expect(run.output()).not.toContain(TOKEN);
});

test("every command speaks Dutch too, and /reload and /gaps are for server managers by default", () => {
  const registered = discord.state.commands.global;
  for (const command of registered) {
    expect(command.name_localizations, command.name).toHaveProperty("nl");
  }
  const admin = ["reload", "gaps"];
  for (const name of admin) {
    const command = registered.find((c) => c.name === name);
    expect(command?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
  }
  const public_ = registered.filter((c) => !admin.includes(c.name));
  expect(public_.every((c) => c.default_member_permissions == null)).toBe(true);
});

test("the bot logs in with Guilds and GuildMessages only (nothing privileged)", async () => {
  const before = discord.identifies.length;
  const bot = await startBot(botConfig(discord));
  try {
    const identify = discord.identifies[before];
    expect(identify?.tokenMatched).toBe(true);
    expect(identify?.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages);
    expect(identify?.query).toMatchObject({ v: "10", encoding: "json" });
  } finally {
    await bot.stop();
  }
});

test("a wrong token fails to start with a clear message that does not echo it", async () => {
  const wrong = `${TOKEN.slice(0, -4)}WXYZ`;
  const config = { ...botConfig(discord), token: wrong };
  const failure = await startBot(config, { readyTimeoutMs: 10_000 }).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(StartupError);
  expect(String((failure as Error).message)).toMatch(/DISCORD_TOKEN.*Developer Portal/);
  expect(String((failure as Error).message)).not.toContain(wrong);
});

test("npm start with a wrong token exits 1 and says what to do", async () => {
  const wrong = `${TOKEN.slice(0, -4)}WXYZ`;
  const run = runScript("src/bot/main.ts", botEnv(discord, { DISCORD_TOKEN: wrong }));
  expect(await run.exited).toBe(1);
  expect(run.output()).toMatch(/DISCORD_TOKEN/);
  expect(run.output()).not.toContain(wrong);
});
