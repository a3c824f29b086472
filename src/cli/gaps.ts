/**
 * `npm run gaps`: the gaps report of the question log, for the operator: every server's
 * questions that were declined, asked back on or voted down, grouped, with totals.
 *
 *   npm run gaps                       the last 7 days, as text
 *   npm run gaps -- --since 30d        --since 12h, --since 30d (or a number of days)
 *   npm run gaps -- --json             one JSON object on standard output
 *   npm run gaps -- --suggest          with each group, the words the fact base does not know
 *   npm run gaps -- --data <dir>       the log in <dir> (default: DATA_DIR, else data/)
 *
 * Exit codes: 0 the report, 1 no readable log or fact base, 2 usage error.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { config as dotenv } from "dotenv";
import { loadKnowledge } from "../knowledge/load.js";
import { formatProblem } from "../knowledge/problem.js";
import { type GapsReport, gapsReport } from "../questionlog/gaps.js";
import { dbFile, openDatabase } from "../questionlog/open.js";
import { runCli } from "./run-cli.js";
import { fromUserFolder, userFolder } from "./user-path.js";

const USAGE = `Usage:
  npm run gaps [-- --since 7d] [--json] [--suggest] [--data <dir>] [--knowledge <dir>]
Options:
  --since <n>d|<n>h   how far back (default 7d; at most 3650d)
  --json              one JSON object on standard output
  --suggest           with each group, the words the fact base and its lexicon do not know
  --data <dir>        the folder of receipts.sqlite (default: DATA_DIR from the environment
                      or .env, else data/)
  --knowledge <dir>   the fact base that groups questions and finds the closest facts
                      (default: the project's knowledge/)
  -h, --help          show this help`;

const DEFAULT_KNOWLEDGE = fileURLToPath(new URL("../../knowledge", import.meta.url));

interface Options {
  readonly days: number;
  readonly json: boolean;
  readonly suggest: boolean;
  readonly data: string;
  readonly knowledge: string;
}

function parseSince(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([dh]?)$/i.exec(text.trim());
  const n = m ? Number(m[1]) : Number.NaN;
  const days = m?.[2]?.toLowerCase() === "h" ? n / 24 : n;
  if (!(days > 0 && days <= 3650)) {
    throw new Error(
      `--since ${JSON.stringify(text)}: give a period like 7d, 36h or 30 (days), up to 3650d`,
    );
  }
  return days;
}

function parse(argv: string[]): Options | "help" {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      since: { type: "string" },
      json: { type: "boolean", default: false },
      suggest: { type: "boolean", default: false },
      data: { type: "string" },
      knowledge: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  if (positionals.length > 0)
    throw new Error(`unexpected argument ${JSON.stringify(positionals[0])}`);
  for (const name of ["data", "knowledge"] as const) {
    if (values[name] !== undefined && values[name].trim() === "")
      throw new Error(`--${name} needs a folder`);
  }
  // As the bot finds it: DATA_DIR in the environment, else in .env where the user is.
  const fromEnvFile: Record<string, string> = {};
  dotenv({ path: fromUserFolder(".env", "gaps"), quiet: true, processEnv: fromEnvFile });
  const dataDir =
    values.data ?? (process.env.DATA_DIR?.trim() || fromEnvFile.DATA_DIR?.trim() || "data");
  return {
    days: values.since === undefined ? 7 : parseSince(values.since),
    json: values.json,
    suggest: values.suggest,
    data: fromUserFolder(dataDir, "gaps"),
    knowledge:
      values.knowledge === undefined ? DEFAULT_KNOWLEDGE : fromUserFolder(values.knowledge, "gaps"),
  };
}

async function main(): Promise<number> {
  let options: Options | "help";
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`gaps: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const file = dbFile(options.data);
  if (!existsSync(file)) {
    process.stderr.write(
      `gaps: there is no question log at ${file}. The bot creates it on its first start (unless QUESTION_LOG=off); give its folder with --data (from ${userFolder("gaps")}).\n`,
    );
    return 1;
  }
  const opened = openDatabase(options.data, { readonly: true });
  if (!opened.ok) {
    process.stderr.write(`gaps: ${opened.problem}\n`);
    return 1;
  }
  const loaded = await loadKnowledge(options.knowledge);
  if (!loaded.ok) {
    process.stderr.write(`gaps: the fact base in ${options.knowledge} has problems:\n`);
    for (const p of loaded.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
    return 1;
  }
  let report: GapsReport;
  try {
    report = gapsReport(opened.db, loaded.kb, { days: options.days, now: Date.now() });
  } finally {
    opened.db.close();
  }
  process.stdout.write(
    options.json ? `${toJson(report, options.suggest)}\n` : toText(report, options.suggest),
  );
  return 0;
}

function toJson(report: GapsReport, suggest: boolean): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  return JSON.stringify({
    days: report.days,
    since: iso(report.since),
    until: iso(report.until),
    totals: report.totals,
    groups: report.groups.map(({ unknownWords, lastAsked, ...g }) => ({
      ...g,
      lastAsked: iso(lastAsked),
      ...(suggest ? { unknownWords } : {}),
    })),
  });
}

function toText(report: GapsReport, suggest: boolean): string {
  const when = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const t = report.totals;
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
  const lines = [
    `Gaps: the last ${formatDays(report.days)} (${when(report.since)} to ${when(report.until)}), every server`,
    `${plural(t.questions, "question")}: ${t.answered} answered, ${t.askedBack} asked back, ${t.declined} declined · 👍 ${t.up} · 👎 ${t.down}`,
    "",
  ];
  if (report.groups.length === 0)
    lines.push("Nothing to look at: no question was declined, asked back or voted down.");
  report.groups.forEach((g, i) => {
    lines.push(`${i + 1}. ${JSON.stringify(g.question)} · ${g.decision}`);
    lines.push(
      `   ${plural(g.count, "time")} by ${g.askers === 1 ? "1 person" : `${g.askers} people`}, last ${when(g.lastAsked)} · 👍 ${g.up} · 👎 ${g.down}`,
    );
    if (g.reason) lines.push(`   reason: ${g.reason}`);
    if (g.otherWordings.length > 0) {
      lines.push(`   also asked as: ${g.otherWordings.map((w) => JSON.stringify(w)).join(", ")}`);
    }
    if (g.closestFacts.length > 0) lines.push(`   closest facts: ${g.closestFacts.join(", ")}`);
    if (suggest) {
      lines.push(
        g.unknownWords.length > 0
          ? `   unknown words: ${g.unknownWords.join(", ")} (a keyword of the fact that answers it, a lexicon word, or an alias)`
          : "   unknown words: none (the base knows every word: look at the facts' keywords and topics)",
      );
    }
    lines.push("");
  });
  return `${lines.join("\n")}\n`;
}

function formatDays(days: number): string {
  if (days < 1) return `${Math.round(days * 24)} hours`;
  return days === 1 ? "day" : `${Number(days.toFixed(2))} days`;
}

runCli("gaps", main);
