// The gaps report over a real SQLite file, with real engine answers on the shipped base, and
// `npm run gaps` as the operator runs it.
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCustomId } from "../../src/bot/custom-id.js";
import { renderGaps } from "../../src/bot/gaps-view.js";
import { pageIds } from "../../src/bot/paging.js";
import { messageProblems } from "../../src/bot/render/limits.js";
import { answer } from "../../src/engine/index.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { analyzeQuestion } from "../../src/questionlog/analysis.js";
import { gapsReport } from "../../src/questionlog/gaps.js";
import { KNOWLEDGE_DIR, load } from "../bot/helpers.js";
import { clock, event, openLog, tempDir } from "./helpers.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const DAY = 86_400_000;
const GUILD_A = "500000000000000001";
const GUILD_B = "500000000000000002";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await load(KNOWLEDGE_DIR);
});

/** A log with questions asked in two servers over ten days. */
function filledLog(dir = tempDir()) {
  const c = clock(Date.now() - 10 * DAY);
  const { log } = openLog(dir, { now: c.now });
  const ask = (question: string, userId: string, guildId = GUILD_A) =>
    log.record(event({ answer: answer(question, kb), userId, guildId })) ?? 0;
  ask("did twitter read my DMs?", "1"); // 10 days ago: outside a 7-day report
  c.advance(5 * DAY);
  ask("Did Twitter read DMs?", "1");
  ask("did twitter read dms", "2");
  const spotify = ask("did Spotify read messages?", "3");
  ask("what's the weather tomorrow?", "4");
  ask("did Twitter read DMs?", "5", GUILD_B);
  log.vote(spotify, "4", -1);
  log.vote(spotify, "5", 1);
  log.flushAll();
  return { log, dir, spotify };
}

describe("gaps report", () => {
  it("groups the same question in other words, with counts, askers, the decision and votes", () => {
    const { log } = filledLog();
    const db = log.db;
    if (!db) throw new Error("no db");
    const report = gapsReport(db, kb, { guildId: GUILD_A, days: 7, now: Date.now() });
    expect(report.totals).toEqual({
      questions: 4,
      answered: 1,
      askedBack: 0,
      declined: 3,
      up: 1,
      down: 1,
    });
    const twitter = report.groups[0];
    expect(twitter).toMatchObject({
      count: 2,
      askers: 2,
      decision: "declined",
      question: "did twitter read dms",
      otherWordings: ["Did Twitter read DMs?"],
    });
    expect(twitter?.reason).toBe("unknown-names");
    const spotify = report.groups.find((g) => g.question === "did Spotify read messages?");
    expect(spotify).toMatchObject({ count: 1, decision: "answered", up: 1, down: 1 });
    expect(spotify?.closestFacts.length).toBeGreaterThan(0);
    expect(report.groups).toHaveLength(3);
  });

  it("holds only the server's own questions; the operator's report holds every server's", () => {
    const { log } = filledLog();
    const db = log.db;
    if (!db) throw new Error("no db");
    const b = gapsReport(db, kb, { guildId: GUILD_B, days: 7, now: Date.now() });
    expect(b.totals.questions).toBe(1);
    expect(b.groups.map((g) => g.count)).toEqual([1]);
    const all = gapsReport(db, kb, { days: 30, now: Date.now() });
    expect(all.totals.questions).toBe(6);
    expect(all.groups[0]).toMatchObject({ count: 4, askers: 3 });
  });

  it("groups by the engine's analysis: stems, stop words left out, word order ignored", () => {
    const key = (q: string) => analyzeQuestion(q, kb).key;
    expect(key("did Twitter read DMs?")).toBe(key("twitter: read dms"));
    expect(key("Did Facebook delete messages?")).toBe(key("deleting messages facebook"));
    expect(key("did Netflix read messages?")).not.toBe(key("did Spotify read messages?"));
  });

  it("renders pages within Discord's limits, with ◀ n/N ▶ when there is more than one", () => {
    const { log } = filledLog();
    if (!log.db) throw new Error("no db");
    const report = gapsReport(log.db, kb, { days: 30, now: Date.now() });
    const ids = pageIds({ view: "gaps", days: 30 });
    const one = renderGaps(report, 0, "en", ids);
    expect(messageProblems(one.message)).toEqual([]);
    expect(one.message.components).toEqual([]);
    expect(one.pages).toBe(1);
    const many = {
      ...report,
      groups: Array.from({ length: 12 }, () => report.groups[0]),
    } as typeof report;
    const page = renderGaps(many, 1, "nl", ids);
    expect(messageProblems(page.message)).toEqual([]);
    const row = page.message.components?.[0]?.components ?? [];
    expect(row.map((b) => ("label" in b ? b.label : ""))).toEqual(["◀", "2/3", "▶"]);
    // The arrows' ids are the shared page ids: page 1 and 3 of the same report.
    const [back, , next] = row.map((b) => parseCustomId("custom_id" in b ? b.custom_id : ""));
    expect(back).toEqual({ kind: "page", of: { view: "gaps", days: 30 }, page: 0 });
    expect(next).toEqual({ kind: "page", of: { view: "gaps", days: 30 }, page: 2 });
    expect(page.message.embeds[0]?.footer?.text).toBe("Pagina 2 van 3");
    const past = renderGaps(many, 99, "en", ids);
    expect([past.page, past.pages, past.message.embeds[0]?.footer?.text]).toEqual([
      2,
      3,
      "Page 3 of 3",
    ]);
  });
});

function gaps(args: string[]) {
  const r = spawnSync("npx", ["tsx", "src/cli/gaps.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, DATA_DIR: "" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each run starts a TypeScript process: slow on a busy machine, hence the long timeouts.
describe("npm run gaps", { timeout: 120_000 }, () => {
  it("prints the report of every server, as text and as JSON, with --suggest's unknown words", () => {
    const { log, dir } = filledLog();
    log.close();
    const text = gaps(["--data", dir, "--since", "30d", "--suggest"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Gaps: the last 30 days/);
    expect(text.stdout).toContain(
      "6 questions: 1 answered, 0 asked back, 5 declined · 👍 1 · 👎 1",
    );
    expect(text.stdout).toMatch(/1\. "did Twitter read DMs\?" · declined\n {3}4 times by 3 people/);
    expect(text.stdout).toMatch(/unknown words: twitter \(/);
    expect(text.stdout).toMatch(/unknown words: weather, tomorrow \(/);
    const json = gaps(["--data", dir, "--json", "--since", "36h"]);
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout) as {
      days: number;
      totals: { questions: number };
      groups: object[];
    };
    expect(parsed.days).toBe(1.5);
    expect(parsed.totals.questions).toBe(0);
    expect(parsed.groups).toEqual([]);
  });

  it("says where it looked when there is no log, and rejects a bad period", () => {
    const none = gaps(["--data", tempDir()]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no question log at .*receipts\.sqlite/);
    const bad = gaps(["--since", "a week"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--since "a week": give a period like 7d/);
  });
});
