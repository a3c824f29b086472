import { describe, expect, it } from "vitest";
import { byScore, type RankedFact } from "../../src/engine/rank.js";
import { seeded } from "./seeded.js";

/** Stand-ins: byScore reads only `score`, and `beside` is given the fact itself. */
const fake = (index: number, score: number, others: number) =>
  ({ index, score, others }) as unknown as RankedFact & { others: number };

describe("byScore", () => {
  it("orders as the stable sort by score, then fewest others, then the order given", () => {
    const random = seeded(12);
    for (let round = 0; round < 50; round++) {
      // Few distinct scores and tie counts: most comparisons are ties.
      const facts = Array.from({ length: 1 + Math.floor(random() * 400) }, (_, k) =>
        fake(k, Math.floor(random() * 5) / 4, Math.floor(random() * 3)),
      );
      const beside = (r: RankedFact) => (r as RankedFact & { others: number }).others;
      const expected = [...facts].sort((a, b) => b.score - a.score || beside(a) - beside(b));
      expect(byScore(facts, beside).map((r) => r.index)).toEqual(expected.map((r) => r.index));
      const scoreOnly = [...facts].sort((a, b) => b.score - a.score);
      expect(byScore(facts).map((r) => r.index)).toEqual(scoreOnly.map((r) => r.index));
    }
  });
});
