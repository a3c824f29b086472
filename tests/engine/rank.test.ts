import { beforeAll, describe, expect, it } from "vitest";
import { FIELD, type Prepared, prepare, stemField } from "../../src/engine/prepare.js";
import { fieldCursor, type RankedFact, rankFacts, scorer } from "../../src/engine/rank.js";
import { understand } from "../../src/engine/understand.js";
import { projectKnowledge } from "./knowledge.js";
import { seeded } from "./seeded.js";

let p: Prepared;
beforeAll(async () => {
  p = prepare(await projectKnowledge());
});

const top = (q: string, n = 3) =>
  rankFacts(understand(q, p), p)
    .slice(0, n)
    .map((r) => r.prepared.fact.id);

describe("ranking", () => {
  it("puts the facts whose keywords and topics match first", () => {
    expect(top("who could read write and delete private messages")).toContain(
      "techradar-cnbc-read-write-delete",
    );
    expect(top("what was Bing used for", 1)).toEqual(["nunl-microsoft-bing-use"]);
    expect(top("was the data deleted afterwards", 2)).toContain("nunl-microsoft-data-deleted");
    expect(top("psychological profiles for political ads", 1)).toEqual([
      "nunl-cambridge-analytica-misused-data",
    ]);
  });

  it("at equal scores, ranks a fact about just the organizations named before one about more", () => {
    const ranked = rankFacts(understand("spotify and netflix and the messages", p), p);
    const named = new Set(["spotify", "netflix"]);
    const extra = (r: RankedFact) => r.prepared.fact.about.filter((id) => !named.has(id)).length;
    let ties = 0;
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1], ranked[i]];
      if (!a || !b || a.score !== b.score) continue;
      ties++;
      expect(extra(a)).toBeLessThanOrEqual(extra(b));
    }
    expect(ties).toBeGreaterThan(0);
  });

  it("ranks Dutch questions through the bilingual keywords", () => {
    expect(top("zijn de gegevens gewist", 1)).toEqual(["nunl-microsoft-data-deleted"]);
    expect(top("nepnieuws over concurrenten", 1)).toEqual(["nunl-pr-firm-fake-news"]);
  });

  it("ranks through typos once they are corrected", () => {
    expect(top("calender contacts", 1)).toEqual(top("calendar contacts", 1));
  });

  it("weights keywords above quotes: a keyword hit beats a word only in a quote", () => {
    const ranked = rankFacts(understand("thread participants", p), p);
    const field = (r: RankedFact) => stemField(p, "thread", p.facts.indexOf(r.prepared));
    const keyworded = ranked.find((r) => field(r) === FIELD.keywords);
    const quoteOnly = ranked.find((r) => field(r) === FIELD.text);
    expect(keyworded).toBeDefined();
    if (quoteOnly) expect(keyworded?.score ?? 0).toBeGreaterThan(quoteOnly.score);
  });

  it("scores nothing for a question with no known words", () => {
    const best = rankFacts(understand("weather tomorrow in Paris", p), p)[0];
    expect(best?.score ?? 0).toBeLessThan(0.12);
  });

  it("returns the candidates best first, and every fact left out would score 0", () => {
    const questions = [
      "private messages",
      "did Spotify read messages?",
      "netflx private mesages??",
      "Heeft Microsoft berichten gelezen?",
      "what did NU.nl report about Netflix",
      "zorblax quintessence",
    ];
    for (const q of questions) {
      const u = understand(q, p);
      const ranked = rankFacts(u, p);
      for (let i = 1; i < ranked.length; i++) {
        expect(ranked[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(ranked[i]?.score ?? 0);
      }
      const kept = new Set(ranked.map((r) => r.prepared));
      const score = scorer(u, p);
      const left = p.facts.flatMap((pf, i) => (kept.has(pf) ? [] : [score.fact(i)]));
      expect(
        left.filter((r) => r.score > 0).map((r) => r.prepared.fact.id),
        q,
      ).toEqual([]);
      // The candidates are a narrowing, not the whole base, for a question naming one company.
      if (q.includes("Spotify")) expect(ranked.length).toBeLessThan(p.facts.length);
    }
  });
});

describe("a common stem's field, read by a cursor", () => {
  it("is the field the binary search finds, for facts in order, out of order and absent", () => {
    const next = seeded(5);
    for (let round = 0; round < 20; round++) {
      // Postings: fact * 4 + field, in fact order, some facts missing.
      const facts = [...Array(3000).keys()].filter(() => next() < 0.3);
      const list = Int32Array.from(facts, (f) => f * 4 + 1 + Math.floor(next() * 3));
      const fake = { byStem: new Map([["stem", list]]) } as unknown as Prepared;
      const field = fieldCursor(list);
      const asked = [...Array(3000).keys()].filter(() => next() < 0.2);
      // Mostly ascending, as candidates are scored, with a few steps back.
      for (let k = 0; k < 30; k++)
        asked.splice(Math.floor(next() * asked.length), 0, Math.floor(next() * 3100));
      for (const i of asked) expect(field(i), `fact ${i}`).toBe(stemField(fake, "stem", i));
    }
    expect(fieldCursor(undefined)(3)).toBe(0);
  });
});
