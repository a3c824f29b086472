/** Stop words, stemming and typo distance: the small language tools under the engine. */
import { describe, expect, it } from "vitest";
import {
  editDistance,
  letterCounts,
  letterMask,
  maxEdits,
  mayBeWithin,
  mayBeWithinMask,
  typoDistance,
} from "../../src/engine/fuzzy.js";
import { stem, stemIn, stemsOf } from "../../src/engine/stem.js";
import { isStopword } from "../../src/engine/stopwords.js";
import { seeded } from "./seeded.js";

describe("stop words", () => {
  it("covers English and Dutch function words", () => {
    for (const w of ["the", "did", "what", "de", "het", "heeft", "wat", "een", "nu", "weer"]) {
      expect(isStopword(w), w).toBe(true);
    }
  });

  it("keeps subject words and the intent words facts are keyed on", () => {
    const kept = ["messages", "berichten", "spotify", "read", "gelezen", "toestemming", "vrienden"];
    for (const w of [...kept, "why", "when", "still", "waarom", "wanneer"]) {
      expect(isStopword(w), w).toBe(false);
    }
  });
});

describe("stem", () => {
  it("meets singular and plural, verb forms, English and Dutch (Snowball, each in its language)", () => {
    const english = [
      ["messages", "message"],
      ["reading", "read"],
      ["deleted", "delete"],
      ["deleting", "delete"],
      ["friends", "friend"],
      ["companies", "company"],
      ["admitted", "admit"],
      ["used", "use"],
      ["using", "use"],
      ["happened", "happen"],
    ];
    for (const [a, b] of english)
      expect(stemIn(a ?? "", "en"), `${a} ~ ${b}`).toBe(stemIn(b ?? "", "en"));
    const dutch = [
      ["berichten", "bericht"],
      ["vrienden", "vriend"],
      ["contacten", "contact"],
    ];
    for (const [a, b] of dutch)
      expect(stemIn(a ?? "", "nl"), `${a} ~ ${b}`).toBe(stemIn(b ?? "", "nl"));
    // What the hand-made stemmer joined or split wrongly.
    expect(stemIn("news", "en")).not.toBe(stemIn("new", "en"));
    expect(stemIn("listen", "en")).not.toBe(stemIn("list", "en"));
    // A short English word is not stemmed the Dutch way into a Dutch one ("base", "baas").
    expect(stemsOf("base")).not.toContain(stemIn("baas", "nl"));
  });

  it("leaves short words and numbers alone, and keeps -ss words together", () => {
    expect(stem("dms")).toBe("dms");
    expect(stem("2014")).toBe("2014");
    expect(stem("access")).toBe(stem("accessed"));
  });
});

describe("typo distance", () => {
  it("counts edits, with a swap of neighbours as one", () => {
    expect(editDistance("spotfy", "spotify", 2)).toBe(1);
    expect(editDistance("yrok", "york", 2)).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
  });

  it("allows more edits for longer words and none for short ones", () => {
    expect(maxEdits(4)).toBe(0);
    expect(maxEdits(7)).toBe(1);
    expect(maxEdits(10)).toBe(2);
    expect(typoDistance("netflx", "netflix")).toBe(1);
    expect(typoDistance("cam", "can")).toBeUndefined();
    expect(typoDistance("xetflix", "netflix")).toBeUndefined();
  });
});

describe("letter counts", () => {
  /** `word` with `edits` random substitutions, insertions, deletions or swaps. */
  function misspell(word: string, edits: number, next: () => number): string {
    let w = word;
    for (let e = 0; e < edits; e++) {
      const i = Math.floor(next() * w.length);
      const c = String.fromCharCode(97 + Math.floor(next() * 26));
      const op = Math.floor(next() * 4);
      if (op === 0) w = w.slice(0, i) + c + w.slice(i + 1);
      else if (op === 1) w = w.slice(0, i) + c + w.slice(i);
      else if (op === 2 && w.length > 1) w = w.slice(0, i) + w.slice(i + 1);
      else if (i + 1 < w.length)
        w = w.slice(0, i) + (w[i + 1] ?? "") + (w[i] ?? "") + w.slice(i + 2);
    }
    return w;
  }

  it("never rules out a string within the edits allowed", () => {
    const next = seeded(7);
    let compared = 0;
    for (let n = 0; n < 5000; n++) {
      const length = 5 + Math.floor(next() * 20);
      const name = Array.from({ length }, () =>
        String.fromCharCode(97 + Math.floor(next() * 8)),
      ).join("");
      const typed = misspell(name, Math.floor(next() * 4), next);
      const edits = maxEdits(Math.max(typed.length, name.length));
      if (editDistance(typed, name, edits) > edits) continue;
      compared++;
      expect(
        mayBeWithin(letterCounts(typed), letterCounts(name), edits),
        `${typed} ~ ${name}`,
      ).toBe(true);
      expect(
        mayBeWithinMask(letterMask(typed), letterMask(name), edits),
        `${typed} ~ ${name}`,
      ).toBe(true);
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it("rules out by letters held only what the counts rule out", () => {
    const next = seeded(11);
    let ruledOut = 0;
    for (let n = 0; n < 5000; n++) {
      const pick = () =>
        Array.from({ length: 4 + Math.floor(next() * 16) }, () =>
          String.fromCharCode(97 + Math.floor(next() * 27)),
        ).join("");
      const [a, b] = [pick(), pick()];
      const edits = maxEdits(Math.max(a.length, b.length));
      if (mayBeWithinMask(letterMask(a), letterMask(b), edits)) continue;
      ruledOut++;
      expect(mayBeWithin(letterCounts(a), letterCounts(b), edits), `${a} ~ ${b}`).toBe(false);
    }
    expect(ruledOut).toBeGreaterThan(1000);
    expect(letterMask("aab{")).toBe(0b11 | (1 << 26));
  });

  it("rules out most unrelated names", () => {
    const names = ["royalbankofcanada", "cambridgeanalytica", "newyorktimes", "microsoftbing"];
    const typed = letterCounts("spotifymusicstreaming");
    expect(names.filter((n) => mayBeWithin(typed, letterCounts(n), 3))).toEqual([]);
    expect(mayBeWithin(letterCounts("royalbnkcanda"), letterCounts("royalbankcanada"), 2)).toBe(
      true,
    );
  });
});
