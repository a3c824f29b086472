/**
 * What a fact's words give (src/engine/lexicon.ts `kindsHeld`, `maskAnswers`): a year says when;
 * two say how long; a single year answers "how long" only beside another fact's year, so the
 * decision counts it and ranking does not put it beside a fact that says how long by itself.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { kindsHeld, maskAnswers, maskHas } from "../../src/engine/lexicon.js";
import { words } from "../../src/engine/normalize.js";
import { type Prepared, prepare } from "../../src/engine/prepare.js";
import { projectKnowledge } from "./knowledge.js";

let p: Prepared;
beforeAll(async () => {
  p = prepare(await projectKnowledge());
});

const mask = (text: string) => kindsHeld(words(text), [], p.lexicon);

describe("the kinds of information a fact's words give", () => {
  it("reads one year as a date, not as how long", () => {
    const held = mask("we shut the feature down in 2015");
    expect(maskHas(held, "date")).toBe(true);
    expect(maskHas(held, "duration")).toBe(false);
    // Beside another fact's year it answers "how long": the decision counts it.
    expect(maskAnswers(held, "duration")).toBe(true);
  });

  it("reads two years, or words of time, as how long", () => {
    expect(maskHas(mask("launched in 2014 and removed in 2015"), "duration")).toBe(true);
    expect(maskHas(mask("shut down for nearly three years"), "duration")).toBe(true);
    // The same year twice is one point in time.
    expect(maskHas(mask("in 2015, and again in 2015"), "duration")).toBe(false);
  });

  it("reads a month as a date, and the verb 'may' as none", () => {
    expect(maskHas(mask("the feature shut down in june"), "date")).toBe(true);
    expect(maskHas(mask("apple may pull in contacts after a user logged in"), "date")).toBe(false);
  });

  it("answers no duration from words that give neither a year nor a time", () => {
    expect(maskAnswers(mask("the feature was never that popular"), "duration")).toBe(false);
  });
});
