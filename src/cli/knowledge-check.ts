/**
 * `npm run knowledge:check [-- <dir>]`: validates the fact base in `knowledge/` (or `<dir>`).
 * Prints a summary and exits 0 when it is sound; lists every problem as `file:line field: message`
 * on standard error and exits 1 when not; exits 2 on a usage error.
 */
import { fileURLToPath } from "node:url";
import { loadKnowledge } from "../knowledge/load.js";
import { formatProblem, omittedLine } from "../knowledge/problem.js";
import { type Count, type Summary, summarize } from "../knowledge/summary.js";
import { fromUserFolder } from "./user-path.js";

const USAGE = "Usage: npm run knowledge:check [-- <dir>]   (default: the project's knowledge/)";

/** The project's own fact base, wherever the command is run from. */
const DEFAULT_DIR = fileURLToPath(new URL("../../knowledge", import.meta.url));

/** A folder given is meant relative to where the user typed the command, even via `npm run`. */
function resolveDir(arg: string | undefined): string {
  return arg === undefined ? DEFAULT_DIR : fromUserFolder(arg, "knowledge:check");
}

async function main(args: readonly string[]): Promise<number> {
  if (args.includes("-h") || args.includes("--help")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.length > 1 || args[0]?.startsWith("-")) {
    process.stderr.write(`knowledge:check: unexpected arguments: ${args.join(" ")}\n${USAGE}\n`);
    return 2;
  }
  const dir = resolveDir(args[0]);
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) {
    const n = loaded.problems.length + (loaded.omitted ?? 0);
    process.stderr.write(`${dir}: ${n} problem${n === 1 ? "" : "s"} (files relative to it):\n`);
    for (const p of loaded.problems) process.stderr.write(`${formatProblem(p)}\n`);
    const more = omittedLine(loaded.omitted ?? 0);
    if (more) process.stderr.write(`${more}\n`);
    return 1;
  }
  process.stdout.write(`${dir}: no problems.\n\n${formatSummary(summarize(loaded.kb))}`);
  return 0;
}

function formatSummary(s: Summary): string {
  const totals = `${s.sources} sources, ${s.organizations} organizations, ${s.topics} topics, ${s.facts} facts`;
  return [
    `${totals}\n`,
    table("Facts per kind", s.perKind),
    table("Facts per organization (a fact may be about several)", s.perOrganization),
    table("Facts per source", s.perSource),
  ].join("\n");
}

function table(title: string, rows: readonly Count[]): string {
  const width = Math.max(...rows.map((r) => r.label.length));
  const lines = rows.map((r) => `  ${r.label.padEnd(width)}  ${String(r.facts).padStart(3)}`);
  return `${title}:\n${lines.join("\n")}\n`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`knowledge:check: unexpected error: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  },
);
