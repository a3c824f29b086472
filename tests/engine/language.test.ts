/** Stop words, stemming and typo distance: the small language tools under the engine. */
import { describe, expect, it } from "vitest";
import { editDistance, maxEdits, typoDistance } from "../../src/engine/fuzzy.js";
import { stem } from "../../src/engine/stem.js";
import { isStopword } from "../../src/engine/stopwords.js";

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
  it("meets singular and plural, verb forms, English and Dutch", () => {
    const same = [
      ["messages", "message"],
      ["reading", "read"],
      ["deleted", "delete"],
      ["deleting", "delete"],
      ["friends", "friend"],
      ["companies", "company"],
      ["admitted", "admit"],
      ["berichten", "bericht"],
      ["vrienden", "vriend"],
      ["contacten", "contact"],
    ];
    for (const [a, b] of same) expect(stem(a ?? ""), `${a} ~ ${b}`).toBe(stem(b ?? ""));
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
