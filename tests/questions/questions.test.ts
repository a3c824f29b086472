/**
 * Runs the whole question set through the engine: accuracy per category (printed), at least 90%
 * overall, no out-of-scope question answered, every answer valid, every quote verbatim, and no
 * fact shown under an organization it is not about.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { type Answer, AnswerSchema, answer } from "../../src/engine/index.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { projectKnowledge } from "../engine/knowledge.js";
import {
  accuracyReport,
  CATEGORIES,
  judge,
  loadQuestionSet,
  type QuestionEntry,
} from "./question-set.js";

const set = loadQuestionSet();
let kb: KnowledgeBase;
let results: Array<{ entry: QuestionEntry; answer: Answer; failure?: string }>;

beforeAll(async () => {
  kb = await projectKnowledge();
  results = set.map((entry) => {
    const a = answer(entry.question, kb);
    const failure = judge(entry, a);
    return { entry, answer: a, ...(failure ? { failure } : {}) };
  });
});

/** White space and curly quotes aside, as the articles' README allows. */
function normalise(text: string): string {
  return text
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

describe("question set", () => {
  it("has at least 100 questions in every category", () => {
    expect(set.length).toBeGreaterThanOrEqual(100);
    for (const c of CATEGORIES) expect(set.some((e) => e.category === c)).toBe(true);
  });

  it("answers at least 90% correctly (accuracy per category printed)", () => {
    const { accuracy, report } = accuracyReport("Question set accuracy", results);
    console.log(report);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("answers no question that must be declined", () => {
    const wronglyAnswered = results
      .filter((r) => r.entry.answered === false && r.answer.answered)
      .map((r) => r.entry.question.slice(0, 80));
    expect(wronglyAnswered).toEqual([]);
  });

  it("returns answers that match the schema, with suggestions whenever it declines", () => {
    for (const { answer: a } of results) {
      expect(AnswerSchema.safeParse(a).success).toBe(true);
      expect(a.question.length).toBeLessThanOrEqual(500);
      if (!a.answered) {
        expect(a.companies).toEqual([]);
        expect(a.suggestions?.length ?? 0).toBeGreaterThan(0);
      }
    }
  });

  it("quotes every fact verbatim from its source", () => {
    const texts = new Map([...kb.texts].map(([id, text]) => [id, normalise(text)]));
    for (const { answer: a } of results) {
      for (const fact of a.companies.flatMap((c) => c.facts)) {
        expect(texts.get(fact.source), fact.id).toContain(normalise(fact.quote));
      }
    }
  });

  it("lists each company once, shows a fact only under an organization it is about, cites its sources", () => {
    const about = new Map(kb.facts.map((f) => [f.id, f.about]));
    for (const { answer: a } of results) {
      const cited = new Set(a.sources.map((s) => s.id));
      expect(new Set(a.companies.map((c) => c.id)).size).toBe(a.companies.length);
      for (const company of a.companies) {
        for (const fact of company.facts) {
          expect(about.get(fact.id), `${fact.id} under ${company.id}`).toContain(company.id);
          expect(cited.has(fact.source)).toBe(true);
        }
      }
      expect(
        new Set(a.companies.flatMap((c) => c.facts.map((f) => f.id))).size,
      ).toBeLessThanOrEqual(6);
    }
  });
});
