import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type StemLanguage, stemWord } from "../../../src/engine/analysis/stem.js";
import { fold } from "../../../src/engine/normalize.js";

/** word<TAB>stem pairs from the Snowball C stemmers (scripts/reference-stems.sh). */
function reference(language: StemLanguage): { header: string; pairs: [string, string][] } {
  const url = new URL(`reference/${language}.tsv`, import.meta.url);
  const lines = readFileSync(url, "utf8").split("\n");
  const header = lines.find((line) => line.startsWith("#")) ?? "";
  const pairs: [string, string][] = [];
  for (const [n, line] of lines.entries()) {
    if (line === "" || line.startsWith("#")) continue;
    const [word, stem, extra] = line.split("\t");
    if (word === undefined || stem === undefined || extra !== undefined) {
      throw new Error(
        `${url.pathname} line ${n + 1}: expected word<TAB>stem, got ${JSON.stringify(line)}`,
      );
    }
    pairs.push([word, stem]);
  }
  return { header, pairs };
}

/**
 * English loan words whose accent the English algorithm does not know: unfolded, the é ends the
 * word and stays; folded, the e is a vowel the algorithm strips. A difference made by folding,
 * not by the port (the port agrees on the unfolded word).
 */
const FOLDING_CHANGES: Readonly<Record<string, string>> = { canapé: "canap", fiancé: "fianc" };

describe.each(["en", "nl"] as const)(
  "stemWord(%s) against Snowball 2.2 (libstemmer)",
  (language) => {
    const { header, pairs } = reference(language);

    it("has a reference made by Snowball 2.2 with about 3,000 words", () => {
      expect(header).toMatch(/^# Snowball 2\.2\.0 /);
      expect(pairs.length).toBeGreaterThan(2900);
    });

    it("gives the reference stem for every reference word", () => {
      const mismatches = pairs
        .filter(([word, stem]) => stemWord(word, language) !== stem)
        .map(([word, stem]) => `${word}: expected ${stem}, got ${stemWord(word, language)}`);
      expect(mismatches).toEqual([]);
    });

    it("gives the folded reference stem for the folded word, but for the listed loan words", () => {
      const mismatches: string[] = [];
      for (const [word, stem] of pairs) {
        const expected = (language === "en" ? FOLDING_CHANGES[word] : undefined) ?? fold(stem);
        const got = stemWord(fold(word), language);
        if (got !== expected) mismatches.push(`${word}: expected ${expected}, got ${got}`);
      }
      expect(mismatches).toEqual([]);
      if (language === "en") {
        for (const word of Object.keys(FOLDING_CHANGES))
          expect(pairs.map((p) => p[0])).toContain(word);
      }
    });
  },
);

describe("stemWord", () => {
  it("joins the forms the hand-made stemmer kept apart, and parts the ones it joined", () => {
    expect(new Set(["use", "used", "uses", "using"].map((w) => stemWord(w, "en")))).toEqual(
      new Set(["use"]),
    );
    expect(stemWord("happen", "en")).toBe(stemWord("happened", "en"));
    expect(stemWord("listen", "en")).toBe("listen");
    expect(stemWord("news", "en")).not.toBe(stemWord("new", "en"));
  });

  it("stems Dutch the same with or without its accents", () => {
    expect(stemWord("privéberichten", "nl")).toBe("privebericht");
    expect(stemWord(fold("privéberichten"), "nl")).toBe("privebericht");
    expect(stemWord("berichten", "nl")).toBe(stemWord("bericht", "nl"));
  });

  it("keeps the languages apart: one word, each language's own stem", () => {
    expect(stemWord("berichten", "nl")).toBe("bericht");
    expect(stemWord("berichten", "en")).toBe("berichten");
    // Asked again, after the memo holds both: still each language's own.
    expect(stemWord("berichten", "en")).toBe("berichten");
    expect(stemWord("berichten", "nl")).toBe("bericht");
  });

  it("leaves numbers and one-letter words alone", () => {
    for (const language of ["en", "nl"] as const) {
      expect(stemWord("2018", language)).toBe("2018");
      expect(stemWord("a", language)).toBe("a");
      expect(stemWord("", language)).toBe("");
    }
  });
});
