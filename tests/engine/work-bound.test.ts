/**
 * A question made to be expensive (the base's commonest words by the hundred, every name at once,
 * near-typos of everything) costs bounded work at any size of base: counted, not timed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { adversarialQuestions } from "../../scripts/bench/adversarial.js";
import { answer } from "../../src/engine/index.js";
import { type Prepared, postingFact, prepare } from "../../src/engine/prepare.js";
import { LIMITS, newWork, rankFacts } from "../../src/engine/rank.js";
import { understand } from "../../src/engine/understand.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { projectKnowledge } from "./knowledge.js";

/** Copies of the shipped facts: every stem shared by this many times more facts. */
const COPIES = 120;

let shipped: KnowledgeBase;
let big: KnowledgeBase;
let p: Prepared;
beforeAll(async () => {
  shipped = await projectKnowledge();
  const facts = Array.from({ length: COPIES }, (_, k) =>
    shipped.facts.map((f) => ({ ...f, id: `${f.id}-copy-${k}` })),
  ).flat();
  big = { ...shipped, facts };
  p = prepare(big);
}, 120_000);

describe("the work of one question", () => {
  it("is bounded for questions made to be expensive", () => {
    const questions = adversarialQuestions(big);
    expect(questions.length).toBeGreaterThanOrEqual(50);
    let capped = 0;
    for (const { question } of questions) {
      const work = newWork();
      rankFacts(understand(question, p), p, work);
      // A pass over the rare stems' candidates, and one more with the common stems' at most.
      expect(work.scored).toBeLessThanOrEqual(2 * LIMITS.scored);
      expect(work.postings).toBeLessThanOrEqual(LIMITS.postings);
      if (work.capped) capped++;
    }
    // The base is large enough that most of them would score more than the cap without it.
    expect(capped).toBeGreaterThan(questions.length / 2);
    expect(p.facts.length).toBeGreaterThan(2 * LIMITS.scored);
  }, 180_000);

  it("scores fewer facts than the question's words would reach", () => {
    const [worst] = adversarialQuestions(big)
      .filter((q) => q.kind === "frequent")
      .slice(-1);
    const u = understand(worst?.question ?? "", p);
    const reachable = new Set<number>();
    for (const s of u.stems) for (const x of p.byStem.get(s) ?? []) reachable.add(postingFact(x));
    const work = newWork();
    rankFacts(u, p, work);
    expect(reachable.size).toBeGreaterThan(LIMITS.scored);
    expect(work.scored).toBeLessThanOrEqual(LIMITS.scored);
  }, 60_000);

  it("keeps an ordinary question's answer when the base makes it reach a limit", () => {
    // Every fact 120 times over: "private messages" alone reaches the cap on candidates.
    for (const q of ["did Spotify read private messages", "netflx private mesages??"]) {
      const small = answer(q, shipped);
      expect(answer(q, big).companies.map((c) => c.id)).toEqual(small.companies.map((c) => c.id));
    }
  });

  it("answers a worst-case question the same way every time", () => {
    const [first] = adversarialQuestions(big).filter((q) => q.kind === "mixed");
    const once = answer(first?.question ?? "", big);
    expect(answer(first?.question ?? "", big)).toEqual(once);
  });
});
