/**
 * `npm run measure -- <set> [--misses]`: accuracy of the engine on a members'-voice question set
 * (`tests/questions/chat-<set>.yaml`), per category, in scope and out of scope. Sealed sets
 * (`chat-sealed-*`) are reported without their questions unless `--misses` is given, which is
 * for the one final measurement only.
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { answer } from "../src/engine/index.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { chatReport, judgeChat, loadChatSet } from "../tests/questions/chat-set.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { misses: { type: "boolean", default: false } },
});
const name = positionals[0] ?? "dev";
const sealed = name.startsWith("sealed");
const file = new URL(`../tests/questions/chat-${name}.yaml`, import.meta.url);
const loaded = await loadKnowledge(fileURLToPath(new URL("../knowledge", import.meta.url)));
if (!loaded.ok) {
  process.stderr.write("measure: the fact base has problems; run npm run knowledge:check\n");
  process.exit(1);
}
const kb = loaded.kb;
const results = loadChatSet(file).map((entry) => ({
  entry,
  failure: judgeChat(entry, answer(entry.q, kb)),
}));
const withMisses = !sealed || values.misses;
process.stdout.write(`${chatReport(`chat-${name}`, results, withMisses).report}\n`);
