import { describe, expect, it } from "vitest";
import {
  cleanQuestion,
  fold,
  MAX_QUESTION_CHARS,
  stripDiscord,
  tokenize,
  words,
} from "../../src/engine/normalize.js";

describe("cleanQuestion", () => {
  it("removes control characters and terminal escapes and collapses white space", () => {
    expect(cleanQuestion("\u0000did\u0007  spotify\n\tread\u001b[31m it\u200b?")).toBe(
      "did spotify read it?",
    );
  });

  it("removes invisible characters typed inside words instead of splitting them", () => {
    // Zero-width space, word joiner, soft hyphen, a byte-order mark, a bidi mark.
    expect(cleanQuestion("w\u200bhat d\u2060id a\u00adpple s\ufeffay ab\u200eout it")).toBe(
      "what did apple say about it",
    );
  });

  it("caps the question at the length limit without splitting an emoji", () => {
    expect(cleanQuestion("x".repeat(6000))).toHaveLength(MAX_QUESTION_CHARS);
    const cut = cleanQuestion(`${"a".repeat(MAX_QUESTION_CHARS - 1)}😀`);
    expect(cut).toBe("a".repeat(MAX_QUESTION_CHARS - 1));
  });

  it("turns anything that is not a string into an empty question", () => {
    expect(cleanQuestion(undefined)).toBe("");
    expect(cleanQuestion(42)).toBe("");
    expect(cleanQuestion("   \n\t ")).toBe("");
  });
});

describe("stripDiscord", () => {
  it("removes user, role and channel mentions, @everyone and custom emoji", () => {
    const text = stripDiscord("<@123> <@!456> <@&7> <#8> @everyone @here <:pepe:1> <a:x:2> hi");
    expect(words(text)).toEqual(["hi"]);
  });

  it("drops code blocks and links but keeps the words of markdown and link labels", () => {
    const text = stripDiscord(
      "```js\nalert(1)\n``` **did** __spotify__ ~~read~~ [this](https://x.y) https://a.b/c",
    );
    expect(words(text)).toEqual(["did", "spotify", "read", "this"]);
  });
});

describe("fold and tokenize", () => {
  it("lower-cases and strips diacritics", () => {
    expect(fold("Privéberichten BEËINDIGD")).toBe("priveberichten beeindigd");
  });

  it("drops possessive 's and apostrophes inside words", () => {
    expect(words("Netflix's users' data didn’t")).toEqual(["netflix", "users", "data", "didnt"]);
  });

  it("splits NU.nl and pr-bureau like the aliases are split", () => {
    expect(words("NU.nl pr-bureau")).toEqual(["nu", "nl", "pr", "bureau"]);
  });

  it("keeps the raw form and marks sentence starts", () => {
    const tokens = tokenize("Did Twitter read it? Google did.");
    expect(tokens.map((t) => [t.raw, t.sentenceStart])).toEqual([
      ["Did", true],
      ["Twitter", false],
      ["read", false],
      ["it", false],
      ["Google", true],
      ["did", false],
    ]);
  });

  it("marks clause starts: a sentence's, or after an emoji, not the dot inside nu.nl", () => {
    const starts = (text: string) =>
      tokenize(text)
        .filter((t) => t.clauseStart)
        .map((t) => t.raw);
    expect(starts("loser buys pizza 🍕 who wins")).toEqual(["loser", "who"]);
    expect(starts("wie schreef het nu.nl artikel. weet iemand dat")).toEqual(["wie", "weet"]);
  });

  it("yields no tokens for emoji and punctuation only, and letters of other scripts", () => {
    expect(tokenize("😀😀 🔥 ?!?! ...")).toEqual([]);
    expect(words("Фейсбук читал 脸书")).toHaveLength(3);
  });
});
