import { describe, expect, it } from "vitest";
import {
  closestPassage,
  firstDifference,
  hasEllipsis,
  isTrimmedWithEllipsis,
  isVerbatim,
  normalizeForQuote,
  verbatimAt,
} from "../../src/knowledge/quote-match.js";

const ARTICLE = normalizeForQuote(
  "At first, both Spotify and Netflix denied the report.\nBut the music streamer  admitted that it had accessed private data, but no longer did.\n“It’s over,” they said — and Netflix… stayed quiet.",
);
const matches = (quote: string) => isVerbatim(normalizeForQuote(quote), ARTICLE);

describe("normalizeForQuote", () => {
  it("turns white space runs into one space and curly quote marks into straight ones", () => {
    expect(normalizeForQuote("a \n\t b ‘c’ ‚d‛ “e” „f”")).toBe(`a b 'c' 'd' "e" "f"`);
  });

  it("changes nothing else: dashes, ellipses, accents and case stay", () => {
    const text = "Privégesprekken — 2014–2015 … Done.";
    expect(normalizeForQuote(text)).toBe(text);
  });
});

describe("isVerbatim", () => {
  it("accepts a span across a line break and with straight instead of curly quotes", () => {
    expect(matches("denied the report. But the music streamer admitted")).toBe(true);
    expect(matches(`"It's over," they said`)).toBe(true);
  });

  it("rejects any other difference: a word, a letter's case, a dash, a missing comma", () => {
    expect(matches("the music streamer admitted that it never accessed private data")).toBe(false);
    expect(matches("The music streamer admitted")).toBe(false);
    expect(matches(`"It's over," they said - and`)).toBe(false);
    expect(matches("At first both Spotify and Netflix")).toBe(false);
  });

  it("accepts an ellipsis that the article itself has", () => {
    expect(matches("and Netflix… stayed quiet.")).toBe(true);
  });
});

describe("word boundaries", () => {
  const article = normalizeForQuote(
    "It is unacceptable that Facebook and Spotify did such a poor job. It's over for Netflix.",
  );

  it("refuses a quote that starts or ends inside a word of the article", () => {
    expect(verbatimAt("acceptable that Facebook and Spotify", article)).toBe("inside-word");
    expect(verbatimAt("Facebook and Spotif", article)).toBe("inside-word");
    expect(isVerbatim("acceptable that Facebook", article)).toBe(false);
  });

  it("counts a letter after an apostrophe as inside the word", () => {
    expect(verbatimAt("s over for Netflix", article)).toBe("inside-word");
    expect(verbatimAt("It's over", article)).toBe("whole");
  });

  it("accepts whole words, whatever punctuation is around them", () => {
    expect(verbatimAt("unacceptable that Facebook", article)).toBe("whole");
    expect(verbatimAt("a poor job. It's", article)).toBe("whole");
    expect(verbatimAt("a poor job. It", article)).toBe("inside-word");
    expect(verbatimAt(" Netflix.", article)).toBe("whole");
    expect(verbatimAt("Twitter", article)).toBe("absent");
  });

  it("accepts a quote found whole at a later place when the first cuts a word", () => {
    const twice = "unacceptable, and acceptable";
    expect(verbatimAt("acceptable", twice)).toBe("whole");
  });
});

describe("ellipses", () => {
  it("finds three dots and the ellipsis character", () => {
    expect(hasEllipsis("a... b")).toBe(true);
    expect(hasEllipsis("a… b")).toBe(true);
    expect(hasEllipsis("a. b.")).toBe(false);
  });

  it("knows a quote trimmed with an ellipsis from one that is simply wrong", () => {
    expect(isTrimmedWithEllipsis("At first, both Spotify ... but no longer did.", ARTICLE)).toBe(
      true,
    );
    expect(isTrimmedWithEllipsis("At first, both Spotify … the music streamer", ARTICLE)).toBe(
      true,
    );
    expect(isTrimmedWithEllipsis("At first, both Apple ... but no longer did.", ARTICLE)).toBe(
      false,
    );
    expect(isTrimmedWithEllipsis("At first, both Spotify", ARTICLE)).toBe(false);
  });
});

describe("closestPassage", () => {
  it("finds the passage an altered quote was taken from, in whole words", () => {
    const quote = "the music streamer admitted that it never accessed private data";
    const passage = closestPassage(quote, ARTICLE);
    expect(
      passage.startsWith("the music streamer admitted that it had accessed private data"),
    ).toBe(true);
  });

  it("finds the passage when the first word is the one changed", () => {
    const passage = closestPassage(
      "Initially, both Spotify and Netflix denied the report.",
      ARTICLE,
    );
    expect(passage).toMatch(/both Spotify and Netflix denied the report\./);
  });

  it("does bounded work for a long quote missing from a long article", () => {
    const words = (n: number, seed: number) =>
      Array.from({ length: n }, (_, i) => `w${(i * seed) % 997}x${i % 13}`).join(" ");
    const article = normalizeForQuote(
      `${words(120_000, 7)} the passage we want is here ${words(20_000, 11)}`,
    );
    const quote = `${words(800, 7)} not in the article at all`;
    const work = { votes: 0 };
    closestPassage(quote, article, undefined, work);
    // At most 400 runs of the quote followed, each to at most 32 places: not article × quote.
    expect(work.votes).toBeGreaterThan(0);
    expect(work.votes).toBeLessThanOrEqual(400 * 32);
  });

  it("finds an altered passage deep in a long article", () => {
    const filler = Array.from({ length: 50_000 }, (_, i) => `filler${i % 5000}`).join(" ");
    const article = normalizeForQuote(
      `${filler} Netflix said it never asked for access to private messages ${filler}`,
    );
    const passage = closestPassage(
      "Netflix said it never requested access to private messages",
      article,
    );
    expect(passage).toMatch(/^Netflix said it never asked for access to private messages/);
  });

  it("says where the quote and the passage part", () => {
    const note = firstDifference("it never accessed", "it had accessed");
    expect(note).toContain('after "it "');
    expect(note).toContain('"never accessed"');
    expect(note).toContain('"had accessed"');
  });
});
