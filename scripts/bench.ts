/**
 * `npm run bench`: the engine on the shipped fact base and on generated bases of 1,000, 10,000
 * and 100,000 facts, beside the naive approach (one fuse.js index over every fact, the whole
 * question searched), with the issue's targets checked (exit 1 when one is missed).
 *
 *   npm run bench                   a table
 *   npm run bench -- --json         one JSON object on stdout: { machine, sizes, targets }
 *   npm run bench -- --sizes=shipped,1000
 *
 * Each size runs in a process of its own (scripts/bench/measure.ts), so its memory figures are
 * its own and one size's garbage does not slow the next.
 */
import { spawn } from "node:child_process";
import { cpus, freemem, platform, release, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { checkTargets, ms, type SizeResult } from "./bench/result.js";

const DEFAULT_SIZES = ["shipped", "1000", "10000", "100000"];
const MEASURE = fileURLToPath(new URL("./bench/measure.ts", import.meta.url));

const json = process.argv.includes("--json");
const sizesArg = process.argv.find((a) => a.startsWith("--sizes="));
const sizes = sizesArg ? sizesArg.slice("--sizes=".length).split(",") : DEFAULT_SIZES;
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
for (const size of sizes) {
  log(`measuring ${size === "shipped" ? "the shipped base" : `${size} facts`}…`);
  results.push(await measureInChild(size));
}
const targets = checkTargets(results);

if (json) {
  console.log(JSON.stringify({ machine, sizes: results, targets }));
} else {
  printTable(results);
  console.log("");
  for (const t of targets) console.log(`${t.met ? "ok    " : "MISSED"}  ${t.name}: ${t.detail}`);
}
process.exitCode = targets.every((t) => t.met) ? 0 : 1;

function measureInChild(size: string): Promise<SizeResult> {
  return new Promise((resolve, reject) => {
    // execArgv carries tsx's loader, so the child runs TypeScript as this process does.
    const child = spawn(process.execPath, [...process.execArgv, MEASURE, size], {
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
        resolve(JSON.parse(line) as SizeResult);
      } catch {
        reject(new Error(`measuring ${size} printed no result: ${out.slice(0, 500)}`));
      }
    });
  });
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
    ["load", (r) => ms(r.loadMs)],
    ["index", (r) => ms(r.indexMs)],
    ["naive index", (r) => ms(r.naiveIndexMs)],
    ["reload", (r) => ms(r.reloadMs)],
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
