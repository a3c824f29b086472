// Faults against the local Discord stand-in: rate limits, server errors, a dropped gateway, and
// SIGTERM to `npm start`.
import { afterAll, beforeAll, expect, test } from "vitest";
import { memoryLogger } from "../../src/bot/logger.js";
import { botEnv, type Harness, readable, runScript, startHarness } from "./harness.js";

const CALLBACK = "POST /interactions/:id/:token/callback";
const logger = memoryLogger();
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ bot: { logger } });
});

afterAll(async () => {
  await h?.close();
});

function ask(question: string) {
  return h.discord.sendInteraction({ type: "slash", name: "ask", options: { question } });
}

/** An answer about the company: its name, and no error notice. */
function expectAnswerAbout(text: string, company: string) {
  expect(text).toContain(company);
  expect(text).not.toMatch(/Error id/);
}

test("a 429 on the reply is waited out and the reply delivered", async () => {
  const fault = h.discord.failNext({ route: CALLBACK, status: 429, retryAfterSeconds: 0.3 });
  const asked = ask("did Netflix read messages?");
  expectAnswerAbout(readable(await asked.reply()), "Netflix");
  expect(fault.remaining).toBe(0);
  expect(asked.requests().map((r) => r.status)).toEqual([429, 204]);
});

test("a 500 that outlasts the client's retries is survived: logged, and the user told", async () => {
  const fault = h.discord.failNext({ route: CALLBACK, status: 500, count: 4 });
  const failed = ask("did Spotify read messages?");
  const notice = await failed.reply();
  expect(fault.remaining).toBe(0);
  const id = /Error id: `([^`]+)`/.exec(notice.content)?.[1];
  expect(id).toBeDefined();
  expect(logger.lines.some((line) => line.includes(id ?? "?"))).toBe(true);
  // Each retry is a warning; only the give-up is an error.
  const rest = logger.lines.filter((line) => line.includes("Discord REST error"));
  expect(rest.filter((line) => / WARN .*retrying/.test(line))).toHaveLength(3);
  expect(rest.filter((line) => / ERROR .*giving up/.test(line))).toHaveLength(1);
  // The bot is still there for the next question.
  expectAnswerAbout(readable(await ask("did Spotify read messages?").reply()), "Spotify");
});

test("after the gateway drops, the bot resumes and answers again, missed events included", async () => {
  const identifies = h.discord.identifies.length;
  const resumed = h.discord.waitForResume(10_000);
  await h.discord.dropGateway();
  const missed = ask("did Amazon get friends data?");
  const resume = await resumed;
  expect(resume.ok).toBe(true);
  expect(h.discord.identifies.length).toBe(identifies);
  expectAnswerAbout(readable(await missed.reply()), "Amazon");
  const mention = h.discord.sendMessage({
    content: `${h.discord.mention(h.discord.world.bot)} did Sony get data?`,
  });
  expectAnswerAbout(readable(await mention.reply()), "Sony");
});

test("SIGTERM to npm start closes the gateway session and exits 0", async () => {
  const { discord } = h;
  // Only the process under test may answer from here on.
  await h.bot.stop();
  const identifies = discord.identifies.length;
  const live = discord.gatewayStatus().live;
  const run = runScript("src/bot/main.ts", botEnv(discord, { LOG_LEVEL: "info" }));
  try {
    await discord.waitFor(
      () =>
        (discord.gatewayStatus().live > live && discord.identifies.length > identifies) ||
        undefined,
      15_000,
      "npm start to log in",
    );
    const asked = discord.sendMessage({
      content: `${discord.mention(discord.world.bot)} did Apple get data?`,
    });
    expectAnswerAbout(readable(await asked.reply(10_000)), "Apple");
    run.child.kill("SIGTERM");
    expect(await run.exited, run.output()).toBe(0);
    // The session was closed, not just dropped: Discord would not keep it for a resume.
    await discord.waitFor(
      () => discord.gatewayStatus().live === live || undefined,
      2000,
      "the session end",
    );
    expect(run.output()).toMatch(/SIGTERM/);
    expect(run.output()).not.toContain(discord.token);
  } finally {
    run.child.kill("SIGKILL");
  }
});
