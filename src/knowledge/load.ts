/**
 * `loadKnowledge(dir)`: the one loader used by the CLI, the bot and the tests. It returns a frozen
 * knowledge base, or every problem found at once, sorted by file and line.
 */
import { crossCheck } from "./cross-checks.js";
import { deepFreeze } from "./freeze.js";
import { type HandedBase, handOver } from "./hand-back.js";
import { openKnowledgeDir } from "./knowledge-dir.js";
import { forEachPaced, type Pace, pacer } from "./pacer.js";
import { firstProblems, type Problem } from "./problem.js";
import { type ParsedBase, readBase } from "./read-base.js";
import type { Fact, KnowledgeBase } from "./schema.js";

/** For the worker, which loads this module alone. */
export { transferList } from "./hand-back.js";
export { keepParserStrings, nextCheck, rememberSoundFiles } from "./yaml-file.js";

export type LoadResult =
  | { readonly ok: true; readonly kb: KnowledgeBase }
  | {
      readonly ok: false;
      /** The first `MAX_PROBLEMS`, sorted by file and line. */
      readonly problems: readonly Problem[];
      /** How many more were found and not listed. */
      readonly omitted?: number;
    };

export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const checked = await check(dir, pacer());
  if (!checked.ok) return checked;
  const { base, pace } = checked;
  const kb = toKnowledgeBase(dir, base, await frozenFacts(base, pace));
  return { ok: true, kb: deepFreeze(kb) };
}

/**
 * The verdict alone: every check, without building the base. For a worker thread, which has no
 * one to give turns to (`pace` never pauses).
 */
export async function checkKnowledge(
  dir: string,
): Promise<{ readonly ok: true } | Extract<LoadResult, { ok: false }>> {
  const checked = await check(dir, () => undefined);
  return checked.ok ? { ok: true } : checked;
}

/**
 * Every check, and for a sound base its values as chunks of JSON text (hand-back.ts), for the
 * worker thread to hand to the thread that answers questions, which then builds the base with
 * `takeOver` without parsing the YAML again.
 */
export async function checkForHandOver(
  dir: string,
): Promise<{ readonly ok: true; readonly base: HandedBase } | Extract<LoadResult, { ok: false }>> {
  const checked = await check(dir, () => undefined);
  if (!checked.ok) return checked;
  const { base } = checked;
  const facts = base.factFiles.flatMap((file) => file.entries.map((e) => e.value));
  return { ok: true, base: handOver(toKnowledgeBase(dir, base, facts)) };
}

async function check(
  dir: string,
  pace: Pace,
): Promise<{ ok: true; base: ParsedBase; pace: Pace } | Extract<LoadResult, { ok: false }>> {
  const opened = await openKnowledgeDir(dir);
  if ("problem" in opened) return { ok: false, problems: [opened.problem] };
  const base = await readBase(opened.root, pace);
  const problems = [...base.problems, ...(await crossCheck(base, pace))];
  if (problems.length > 0) return { ok: false, ...firstProblems(problems) };
  return { ok: true, base, pace };
}

/** Every fact, each frozen, pacing between them; the list frozen too, so it is not walked again. */
async function frozenFacts(base: ParsedBase, pace: Pace): Promise<readonly Fact[]> {
  const facts: Fact[] = [];
  for (const file of base.factFiles) {
    await forEachPaced(file.entries, (entry) => facts.push(deepFreeze(entry.value)), pace);
  }
  return Object.freeze(facts);
}

function toKnowledgeBase(dir: string, base: ParsedBase, facts: readonly Fact[]): KnowledgeBase {
  const values = <T>(entries: readonly { value: T }[]) => entries.map((e) => e.value);
  return {
    dir,
    sources: values(base.sources.entries),
    texts: new Map(base.texts),
    organizations: values(base.organizations.entries),
    topics: values(base.topics.entries),
    facts,
    lexicon: values(base.lexicon.entries),
    questions: values(base.questions.entries),
  };
}
