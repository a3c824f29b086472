/**
 * `loadKnowledge(dir)`: the one loader used by the CLI, the bot and the tests. It returns a frozen
 * knowledge base, or every problem found at once, sorted by file and line.
 */
import { crossCheck } from "./cross-checks.js";
import { deepFreeze } from "./freeze.js";
import { checkKnowledgeDir } from "./knowledge-dir.js";
import { pacer } from "./pacer.js";
import { type Problem, sortProblems } from "./problem.js";
import { type ParsedBase, readBase } from "./read-base.js";
import type { KnowledgeBase } from "./schema.js";

export type LoadResult =
  | { readonly ok: true; readonly kb: KnowledgeBase }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const missing = await checkKnowledgeDir(dir);
  if (missing) return { ok: false, problems: [missing] };
  const base = await readBase(dir);
  const pace = pacer();
  const problems = [...base.problems, ...(await crossCheck(base, pace))];
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  const kb = toKnowledgeBase(dir, base);
  // Fact by fact, pacing between them, then the rest (already frozen facts are skipped).
  for (const fact of kb.facts) {
    deepFreeze(fact);
    const turn = pace();
    if (turn) await turn;
  }
  return { ok: true, kb: deepFreeze(kb) };
}

function toKnowledgeBase(dir: string, base: ParsedBase): KnowledgeBase {
  const values = <T>(entries: readonly { value: T }[]) => entries.map((e) => e.value);
  return {
    dir,
    sources: values(base.sources.entries),
    texts: new Map(base.texts),
    organizations: values(base.organizations.entries),
    topics: values(base.topics.entries),
    facts: base.factFiles.flatMap((file) => values(file.entries)),
  };
}
