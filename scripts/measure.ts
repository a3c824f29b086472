/**
 * `npm run measure -- <set> [--misses]`: accuracy of the engine on a members'-voice question set
 * (`tests/questions/chat-<set>.yaml`), per category, in scope and out of scope. Sealed sets
 * (`chat-sealed-*`) are reported without their questions unless `--misses` is given, which is
 * for the one final measurement only.
 *
 * `npm run measure -- all [--misses]`: one line per set that may be tuned on (every chat set not
 * sealed, the tuned set `questions.yaml` and the unseen regression sets), the figure to watch
 * after each change; sealed sets are never part of it.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { answer } from "../src/engine/index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import type { KnowledgeBase } from "../src/knowledge/schema.js";
import { chatReport, judgeChat, loadChatSet } from "../tests/questions/chat-set.js";
import { accuracyReport, judge, loadQuestionSet } from "../tests/questions/question-set.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { misses: { type: "boolean", default: false } },
});
const name = positionals[0] ?? "dev";
const dir = new URL("../tests/questions/", import.meta.url);
const loaded = await loadKnowledge(fileURLToPath(new URL("../knowledge", import.meta.url)));
if (!loaded.ok) {
  process.stderr.write("measure: the fact base has problems; run npm run knowledge:check\n");
  process.exit(1);
}
const kb = loaded.kb;

function chatSet(set: string, withMisses: boolean) {
  const results = loadChatSet(new URL(`chat-${set}.yaml`, dir)).map((entry) => ({
    entry,
    failure: judgeChat(entry, answer(entry.q, kb)),
  }));
  return chatReport(`chat-${set}`, results, withMisses);
}

function regressionSet(file: string, base: KnowledgeBase) {
  const results = loadQuestionSet(new URL(file, dir)).map((entry) => ({
    entry,
    failure: judge(entry, answer(entry.question, base)),
  }));
  const right = results.filter((r) => !r.failure).length;
  return { right, total: results.length, report: accuracyReport(file, results).report };
}

if (name === "all") {
  const chats = readdirSync(dir)
    .filter((f) => /^chat-.*\.yaml$/.test(f) && !f.startsWith("chat-sealed"))
    .map((f) => f.slice("chat-".length, -".yaml".length));
  for (const set of chats) {
    const r = chatSet(set, values.misses);
    const line = `chat-${set}: in scope ${(100 * r.inScope).toFixed(1)}%, out of scope declined ${(100 * r.outOfScope).toFixed(1)}%`;
    process.stdout.write(`${values.misses ? r.report : line}\n`);
  }
  for (const file of ["questions.yaml", "unseen-a.yaml", "unseen-b.yaml", "unseen-c.yaml"]) {
    const r = regressionSet(file, kb);
    process.stdout.write(`${values.misses ? r.report : `${file}: ${r.right}/${r.total}`}\n`);
  }
} else {
  const sealed = name.startsWith("sealed");
  process.stdout.write(`${chatSet(name, !sealed || values.misses).report}\n`);
}
