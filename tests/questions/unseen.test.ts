/**
 * Questions nobody tuning the engine had seen: two sets written from the articles and the fact
 * ids alone (see the files' headers). Their accuracy is measured and printed, per category, as the
 * honest figure for questions users will ask; the floors only catch a large regression, and no
 * question in them has been special-cased.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { answer } from "../../src/engine/index.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { projectKnowledge } from "../engine/knowledge.js";
import { CATEGORIES, judge, loadQuestionSet } from "./question-set.js";

const SETS = ["unseen-a.yaml", "unseen-b.yaml"] as const;
/** Below the accuracy first measured on each set (see docs/benchmarks.md), with room for noise. */
const FLOOR = 0.7;

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await projectKnowledge();
});

describe.each(SETS)("unseen questions, %s", (file) => {
  const set = loadQuestionSet(new URL(`./${file}`, import.meta.url));

  it("is a set of its own, in every category", () => {
    expect(set.length).toBeGreaterThanOrEqual(50);
    for (const c of CATEGORIES)
      expect(
        set.some((e) => e.category === c),
        c,
      ).toBe(true);
  });

  it(`answers at least ${FLOOR * 100}% right and declines every question it must (accuracy printed)`, () => {
    const results = set.map((entry) => ({
      entry,
      failure: judge(entry, answer(entry.question, kb)),
    }));
    const rows = CATEGORIES.map((category) => {
      const inCategory = results.filter((r) => r.entry.category === category);
      return `${category.padEnd(14)} ${inCategory.filter((r) => !r.failure).length}/${inCategory.length}`;
    });
    const passed = results.filter((r) => !r.failure).length;
    const misses = results
      .filter((r) => r.failure)
      .map(
        (r) =>
          `  [${r.entry.category}] ${JSON.stringify(r.entry.question.slice(0, 70))}: ${r.failure}`,
      );
    console.log(
      [
        `Unseen questions (${file}):`,
        ...rows,
        `overall        ${passed}/${results.length} (${((100 * passed) / results.length).toFixed(1)}%)`,
        ...(misses.length ? ["Misses:", ...misses] : []),
      ].join("\n"),
    );
    expect(passed / results.length).toBeGreaterThanOrEqual(FLOOR);
  });
});
