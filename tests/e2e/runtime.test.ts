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

function ask(question: string) {
  return discord.sendInteraction({ type: "slash", name: "ask", options: { question } });
}

/** The lines a run printed that match `pattern`. */
function linesMatching(run: ScriptRun, pattern: RegExp): string[] {
  return run
    .output()
    .split("\n")
    .filter((line) => pattern.test(line));
}

const QUESTIONS = [
  "did Netflix read messages?",
  "did Spotify read messages?",
  "did Sony get data?",
];

test("a closed standard output: its lines are dropped and counted, answering goes on, SIGTERM exits 0", async () => {
  // Debug level: every answer logs a line to standard output.
  const run = await startMain({ LOG_LEVEL: "debug" });
  try {
    run.child.stdout?.destroy(); // the reader goes away, as when `npm start | tee` loses tee
    for (const question of [...QUESTIONS, ...QUESTIONS]) {
      expect(readable(await ask(question).reply(10_000))).not.toMatch(/Error id/);
    }
    run.child.kill("SIGTERM");
    expect(await run.exited, run.output()).toBe(0);
    // Standard error still works: one line says why the other stopped, one counts what was lost.
    expect(
      linesMatching(run, /writing log lines to standard output failed \(EPIPE\)/),
    ).toHaveLength(1);
    const summary = linesMatching(run, /some log lines were not written/);
    expect(summary, run.output()).toHaveLength(1);
    const dropped = Number(/dropped=(\d+)/.exec(summary[0] ?? "")?.[1]);
    const writeErrors = Number(/writeErrors=(\d+)/.exec(summary[0] ?? "")?.[1]);
    // Six answers, each at least one debug line, none of them written or retried.
    expect(dropped).toBeGreaterThanOrEqual(5);
    expect(writeErrors).toBeLessThanOrEqual(2);
  } finally {
    run.child.kill("SIGKILL");
  }
}, 60_000);

test("a closed standard error: warnings and errors go to standard output instead, answering goes on", async () => {
  const run = await startMain({ LOG_LEVEL: "info" });
  try {
    run.child.stderr?.destroy();
    // Discord failing the reply four times: three warnings and an error, once stderr is gone.
    discord.failNext({ route: "POST /interactions/:id/:token/callback", status: 500, count: 4 });
    expect(readable(await ask(QUESTIONS[0] ?? "").reply(15_000))).toMatch(/Error id/);
    for (const question of QUESTIONS) {
      expect(readable(await ask(question).reply(10_000))).not.toMatch(/Error id/);
    }
    run.child.kill("SIGTERM");
    expect(await run.exited, run.output()).toBe(0);
    expect(linesMatching(run, /writing log lines to standard error failed \(EPIPE\)/)).toHaveLength(
      1,
    );
    // The error that followed is on standard output, and the write that failed is counted.
    expect(linesMatching(run, / ERROR handler failed/).length).toBeGreaterThanOrEqual(1);
    const summary = linesMatching(run, /some log lines were not written/);
    expect(summary, run.output()).toHaveLength(1);
    expect(Number(/writeErrors=(\d+)/.exec(summary[0] ?? "")?.[1])).toBeLessThanOrEqual(2);
    expect(run.output()).not.toContain(TOKEN);
  } finally {
    run.child.kill("SIGKILL");
  }
}, 60_000);

test("both streams closed: the bot still answers, errors included, and exits 0 on SIGTERM", async () => {
  const run = await startMain({ LOG_LEVEL: "debug" });
  try {
    run.child.stdout?.destroy();
    run.child.stderr?.destroy();
    discord.failNext({ route: "POST /interactions/:id/:token/callback", status: 500, count: 4 });
    expect(readable(await ask(QUESTIONS[1] ?? "").reply(15_000))).toMatch(/Error id/);
    for (const question of QUESTIONS) {
      expect(readable(await ask(question).reply(10_000))).not.toMatch(/Error id/);
    }
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  } finally {
    run.child.kill("SIGKILL");
  }
}, 60_000);

test("SIGTERM just after both streams closed, with lines still buffered, exits 0", async () => {
  const run = await startMain({ LOG_LEVEL: "debug" });
  try {
    // Lines on their way out when the readers go: the exit must not wait on them forever.
    const asked = ask(QUESTIONS[2] ?? "");
    await asked.reply(10_000);
    run.child.stdout?.destroy();
    run.child.stderr?.destroy();
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  } finally {
    run.child.kill("SIGKILL");
  }
}, 60_000);
