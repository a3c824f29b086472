/** Reads the article text of every source. */
import { type Entry, problemAt } from "./entry.js";
import type { Problem } from "./problem.js";
import { type ReadBudget, readKnowledgeFile } from "./read-file.js";
import type { Source } from "./schema.js";

/** Articles read at once: thousands at a time would finish, and run their callbacks, together. */
const AT_ONCE = 16;

export async function readArticles(
  dir: string,
  sources: readonly Entry<Source>[],
  budget?: ReadBudget,
): Promise<{ texts: Map<string, string>; problems: Problem[] }> {
  const results: (string | Problem)[] = [];
  for (let i = 0; i < sources.length; i += AT_ONCE) {
    const batch = sources.slice(i, i + AT_ONCE);
    results.push(...(await Promise.all(batch.map((entry) => readArticle(dir, entry, budget)))));
  }
  const texts = new Map<string, string>();
  const problems: Problem[] = [];
  results.forEach((result, i) => {
    const id = sources[i]?.value.id;
    if (typeof result === "string" && id !== undefined) texts.set(id, result);
    else if (typeof result !== "string") problems.push(result);
  });
  return { texts, problems };
}

/** The text, or the problem with it. `dir`: the knowledge folder, resolved. */
async function readArticle(
  dir: string,
  entry: Entry<Source>,
  budget?: ReadBudget,
): Promise<string | Problem> {
  const { file } = entry.value;
  const read = await readKnowledgeFile(dir, file, budget);
  if (read.ok && read.text.trim() !== "") return read.text;
  if (read.ok) {
    return problemAt(entry, ["file"], `${file} is empty: copy the whole article into it`);
  }
  const why = read.missing
    ? "does not exist: copy the article text there, or fix the path"
    : read.message;
  return problemAt(entry, ["file"], `${file} ${why}`);
}
