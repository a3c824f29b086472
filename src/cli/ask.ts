/**
 * `npm run ask -- "question"`: prints the answer readably.
 * `npm run ask -- --json`: reads questions from standard input, one per line, and writes one
 * JSON answer per line, in order; nothing else goes to standard output.
 * `--knowledge <dir>` uses another fact base. Exit codes: 0 answered (or declined), 1 the fact
 * base has problems, 2 usage error.
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type Answer, answer } from "../engine/index.js";
import { loadKnowledge } from "../knowledge/load.js";
import { formatProblem, omittedLine } from "../knowledge/problem.js";
import type { KnowledgeBase } from "../knowledge/schema.js";
import { wordAnswerMessage } from "../wording/reasons.js";
import { readLines } from "./lines.js";
import { renderText } from "./render-text.js";
import { runCli } from "./run-cli.js";
import { fromUserFolder } from "./user-path.js";

const USAGE = `Usage:
  npm run ask -- "did Spotify read messages?"     print the answer as text
  npm run ask -- --json < questions.txt           one JSON answer per input line
Options:
  --json              JSON lines: questions from stdin (or the arguments), answers on stdout
  --knowledge <dir>   use the fact base in <dir> (default: the project's knowledge/)
  -h, --help          show this help`;

const DEFAULT_KNOWLEDGE = fileURLToPath(new URL("../../knowledge", import.meta.url));

interface Options {
  readonly json: boolean;
  readonly knowledge: string;
  readonly question: string;
}

function parse(argv: string[]): Options | "help" {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: "boolean", default: false },
      knowledge: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  if (values.knowledge !== undefined && values.knowledge.trim() === "") {
    throw new Error("--knowledge needs a folder");
  }
  const question = positionals.join(" ");
  if (!values.json && question.trim() === "") throw new Error("no question given");
  // A relative folder is meant from where the user typed the command, even via `npm run`.
  const knowledge =
    values.knowledge === undefined ? DEFAULT_KNOWLEDGE : fromUserFolder(values.knowledge, "ask");
  return { json: values.json, knowledge, question };
}

async function main(): Promise<number> {
  let options: Options | "help";
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`ask: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const loaded = await loadKnowledge(options.knowledge);
  if (!loaded.ok) {
    process.stderr.write(`ask: the fact base in ${options.knowledge} has problems:\n`);
    for (const p of loaded.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
    const more = omittedLine(loaded.omitted ?? 0);
    if (more) process.stderr.write(`  ${more}\n`);
    return 1;
  }
  if (!options.json) {
    process.stdout.write(renderText(answer(options.question, loaded.kb)));
    return 0;
  }
  if (options.question !== "") {
    await writeLine(toJson(answer(options.question, loaded.kb)));
    return 0;
  }
  await answerLines(loaded.kb);
  return 0;
}

/**
 * One JSON answer per input line, in order, each written before the next line is read. Only \n
 * (or \r\n) ends a line: a lone \r stays inside the question.
 */
async function answerLines(kb: KnowledgeBase): Promise<void> {
  for await (const line of readLines(process.stdin)) await writeLine(toJson(answer(line, kb)));
}

/** The answer as JSON, with `message`: its reason or notes worded in English, as before codes. */
function toJson(a: Answer): string {
  const message = wordAnswerMessage(a, "en");
  return JSON.stringify(message ? { ...a, message } : a);
}

function writeLine(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(`${text}\n`)) resolve();
    else process.stdout.once("drain", resolve);
  });
}

runCli("ask", main);
