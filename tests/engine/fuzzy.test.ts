/** Typo reading (src/engine/fuzzy.ts): `slipOf`, the slips of the keyboard that keep a word. */
import { describe, expect, it } from "vitest";
import { slipOf } from "../../src/engine/fuzzy.js";

describe("slipOf", () => {
  it.each([
    ["aplogize", "apologize"], // a letter left out
    ["apologgize", "apologize"], // a letter typed twice
    ["apolgoize", "apologize"], // two neighbours swapped
    ["apologizee", "apologize"], // one added at the end
  ])("reads %j as a slip of %j", (typed, word) => {
    expect(slipOf(typed, word)).toBe(true);
  });

  it.each([
    ["changed", "charged"], // one letter for another: both are words
    ["apologize", "apologize"], // the same word is no slip
    ["aplogze", "apologize"], // two letters left out
    ["apologise", "apologize"], // a spelling, not a slip: the lexicon lists both
  ])("does not read %j as a slip of %j", (typed, word) => {
    expect(slipOf(typed, word)).toBe(false);
  });
});
