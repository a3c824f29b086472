/**
 * The lexicon's checks (src/knowledge/lexicon-checks.ts) through the loader: a word stands in one
 * entry only, no entry lists a word twice, every entry's kind is known.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { fixtureCopy, problemsAfter } from "./fixture.js";

const lexicon = (dir: string, yaml: string) => writeFileSync(join(dir, "lexicon.yaml"), yaml);

describe("lexicon.yaml", () => {
  it("loads concepts, fillers and kinds of organization", async () => {
    const dir = fixtureCopy();
    lexicon(
      dir,
      [
        "- { id: messages, kind: concept, canonical: [messages], words: [dms, texts] }",
        "- { id: chat, kind: filler, words: [tbh, lowkey] }",
        "- { id: organization-kinds, kind: class, words: [bank, competitors] }",
      ].join("\n"),
    );
    const loaded = await loadKnowledge(dir);
    expect(loaded.ok).toBe(true);
    if (loaded.ok)
      expect(loaded.kb.lexicon.map((e) => e.kind)).toEqual(["concept", "filler", "class"]);
  });

  it("lets a counted noun or a set-aside word also be a concept's or a filler's, never two counted kinds'", async () => {
    const dir = fixtureCopy();
    lexicon(
      dir,
      [
        "- { id: employees, kind: concept, canonical: [employees], words: [staff] }",
        "- { id: chat, kind: filler, words: [idc] }",
        "- { id: people-nouns, kind: counted, words: [people, staff] }",
        "- { id: set-aside, kind: except, words: [idc, besides] }",
      ].join("\n"),
    );
    const loaded = await loadKnowledge(dir);
    expect(loaded.ok).toBe(true);
    const problems = await problemsAfter((d) =>
      lexicon(
        d,
        [
          "- { id: people-nouns, kind: counted, words: [people, staff] }",
          "- { id: organization-nouns, kind: counted, words: [companies, staff] }",
        ].join("\n"),
      ),
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/'staff' is also in 'people-nouns'/),
    ]);
  });

  it("names a word that stands in two entries, with both places", async () => {
    const problems = await problemsAfter((dir) =>
      lexicon(
        dir,
        [
          "- { id: messages, kind: concept, canonical: [messages], words: [dms, bank] }",
          "- { id: organization-kinds, kind: class, words: [bank] }",
        ].join("\n"),
      ),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: "lexicon.yaml",
      line: 2,
      message: expect.stringMatching(
        /'bank' is also in 'messages' \(lexicon\.yaml:1.*keep it in the one it means/,
      ),
    });
  });

  it("names a word a concept lists as unlike it that is also an entry's word", async () => {
    const problems = await problemsAfter((dir) =>
      lexicon(
        dir,
        [
          "- { id: analogy, kind: concept, canonical: [likening], words: [vergelijking], unlike: [vergelijkbare] }",
          "- { id: similar, kind: concept, canonical: [similar], words: [vergelijkbare] }",
        ].join("\n"),
      ),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/'vergelijkbare' is unlike 'analogy' but a word of 'similar'/),
    });
  });

  it("names a word listed twice in one entry, and an unknown kind", async () => {
    const problems = await problemsAfter((dir) =>
      lexicon(
        dir,
        [
          "- { id: chat, kind: filler, words: [tbh, tbh] }",
          "- { id: odd, kind: synonyms, words: [x] }",
        ].join("\n"),
      ),
    );
    const messages = problems.map((p) => p.message).join("\n");
    expect(messages).toMatch(/'tbh' is listed twice in 'chat'/);
    expect(problems.some((p) => p.line === 2)).toBe(true);
  });
});
