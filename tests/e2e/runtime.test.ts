// `npm start` as a process against the local Discord stand-in: what the environment and the
// process's surroundings can throw at it (a blank SHARDS, credentials in the API base, lost log
// streams), and that it keeps answering and stops cleanly.
import { afterAll, beforeAll, expect, test } from "vitest";
import { botEnv, readable, runScript, type ScriptRun, type StandIn, TOKEN } from "./harness.js";
import { startStandIn } from "./stand-in/index.js";

let discord: StandIn;

beforeAll(async () => {
  discord = await startStandIn({ token: TOKEN });
});

afterAll(async () => {
  await discord?.close();
});

/** Starts `npm start` and resolves once it has a live gateway session. */
async function startMain(env: Record<string, string>): Promise<ScriptRun> {
  const identifies = discord.identifies.length;
  const live = discord.gatewayStatus().live;
  const run = runScript("src/bot/main.ts", botEnv(discord, env));
  const exitedEarly = run.exited.then((code) => {
    throw new Error(`npm start exited (${code}) before logging in:\n${run.output()}`);
  });
  await Promise.race([
    exitedEarly,
    discord.waitFor(
      () =>
        (discord.gatewayStatus().live > live && discord.identifies.length > identifies) ||
        undefined,
      20_000,
      "npm start to log in",
    ),
  ]);
  exitedEarly.catch(() => undefined);
  return run;
}

async function askByMention(question: string) {
  const asked = discord.sendMessage({
    content: `${discord.mention(discord.world.bot)} ${question}`,
  });
  return readable(await asked.reply(10_000));
}

test("SHARDS= (empty) in the environment runs one process, which answers and stops on SIGTERM", async () => {
  const run = await startMain({ SHARDS: "", SHARD_COUNT: "", LOG_LEVEL: "debug" });
  try {
    expect(await askByMention("did Netflix read messages?")).toContain("Netflix");
    run.child.kill("SIGTERM");
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).not.toMatch(/JSON/);
    // Debug level logs discord.js's own lines too: still no token in them.
    expect(run.output()).not.toContain(TOKEN);
    expect(run.output()).not.toContain(TOKEN.split(".")[2]);
  } finally {
    run.child.kill("SIGKILL");
  }
}, 40_000);

test("credentials in DISCORD_API_BASE are refused without being printed, by start and deploy", async () => {
  const base = discord.apiBase.replace("://", "://receipts:pa55-w0rd-x@");
  for (const script of ["src/bot/main.ts", "src/bot/deploy.ts"]) {
    const run = runScript(script, botEnv(discord, { DISCORD_API_BASE: base }));
    expect(await run.exited, run.output()).toBe(1);
    expect(run.output()).toMatch(/DISCORD_API_BASE must not contain a user name or password/);
    expect(run.output()).not.toContain("pa55-w0rd-x");
  }
}, 40_000);
