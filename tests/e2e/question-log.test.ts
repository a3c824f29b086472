// The question log end to end: the real bot against the stand-in, a real SQLite file in a
// temporary DATA_DIR. Ask, vote, /gaps, /privacy; and a file locked by another process, a
// read-only folder and a corrupt file, with every question still answered.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { memoryLogger } from "../../src/bot/logger.js";
import { questionLogMessages } from "../../src/bot/question-log-messages.js";
import { parseVoteId } from "../../src/bot/vote-buttons.js";
import { normalizeForQuote } from "../../src/knowledge/quote-match.js";
import { DB_FILE } from "../../src/questionlog/open.js";
import { botEnv, type Harness, readable, runScript, startHarness, TOKEN } from "./harness.js";
import { type StandIn, type StoredMessage, startStandIn } from "./stand-in/index.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const temps: string[] = [];
const closers: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "receipts-e2e-qlog-"));
  temps.push(dir);
  return dir;
}

async function harness(dataDir: string): Promise<Harness & { lines: string[] }> {
  const logger = memoryLogger({ secrets: [TOKEN] });
  const h = await startHarness({
    env: { QUESTION_LOG: "on", DATA_DIR: dataDir },
    bot: { logger },
  });
  closers.push(() => h.close());
  return Object.assign(h, { lines: logger.lines });
}

function voteIds(message: StoredMessage): string[] {
  return [...JSON.stringify(message.components).matchAll(/"custom_id":"([^"]+)"/g)]
    .map((m) => m[1] ?? "")
    .filter((id) => parseVoteId(id));
}

function ask(discord: StandIn, question: string) {
  return discord.sendInteraction({ type: "slash", name: "ask", options: { question } }).reply();
}

const en = questionLogMessages("en");

describe("with the log on", () => {
  test("ask, vote 👍 then 👎, and /gaps by an admin shows the question and the vote", async () => {
    const h = await harness(tempDir());
    const { discord } = h;
    const declined = await ask(discord, "did Twitter read my DMs?");
    expect(voteIds(declined)).toHaveLength(2);
    const answer = await ask(discord, "did Spotify read messages?");
    const [up, down] = voteIds(answer);
    const member = discord.world.users.member;
    const click = (customId: string | undefined) =>
      discord
        .sendInteraction({
          type: "button",
          customId: customId ?? "",
          message: answer,
          user: member,
        })
        .reply();
    const thanks = await click(up);
    expect(thanks.ephemeral).toBe(true);
    expect(thanks.content).toBe(en.voteNoted(true));
    expect((await click(down)).content).toBe(en.voteNoted(false));

    const gaps = await discord
      .sendInteraction({ type: "slash", name: "gaps", user: discord.world.users.admin })
      .reply();
    expect(gaps.ephemeral).toBe(true);
    const text = readable(gaps);
    expect(text).toContain("2 questions: 1 answered, 0 asked back, 1 declined · 👍 0 · 👎 1");
    expect(text).toContain("did Twitter read my DMs?");
    expect(text).toContain("did Spotify read messages?");

    const refused = await discord
      .sendInteraction({ type: "slash", name: "gaps", user: member })
      .reply();
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toBe(en.gapsNotAdmin);
  });

  test("/privacy info explains, /privacy forget deletes the member's questions and votes", async () => {
    const h = await harness(tempDir());
    const { discord } = h;
    const member = discord.world.users.member;
    const answer = await discord
      .sendInteraction({
        type: "slash",
        name: "ask",
        options: { question: "what did Netflix say?" },
        user: member,
      })
      .reply();
    const [up] = voteIds(answer);
    await discord
      .sendInteraction({ type: "button", customId: up ?? "", message: answer, user: member })
      .reply();
    const info = await discord
      .sendInteraction({
        type: "slash",
        name: "privacy",
        options: [{ type: 1, name: "info" }],
        user: member,
      })
      .reply();
    expect(info.ephemeral).toBe(true);
    expect(readable(info)).toContain(normalizeForQuote(en.privacyKept(90).slice(0, 60)));
    const forget = await discord
      .sendInteraction({
        type: "slash",
        name: "privacy",
        options: [{ type: 1, name: "forget" }],
        user: member,
      })
      .reply();
    expect(forget.ephemeral).toBe(true);
    expect(forget.content).toBe(en.forgotten(1, 1));
  });
});

/** A node process holding an exclusive lock on the file until it is killed. */
async function lockFile(file: string): Promise<ChildProcess> {
  const script = `const D = require("better-sqlite3"); const db = new D(${JSON.stringify(file)});
    db.exec("BEGIN EXCLUSIVE"); db.prepare("DELETE FROM votes WHERE 0").run(); console.log("locked");
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["-e", script], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  closers.push(() => {
    child.kill("SIGKILL");
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => d.toString().includes("locked") && resolve());
    child.once("exit", (code) => reject(new Error(`the locking process exited (${code})`)));
  });
  return child;
}

describe("when the file cannot be written, every question is still answered", () => {
  test("a file locked by another process: answered, one log line, written once released", async () => {
    const dir = tempDir();
    const h = await harness(dir);
    await ask(h.discord, "did Spotify read messages?");
    expect(h.lines.filter((l) => l.includes("question log: open"))).toHaveLength(1);
    const locker = await lockFile(join(dir, DB_FILE));
    for (const q of [
      "did Netflix read messages?",
      "what did Microsoft get?",
      "did Sony get data?",
    ]) {
      const reply = await ask(h.discord, q);
      expect(reply.embeds.length + reply.content.length).toBeGreaterThan(0);
    }
    const failed = () => h.lines.filter((l) => l.includes("cannot write (locked)"));
    await h.discord.waitFor(
      () => (failed().length > 0 ? true : undefined),
      5000,
      "the lock to be noticed",
    );
    expect(failed()).toHaveLength(1);
    expect(failed()[0]).toContain(join(dir, DB_FILE));
    locker.kill("SIGKILL");
    await h.discord.waitFor(
      () => (h.lines.some((l) => l.includes("question log: writing again")) ? true : undefined),
      15_000,
      "the queued writes to go through",
    );
    expect(failed()).toHaveLength(1);
  });

  test("a corrupt file: answered without vote buttons, one log line naming the file, the file untouched", async () => {
    const dir = tempDir();
    const garbage = Buffer.from("this is not a database\n".repeat(500));
    writeFileSync(join(dir, DB_FILE), garbage);
    const h = await harness(dir);
    const reply = await ask(h.discord, "did Spotify read messages?");
    expect(reply.embeds.length).toBeGreaterThan(0);
    expect(voteIds(reply)).toEqual([]);
    const lines = h.lines.filter((l) => l.includes("question log: off"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/receipts\.sqlite is not a readable SQLite database/);
    expect(readFileSync(join(dir, DB_FILE)).equals(garbage)).toBe(true);
  });

  test("a read-only folder: answered, one log line saying which folder and what to do", async () => {
    const parent = tempDir();
    chmodSync(parent, 0o755);
    const dir = join(parent, "ro");
    mkdirSync(dir);
    chmodSync(dir, 0o555);
    const discord = await startStandIn({ token: TOKEN });
    closers.push(() => discord.close());
    const { deployCommands } = await import("../../src/bot/deploy-commands.js");
    const { botConfig } = await import("./harness.js");
    await deployCommands(botConfig(discord));
    // Root writes anywhere: the bot runs as nobody then, as a real deployment would not as root.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = runScript(
      "src/bot/main.ts",
      {
        ...botEnv(discord, { QUESTION_LOG: "on", DATA_DIR: dir, LOG_LEVEL: "info" }),
        ...(asNobody.uid ? { HOME: tmpdir() } : {}),
      },
      asNobody,
    );
    closers.push(() => {
      run.child.kill("SIGKILL");
    });
    await discord.waitForIdentify(30_000);
    const reply = await ask(discord, "did Spotify read messages?");
    expect(reply.embeds.length).toBeGreaterThan(0);
    expect(voteIds(reply)).toEqual([]);
    const lines = run
      .output()
      .split("\n")
      .filter((l) => l.includes("question log: off"));
    expect(lines, run.output()).toHaveLength(1);
    expect(lines[0]).toContain(dir);
    expect(lines[0]).toMatch(/writable|DATA_DIR/);
  });
});

describe("two processes, one file", () => {
  test("two bots (as two shards) started together write the same file; each /gaps sees its server's, the CLI both", async () => {
    const dir = tempDir();
    const { deployCommands } = await import("../../src/bot/deploy-commands.js");
    const { botConfig } = await import("./harness.js");
    const bots = await Promise.all(
      [0, 1].map(async () => {
        const discord = await startStandIn({ token: TOKEN, timeoutMs: 10_000 });
        closers.push(() => discord.close());
        await deployCommands(botConfig(discord));
        return discord;
      }),
    );
    // Started at the same moment: both migrate the new file, one after the other.
    const runs = bots.map((discord) =>
      runScript(
        "src/bot/main.ts",
        botEnv(discord, { QUESTION_LOG: "on", DATA_DIR: dir, LOG_LEVEL: "info" }),
      ),
    );
    for (const run of runs) closers.push(() => void run.child.kill("SIGKILL"));
    await Promise.all(bots.map((discord) => discord.waitForIdentify(30_000)));
    const questions = ["did Twitter read my DMs?", "what's the weather on Mars?"];
    await Promise.all(bots.map((discord, i) => ask(discord, questions[i] ?? "")));
    for (const [i, discord] of bots.entries()) {
      const gaps = await discord
        .sendInteraction({ type: "slash", name: "gaps", user: discord.world.users.admin })
        .reply();
      const text = readable(gaps);
      expect(text, runs[i]?.output()).toContain(normalizeForQuote(questions[i] ?? "?"));
      expect(text).not.toContain(normalizeForQuote(questions[1 - i] ?? "?"));
    }
    for (const run of runs) expect(run.output()).not.toMatch(/question log: (off|cannot write)/);
    const cli = spawnSync("npx", ["tsx", "src/cli/gaps.ts", "--json", "--data", dir], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(cli.status, cli.stderr).toBe(0);
    const report = JSON.parse(cli.stdout) as { groups: { question: string }[] };
    expect(report.groups.map((g) => g.question).sort()).toEqual([...questions].sort());
  }, 120_000);
});
