/** Every reason code is worded in English and in Dutch, with its parameters. */
import { describe, expect, it } from "vitest";
import { ReasonCode } from "../../src/engine/answer-schema.js";
import { wordReason } from "../../src/wording/reasons.js";

describe("reason wording", () => {
  it.each(ReasonCode.options)("words %s in both languages", (code) => {
    const reason = {
      code,
      names: ["Twitter"],
      words: ["sell"],
      subject: "amount" as const,
      organizations: [{ id: "netflix", name: "Netflix" }],
    };
    const en = wordReason(reason, "en");
    const nl = wordReason(reason, "nl");
    expect(en.length).toBeGreaterThan(10);
    expect(nl.length).toBeGreaterThan(10);
    expect(nl).not.toBe(en);
  });

  it("names what the sources do not give, and for whom", () => {
    const reason = {
      code: "not-in-sources" as const,
      subject: "count" as const,
      organizations: [{ id: "spotify", name: "Spotify" }],
    };
    expect(wordReason(reason, "en")).toMatch(/do not give a number about Spotify/);
    expect(wordReason(reason, "nl")).toMatch(/noemen geen aantal over Spotify/);
  });

  it("words the end of the sources as a month, in each language", () => {
    const reason = { code: "after-sources" as const, year: "2019", until: "2018-12" };
    expect(wordReason(reason, "en")).toMatch(/end in December 2018: .* in 2019/);
    expect(wordReason(reason, "nl")).toMatch(/tot december 2018: .* in 2019/);
  });

  it("words every kind of information in Dutch after 'geen'", () => {
    for (const subject of ["person", "date", "reporting", "apology", "name"] as const) {
      const nl = wordReason({ code: "not-in-sources", subject }, "nl");
      expect(nl).toMatch(/^Mijn bronnen noemen geen [a-z]/);
      expect(nl).not.toMatch(/geen (een|wie) /);
    }
  });
});
