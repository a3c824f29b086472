/**
 * `npm run bench`: the engine on the shipped fact base and on generated bases of 1,000, 10,000
 * and 100,000 facts, beside two peers, the naive approach (one fuse.js index over every fact, the
 * whole question searched) and MiniSearch (BM25 with field boosts, fuzzy and prefix matching:
 * scripts/bench/peer.ts), timed on the same questions and judged on the same question sets, and
 * on questions made to be expensive (scripts/bench/adversarial.ts), with the issues' targets
 * checked (exit 1 when one is missed).
 *
 *   npm run bench                   the tables
 *   npm run bench -- --json         one JSON object on stdout: { machine, sizes, targets }
 *   npm run bench -- --sizes=shipped,1000   ("log": the question log's bench, in the default set)
 *   npm run bench -- --quick        shipped and 1,000 facts (fewer answers timed), the 10 MB
 *                                   hostile bases
 *   npm run bench -- --hostile=aliased,broken-10mb   (or none): which hostile bases
 *
 * Then the bot's store reloads hostile bases (scripts/bench/hostile.ts): one whose YAML aliases
 * repeat a list thousands of times, and generated bases of 10 and 50 MB with no quote in its
 * article, beside the same bases unbroken; the event loop's longest stall, the time to refuse,
 * and peak memory against the valid base's.
 *
 * Each size runs in a process of its own (scripts/bench/measure.ts), so its memory figures are
 * its own and one size's garbage does not slow the next.
 */
import { spawn } from "node:child_process";
import { cpus, freemem, platform, release, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import type { QuestionLogResult } from "./bench/question-log.js";
import { questionLogTargets } from "./bench/question-log-targets.js";
import {
  checkHostileTargets,
  checkTargets,
  type HostileResult,
  ms,
  ratio,
  type Share,
  type SizeResult,
} from "./bench/result.js";

/** "log": the question log's bench (scripts/bench/question-log.ts). */
const DEFAULT_SIZES = ["shipped", "1000", "10000", "100000", "log"];
const QUICK_SIZES = ["shipped", "1000", "log"];
const QUESTION_LOG = fileURLToPath(new URL("./bench/question-log.ts", import.meta.url));
const DEFAULT_HOSTILE = ["aliased", "valid-10mb", "broken-10mb", "valid-50mb", "broken-50mb"];
const QUICK_HOSTILE = ["aliased", "valid-10mb", "broken-10mb"];
const MEASURE = fileURLToPath(new URL("./bench/measure.ts", import.meta.url));
const HOSTILE = fileURLToPath(new URL("./bench/hostile.ts", import.meta.url));

const json = process.argv.includes("--json");
const quick = process.argv.includes("--quick");
const listArg = (name: string) => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg
    ?.slice(name.length + 3)
    .split(",")
    .filter((v) => v !== "none");
};
const sizes = listArg("sizes") ?? (quick ? QUICK_SIZES : DEFAULT_SIZES);
const hostile = listArg("hostile") ?? (quick ? QUICK_HOSTILE : DEFAULT_HOSTILE);
const log = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);

const machine = {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memoryMb: Math.round(totalmem() / 2 ** 20),
  freeMemoryMb: Math.round(freemem() / 2 ** 20),
  node: process.version,
  os: `${platform()} ${release()}`,
};
log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryMb} MB, Node ${machine.node}`);

const results: SizeResult[] = [];
for (const size of sizes.filter((s) => s !== "log")) {
  log(`measuring ${size === "shipped" ? "the shipped base" : `${size} facts`}…`);
  results.push(await measureInChild<SizeResult>(MEASURE, size, [], quick ? ["--quick"] : []));
}
const hostileResults: HostileResult[] = [];
for (const name of hostile) {
  log(`reloading the hostile base ${name}…`);
  // --expose-gc: the child collects before measuring, so generating the base is not counted.
  hostileResults.push(await measureInChild<HostileResult>(HOSTILE, name, ["--expose-gc"]));
}
let questionLog: QuestionLogResult | undefined;
if (sizes.includes("log")) {
  log("measuring the question log…");
  questionLog = await measureInChild<QuestionLogResult>(QUESTION_LOG, "log");
}
const targets = [
  ...checkTargets(results),
  ...checkHostileTargets(hostileResults),
  ...(questionLog ? questionLogTargets(questionLog) : []),
];

if (json) {
  console.log(
    JSON.stringify({ machine, sizes: results, hostile: hostileResults, questionLog, targets }),
  );
} else {
  if (results.length > 0) printTable(results);
  if (results.length > 0) printPeerTable(results);
  if (hostileResults.length > 0) printHostile(hostileResults);
  console.log("");
  for (const t of targets) console.log(`${t.met ? "ok    " : "MISSED"}  ${t.name}: ${t.detail}`);
}
process.exitCode = targets.every((t) => t.met) ? 0 : 1;

function measureInChild<T>(
  script: string,
  arg: string,
  flags: string[] = [],
  after: string[] = [],
): Promise<T> {
  const size = arg;
  return new Promise((resolve, reject) => {
    // execArgv carries tsx's loader, so the child runs TypeScript as this process does.
    const child = spawn(process.execPath, [...process.execArgv, ...flags, script, arg, ...after], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0) return reject(new Error(`measuring ${size} failed (exit ${code})`));
      try {
        resolve(JSON.parse(line) as T);
      } catch {
        reject(new Error(`measuring ${size} printed no result: ${out.slice(0, 500)}`));
      }
    });
  });
}

function printHostile(rows: readonly HostileResult[]): void {
  console.log("");
  const columns: Array<[string, (r: HostileResult) => string]> = [
    ["hostile base", (r) => r.label],
    ["facts", (r) => r.facts.toLocaleString("en")],
    ["size", (r) => `${(r.bytes / 2 ** 20).toFixed(1)} MB`],
    ["outcome", (r) => (r.ok ? "swapped in" : `refused (${r.problems.toLocaleString("en")})`)],
    ["reload", (r) => ms(r.reloadMs)],
    ["max stall", (r) => ms(r.maxStallMs)],
    ["idle stall", (r) => ms(r.idleStallMs)],
    ["answered", (r) => String(r.answeredDuringReload)],
    ["RSS before", (r) => `${r.rssBeforeMb.toFixed(0)} MB`],
    ["peak RSS", (r) => `${r.peakRssMb.toFixed(0)} MB`],
  ];
  printColumns(columns, rows);
}

function printColumns<R>(columns: Array<[string, (r: R) => string]>, rows: readonly R[]): void {
  const cells = rows.map((r) => columns.map(([, f]) => f(r)));
  const widths = columns.map(([name], c) =>
    Math.max(name.length, ...cells.map((row) => row[c]?.length ?? 0)),
  );
  console.log(columns.map(([name], c) => name.padStart(widths[c] ?? 0)).join("  "));
  for (const row of cells) console.log(row.map((v, c) => v.padStart(widths[c] ?? 0)).join("  "));
}

/** Engine vs MiniSearch: times (on the questions MiniSearch was timed on) and accuracy. */
function printPeerTable(rows: readonly SizeResult[]): void {
  const share = (s: Share) => `${s.right}/${s.of}`;
  const pair = (ours: Share, theirs: Share) =>
    `${share(ours)} vs ${share(theirs)} (${ratio(ours.right, theirs.right)})`;
  const columns: Array<[string, (r: SizeResult) => string]> = [
    ["facts", (r) => r.facts.toLocaleString("en")],
    ["MiniSearch p50", (r) => ms(r.peerP50Ms)],
    ["MiniSearch p99", (r) => ms(r.peerP99Ms)],
    ["× p50", (r) => ratio(r.peerP50Ms, r.peerSampleP50Ms)],
    ["× p99", (r) => ratio(r.peerP99Ms, r.peerSampleP99Ms)],
    ["MiniSearch index", (r) => ms(r.peerIndexMs)],
    [
      "tuned set",
      (r) => pair({ right: r.right, of: r.questions }, { right: r.peerRight, of: r.questions }),
    ],
    ["chat-dev in scope", (r) => pair(r.chatInScope, r.peerChatInScope)],
    ["chat-dev declined", (r) => pair(r.chatOutOfScope, r.peerChatOutOfScope)],
  ];
  console.log("");
  console.log("engine vs MiniSearch (× = how many times the engine's figure is better):");
  printColumns(columns, rows);
}

function printTable(rows: readonly SizeResult[]): void {
  const columns: Array<[string, (r: SizeResult) => string]> = [
    ["facts", (r) => r.facts.toLocaleString("en")],
    ["p50", (r) => ms(r.p50Ms)],
    ["p95", (r) => ms(r.p95Ms)],
    ["p99", (r) => ms(r.p99Ms)],
    ["max", (r) => ms(r.maxMs)],
    ["cold p99", (r) => ms(r.coldP99Ms)],
    ["naive p50", (r) => ms(r.naiveP50Ms)],
    ["naive p99", (r) => ms(r.naiveP99Ms)],
    // Ratios on the questions the naive index was timed on.
    ["× p50", (r) => `${(r.naiveP50Ms / r.sampleP50Ms).toFixed(0)}×`],
    ["× p99", (r) => `${(r.naiveP99Ms / r.sampleP99Ms).toFixed(0)}×`],
    ["accuracy", (r) => `${r.right}/${r.questions}`],
    ["adv p50", (r) => ms(r.adversarialP50Ms)],
    ["adv p99", (r) => ms(r.adversarialP99Ms)],
    ["load", (r) => ms(r.loadMs)],
    ["index", (r) => ms(r.indexMs)],
    ["naive index", (r) => ms(r.naiveIndexMs)],
    ["reload", (r) => ms(r.reloadMs)],
    ["1 file changed", (r) => (r.reloadChangedMs === undefined ? "–" : ms(r.reloadChangedMs))],
    ["max stall", (r) => ms(r.maxStallMs)],
    ["RSS", (r) => `${r.rssMb.toFixed(0)} MB`],
    ["heap", (r) => `${r.heapMb.toFixed(0)} MB`],
  ];
  const cells = rows.map((r) => columns.map(([, f]) => f(r)));
  const widths = columns.map(([name], c) =>
    Math.max(name.length, ...cells.map((row) => row[c]?.length ?? 0)),
  );
  console.log(columns.map(([name], c) => name.padStart(widths[c] ?? 0)).join("  "));
  for (const row of cells) console.log(row.map((v, c) => v.padStart(widths[c] ?? 0)).join("  "));
}
