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
import { accuracyReport, CATEGORIES, judge, loadQuestionSet } from "./question-set.js";

const SETS = ["unseen-a.yaml", "unseen-b.yaml", "unseen-c.yaml"] as const;
/** Well below the accuracy first measured on each set (in the README), to catch a large regression. */
const FLOOR = 0.7;

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await projectKnowledge();
});

describe.each(SETS)("unseen questions, %s", (file) => {
  const set = loadQuestionSet(new URL(`./${file}`, import.meta.url));

  it("has 50 questions or more, in every category", () => {
    expect(set.length).toBeGreaterThanOrEqual(50);
    for (const c of CATEGORIES)
      expect(
        set.some((e) => e.category === c),
        c,
      ).toBe(true);
  });

  it(`answers at least ${FLOOR * 100}% right (accuracy per category printed)`, () => {
    const results = set.map((entry) => ({
      entry,
      failure: judge(entry, answer(entry.question, kb)),
    }));
    const { accuracy, report } = accuracyReport(`Unseen questions (${file})`, results);
    console.log(report);
    expect(accuracy).toBeGreaterThanOrEqual(FLOOR);
  });
});
