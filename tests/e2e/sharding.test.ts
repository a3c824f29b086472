// `npm start` with SHARDS=auto against a stand-in that recommends two shards: discord.js's
// ShardingManager runs two processes, /reload reloads both and reports each, SIGTERM stops all.
import { afterAll, beforeAll, expect, test } from "vitest";
import { deployCommands } from "../../src/bot/deploy-commands.js";
import { normalizeForQuote } from "../../src/knowledge/quote-match.js";
import { botConfig, botEnv, readable, runScript, type ScriptRun, TOKEN } from "./harness.js";
import {
  copyKnowledge,
  FACT_FILE,
  type KnowledgeCopy,
  NEW_FACT_QUESTION,
  NEW_QUOTE,
} from "./knowledge-copy.js";
import { type StandIn, startStandIn } from "./stand-in/index.js";

let discord: StandIn;
let knowledge: KnowledgeCopy;
let run: ScriptRun;

beforeAll(async () => {
  discord = await startStandIn({ token: TOKEN, shards: 2, timeoutMs: 10_000 });
  knowledge = await copyKnowledge();
  await deployCommands(botConfig(discord));
  run = runScript(
    "src/bot/main.ts",
    botEnv(discord, { SHARDS: "auto", KNOWLEDGE_DIR: knowledge.dir, LOG_LEVEL: "info" }),
  );
  await discord.waitFor(
    () => (discord.gatewayStatus().connected === 2 ? true : undefined),
    30_000,
    "two shards to connect",
  );
}, 40_000);

afterAll(async () => {
  run?.child.kill("SIGKILL");
  await discord?.close();
  await knowledge?.remove();
});

async function ask(question: string) {
  const asked = discord.sendInteraction({ type: "slash", name: "ask", options: { question } });
  return readable(await asked.reply());
}

async function reload() {
  const asked = discord.sendInteraction({
    type: "slash",
    name: "reload",
    user: discord.world.users.admin,
  });
  return asked.reply();
}

test("each shard identifies with its own [id, 2], and the guild's shard answers", async () => {
  const shards = discord.identifies.map((i) => JSON.stringify(i.shard)).sort();
  expect(shards).toEqual(["[0,2]", "[1,2]"]);
  expect(await ask("did Spotify read messages?")).toContain("Spotify");
  // Each shard's lines say which shard wrote them.
  expect(run.output()).toMatch(/ INFO logged in shard=0 /);
  expect(run.output()).toMatch(/ INFO logged in shard=1 /);
});

test("/reload reloads every shard and reports each one", async () => {
  await knowledge.addFact();
  const reply = await reload();
  expect(reply.ephemeral).toBe(true);
  expect(reply.content).toMatch(/Shard 0: reloaded/);
  expect(reply.content).toMatch(/Shard 1: reloaded/);
  expect(await ask(NEW_FACT_QUESTION)).toContain(normalizeForQuote(NEW_QUOTE));
});

test("a broken base is refused on every shard, each keeping its old base", async () => {
  await knowledge.breakQuote();
  const reply = await reload();
  expect(reply.content).toMatch(/Shard 0: refused/);
  expect(reply.content).toMatch(/Shard 1: refused/);
  expect(readable(reply)).toContain(FACT_FILE);
  expect(await ask(NEW_FACT_QUESTION)).toContain(normalizeForQuote(NEW_QUOTE));
});

test("SIGHUP to the manager reloads every shard", async () => {
  const refusals = () => run.output().match(/reload refused/g)?.length ?? 0;
  const before = refusals();
  run.child.kill("SIGHUP");
  // The base on disk is still broken: both shards refuse it, and say so.
  // Each shard checks the base in a worker thread first, which takes a few seconds to start.
  await discord.waitFor(
    () => (refusals() >= before + 2 ? true : undefined),
    25_000,
    "both shards to log their reload",
  );
  expect(await ask("did Netflix read messages?")).toContain("Netflix");
}, 40_000);

test("SIGTERM stops every shard: both sessions closed, exit 0", async () => {
  run.child.kill("SIGTERM");
  expect(await run.exited, run.output()).toBe(0);
  await discord.waitFor(
    () => (discord.gatewayStatus().live === 0 ? true : undefined),
    3000,
    "both sessions to end",
  );
  expect(run.output()).not.toContain(TOKEN);
}, 20_000);

test("a shard whose manager is killed outright closes its session and exits", async () => {
  const manager = runScript("src/bot/main.ts", botEnv(discord, { SHARDS: "1", LOG_LEVEL: "info" }));
  try {
    await discord.waitFor(
      () => (discord.gatewayStatus().live === 1 ? true : undefined),
      // A manager and a shard process, each compiling with tsx: slow on a loaded machine.
      30_000,
      "the one shard to connect",
    );
    expect(discord.identifies.at(-1)?.shard).toEqual([0, 1]);
    manager.child.kill("SIGKILL");
    // No orphan left running: the shard notices its manager is gone and ends its session.
    await discord.waitFor(
      () => (discord.gatewayStatus().live === 0 ? true : undefined),
      8000,
      "the orphaned shard to end its session",
    );
  } finally {
    manager.child.kill("SIGKILL");
  }
}, 50_000);
