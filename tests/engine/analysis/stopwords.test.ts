import { describe, expect, it } from "vitest";
import {
  CONTENT_WORDS,
  isStopword,
  KIND_WORDS,
  NEGATIONS,
  publishedStopwords,
  QUESTION_WORDS,
  STOPWORDS,
} from "../../../src/engine/analysis/stopwords.js";

describe("stop words from stopwords-iso", () => {
  it("holds the standard function words of each language", () => {
    for (const w of ["the", "a", "of", "and", "is", "did", "was", "their", "to", "with", "about"]) {
      expect(isStopword(w, "en"), w).toBe(true);
    }
    for (const w of ["de", "het", "een", "en", "van", "is", "heeft", "hun", "met", "over", "dat"]) {
      expect(isStopword(w, "nl"), w).toBe(true);
    }
  });

  it("folds entries as the engine folds words: no apostrophes, no diacritics, one word each", () => {
    expect(publishedStopwords("en")).toContain("doesn't");
    expect(isStopword("doesnt", "en")).toBe(false); // a negation, so kept out
    expect(publishedStopwords("en")).toContain("they're");
    expect(isStopword("theyre", "en")).toBe(true);
    expect(isStopword("they're", "en")).toBe(false);
    for (const language of ["en", "nl"] as const) {
      for (const w of STOPWORDS[language]) expect(w, w).toMatch(/^[a-z]+$/);
    }
  });

  it("leaves out numbers, which are amounts", () => {
    expect(publishedStopwords("en")).toContain("10");
    expect(isStopword("10")).toBe(false);
  });

  it("keeps question words, negations, kinds of information and content words out", () => {
    for (const w of [
      "how",
      "much",
      "many",
      "who",
      "whom",
      "which",
      "when",
      "where",
      "why",
      "what",
    ]) {
      expect(QUESTION_WORDS.has(w), w).toBe(true);
      expect(isStopword(w), w).toBe(false);
    }
    for (const w of ["hoe", "hoeveel", "wie", "welke", "wanneer", "waarom", "waar"]) {
      expect(QUESTION_WORDS.has(w), w).toBe(true);
      expect(isStopword(w), w).toBe(false);
    }
    for (const w of ["not", "no", "never", "nor", "didnt", "niet", "geen", "nooit"]) {
      expect(NEGATIONS.has(w), w).toBe(true);
      expect(isStopword(w), w).toBe(false);
    }
    for (const w of ["amount", "million", "date", "still", "used", "stop", "microsoft", "found"]) {
      expect(KIND_WORDS.has(w) || CONTENT_WORDS.has(w), w).toBe(true);
      expect(isStopword(w), w).toBe(false);
    }
  });

  it("keeps out only words the published lists hold, or the exceptions would be dead", () => {
    const published = new Set([...publishedStopwords("en"), ...publishedStopwords("nl")]);
    const dead = [...KIND_WORDS, ...CONTENT_WORDS].filter((w) => !published.has(w));
    expect(dead).toEqual([]);
  });

  it("tells the languages apart when asked, and takes either when not", () => {
    expect(isStopword("het", "nl")).toBe(true);
    expect(isStopword("het", "en")).toBe(false);
    expect(isStopword("het")).toBe(true);
    expect(isStopword("the", "nl")).toBe(false);
    expect(isStopword("messages")).toBe(false);
    expect(isStopword("berichten")).toBe(false);
  });
});
