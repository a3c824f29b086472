/**
 * Each kind of broken fact base is rejected with a problem naming the file, the field and, where
 * the file has it, the line. Every case is a temp copy of the small fixture with one change.
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { Problem } from "../../src/knowledge/problem.js";
import { edit, lineWith, problemsAfter } from "./fixture.js";

const NUNL = "facts/nunl.yaml";
const JUSTIFIES = "facts/justifies.yaml";

/** Expects exactly one problem, and returns it. */
function only(problems: readonly Problem[]): Problem {
  expect(problems).toHaveLength(1);
  return problems[0] as Problem;
}

describe("file-level problems", () => {
  it("a file that is not valid YAML, with the line of the error", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, NUNL, "speaker: Netflix, to NU.nl", "speaker: Netflix: to NU.nl"),
    );
    expect(only(problems)).toMatchObject({
      file: NUNL,
      line: lineWith(NUNL, "speaker: Netflix, to NU.nl"),
      message: expect.stringMatching(/^not valid YAML: .*fix the syntax/),
    });
  });

  it("a duplicate key is not valid YAML either", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, "topics.yaml", "  name: Reading private messages", "  name: a\n  name: b"),
    );
    expect(only(problems)).toMatchObject({ file: "topics.yaml", line: 3 });
  });

  it("an empty file", async () => {
    const problems = await problemsAfter((d) => writeFileSync(join(d, JUSTIFIES), ""));
    expect(only(problems)).toMatchObject({ file: JUSTIFIES, message: /file is empty/ });
  });

  it("a file of only comments is empty too", async () => {
    const problems = await problemsAfter((d) => writeFileSync(join(d, "topics.yaml"), "# none\n"));
    expect(only(problems)).toMatchObject({ file: "topics.yaml", message: /file is empty/ });
  });

  it("a file that is not a list", async () => {
    const problems = await problemsAfter((d) =>
      writeFileSync(join(d, "topics.yaml"), "id: private-messages\n"),
    );
    expect(only(problems)).toMatchObject({ file: "topics.yaml", message: /must be a YAML list/ });
  });

  it("a missing file", async () => {
    const problems = await problemsAfter((d) => unlinkSync(join(d, "organizations.yaml")));
    expect(only(problems)).toMatchObject({ file: "organizations.yaml", message: /is missing/ });
  });

  it("an article that cannot be read, on the source that names it", async () => {
    const problems = await problemsAfter((d) => unlinkSync(join(d, "articles/nunl-excerpt.txt")));
    expect(only(problems)).toMatchObject({
      file: "sources.yaml",
      field: "[0].file",
      line: lineWith("sources.yaml", "file: articles/nunl-excerpt.txt"),
      message: /articles\/nunl-excerpt\.txt does not exist/,
    });
  });

  it("an empty article", async () => {
    const problems = await problemsAfter((d) =>
      writeFileSync(join(d, "articles/justifies-excerpt.txt"), "\n"),
    );
    expect(only(problems)).toMatchObject({ file: "sources.yaml", field: "[1].file" });
  });

  it("no fact files", async () => {
    const problems = await problemsAfter((d) => rmSync(join(d, "facts"), { recursive: true }));
    // One problem: not also "has no facts" for every organization.
    expect(only(problems)).toMatchObject({ file: "facts/", message: /folder is missing/ });
  });
});

describe("the knowledge folder", () => {
  it("an empty folder is one clear problem", async () => {
    const dir = mkdtempSync(join(tmpdir(), "receipts-empty-"));
    try {
      const loaded = await loadKnowledge(dir);
      expect(loaded.ok).toBe(false);
      if (loaded.ok) return;
      expect(only(loaded.problems).message).toMatch(/is empty: it should hold sources\.yaml/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it("a missing folder is one clear problem", async () => {
    const loaded = await loadKnowledge(join(tmpdir(), "receipts-no-such-folder", "knowledge"));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(only(loaded.problems).message).toMatch(/does not exist/);
  });

  it("a folder with only an empty facts/ folder lists each missing file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "receipts-bare-"));
    try {
      mkdirSync(join(dir, "facts"));
      const loaded = await loadKnowledge(dir);
      if (loaded.ok) throw new Error("expected problems");
      const files = loaded.problems.map((p) => p.file);
      expect(files).toEqual(
        expect.arrayContaining(["sources.yaml", "organizations.yaml", "topics.yaml", "facts/"]),
      );
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe("schema problems", () => {
  it("a missing field", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, NUNL, /^ {2}summary: Netflix says.*\n/m, ""),
    );
    expect(only(problems)).toMatchObject({
      file: NUNL,
      field: "[2].summary",
      line: lineWith(NUNL, "id: nunl-netflix-never-read"),
      message: "is missing: add this field",
    });
  });

  it("a field of the wrong type", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, NUNL, "about: [netflix]", "about: netflix"),
    );
    expect(only(problems)).toMatchObject({
      file: NUNL,
      field: "[2].about",
      line: lineWith(NUNL, "about: [netflix]"),
      message: expect.stringMatching(/^must be a list.*not text \("netflix"\)/),
    });
  });

  it("a value outside its set", async () => {
    const problems = await problemsAfter((d) => edit(d, NUNL, "kind: reported", "kind: rumour"));
    expect(only(problems)).toMatchObject({
      field: "[0].kind",
      message: "must be one of reported, response, context",
    });
  });

  it("an unknown field, at that field", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, "organizations.yaml", "role: platform", "role: platform\n  website: none"),
    );
    expect(only(problems)).toMatchObject({
      file: "organizations.yaml",
      field: "[0].website",
      line: 5,
      message: /unknown field/,
    });
  });
});

describe("cross-file problems", () => {
  it("an unknown source", async () => {
    const problems = await problemsAfter((d) =>
      edit(
        d,
        JUSTIFIES,
        "source: justifies-excerpt\n  language: en\n  summary: Spotify",
        "source: justifies\n  language: en\n  summary: Spotify",
      ),
    );
    expect(only(problems)).toMatchObject({
      file: JUSTIFIES,
      field: "[0].source",
      line: lineWith(JUSTIFIES, "source: justifies-excerpt"),
      message: expect.stringMatching(/^unknown source 'justifies'.*sources\.yaml/),
    });
  });

  it("an unknown organization, with the likely one", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, NUNL, "about: [netflix, spotify, facebook]", "about: [netflix, spotfy, facebook]"),
    );
    expect(only(problems)).toMatchObject({
      file: NUNL,
      field: "[0].about[1]",
      line: lineWith(NUNL, "about: [netflix, spotify, facebook]"),
      message: expect.stringMatching(/^unknown organization 'spotfy' \(did you mean 'spotify'\?\)/),
    });
  });

  it("an unknown topic", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, JUSTIFIES, "topics: [consent-login]", "topics: [consent]"),
    );
    expect(only(problems)).toMatchObject({
      file: JUSTIFIES,
      field: "[1].topics[0]",
      message: /^unknown topic 'consent'/,
    });
  });

  it("a duplicate fact id across files names both places", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, NUNL, "id: nunl-facebook-denies", "id: justifies-spotify-admitted"),
    );
    const problem = only(problems);
    expect(problem).toMatchObject({
      file: NUNL,
      field: "[1].id",
      line: lineWith(NUNL, "id: nunl-facebook-denies"),
    });
    expect(problem.message).toContain(`also at ${JUSTIFIES}:1 [0].id`);
  });

  it("a duplicate organization id", async () => {
    const problems = await problemsAfter((d) =>
      edit(
        d,
        "organizations.yaml",
        "- id: apple",
        "- id: spotify\n  name: Spotify AB\n  role: other\n- id: apple",
      ),
    );
    expect(only(problems)).toMatchObject({
      file: "organizations.yaml",
      field: "[3].id",
      message: expect.stringContaining(
        "duplicate organization id 'spotify', also at organizations.yaml:9 [2].id",
      ),
    });
  });

  it("an alias that is another organization's name, with both places", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, "organizations.yaml", "aliases: []", "aliases: [SPOTIFY]"),
    );
    expect(only(problems)).toMatchObject({
      file: "organizations.yaml",
      field: "[1].aliases[0]",
      line: lineWith("organizations.yaml", "aliases: []"),
      message: expect.stringMatching(
        /^'SPOTIFY' is also the name of organization 'spotify' \(organizations\.yaml:\d+ \[2\]\.name\): a name or alias must lead to one organization/,
      ),
    });
  });

  it("two organizations sharing an alias, compared as the engine folds them", async () => {
    const problems = await problemsAfter((d) =>
      edit(
        d,
        "organizations.yaml",
        "aliases: [Apple Mail]",
        "aliases: [Apple Mail, 'the Music-Streamer']",
      ),
    );
    expect(only(problems)).toMatchObject({
      field: "[3].aliases[1]",
      message: expect.stringContaining("is also an alias of organization 'spotify'"),
    });
  });

  it("a fact whose language is not its source's", async () => {
    const problems = await problemsAfter((d) =>
      edit(
        d,
        JUSTIFIES,
        /language: en\n {2}summary: Spotify/,
        "language: nl\n  translation: x\n  summary: Spotify",
      ),
    );
    expect(only(problems)).toMatchObject({
      file: JUSTIFIES,
      field: "[0].language",
      message: /source 'justifies-excerpt' is in 'en'/,
    });
  });

  it("a non-English quote without translation", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, NUNL, /^ {2}translation: The social network denies.*\n/m, ""),
    );
    expect(only(problems)).toMatchObject({
      file: NUNL,
      field: "[1].translation",
      message: /needs a translation/,
    });
  });
});

describe("quotes", () => {
  it("an altered quote, with the passage the article really has", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, JUSTIFIES, "that it had accessed", "that it never accessed"),
    );
    const problem = only(problems);
    expect(problem).toMatchObject({
      file: JUSTIFIES,
      field: "[0].quote",
      line: lineWith(JUSTIFIES, "quote: the music streamer"),
    });
    expect(problem.message).toMatch(/^not found verbatim in articles\/justifies-excerpt\.txt/);
    expect(problem.message).toContain(
      'closest passage there reads: "the music streamer admitted that it had accessed private data, but no longer did.',
    );
  });

  it("a quote that starts inside a word of the article", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, JUSTIFIES, "quote: the music streamer", "quote: usic streamer"),
    );
    expect(only(problems)).toMatchObject({
      file: JUSTIFIES,
      field: "[0].quote",
      message: expect.stringMatching(
        /^begins or ends inside a word of articles\/justifies-excerpt\.txt \("music"\).*quote whole words/,
      ),
    });
  });

  it("a quote shortened with an ellipsis", async () => {
    const problems = await problemsAfter((d) =>
      edit(
        d,
        JUSTIFIES,
        "our industry — think of being able to have Alexa read your\n    email aloud or",
        "our industry ...",
      ),
    );
    expect(only(problems)).toMatchObject({
      file: JUSTIFIES,
      field: "[1].quote",
      message: expect.stringMatching(
        /^quotes must not be trimmed with an ellipsis: split it into two facts/,
      ),
    });
  });

  it("an ellipsis with an altered part still shows the closest passage", async () => {
    const problems = await problemsAfter((d) =>
      edit(
        d,
        JUSTIFIES,
        "our industry — think of being able to have Alexa read your\n    email aloud or",
        "our business …",
      ),
    );
    const { message } = only(problems);
    expect(message).toMatch(/closest passage there reads/);
    expect(message).toMatch(/quotes must not be trimmed with an ellipsis/);
  });
});

describe("coverage", () => {
  it("an organization with no facts", async () => {
    const problems = await problemsAfter((d) =>
      edit(
        d,
        "organizations.yaml",
        "- id: apple",
        "- id: cnbc\n  name: CNBC\n  role: news-outlet\n- id: apple",
      ),
    );
    expect(only(problems)).toMatchObject({
      file: "organizations.yaml",
      field: "[3]",
      line: lineWith("organizations.yaml", "- id: apple"),
      message: /^organization 'cnbc' has no facts/,
    });
  });

  it("a partner with neither a response nor noResponseInSources", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, "organizations.yaml", "  noResponseInSources: true\n", ""),
    );
    expect(only(problems)).toMatchObject({
      file: "organizations.yaml",
      field: "[3]",
      line: lineWith("organizations.yaml", "- id: apple"),
      message: /^partner 'apple' has no response/,
    });
  });

  it("another company's response about a partner is not the partner's response", async () => {
    // Facebook's statement is about Apple too; it must not count as Apple's word.
    const problems = await problemsAfter((d) =>
      edit(d, "organizations.yaml", "  noResponseInSources: true\n", ""),
    );
    expect(problems.map((p) => p.message).join()).toMatch(/partner 'apple'/);
  });

  it("a partner marked noResponseInSources that has a response", async () => {
    const problems = await problemsAfter((d) =>
      edit(
        d,
        "organizations.yaml",
        "aliases: [the music streamer]\n  role: partner",
        "aliases: [the music streamer]\n  role: partner\n  noResponseInSources: true",
      ),
    );
    expect(only(problems)).toMatchObject({
      field: "[2].noResponseInSources",
      message: /fact 'justifies-spotify-admitted' is spotify's response/,
    });
  });
});

describe("the fields readers see in their language", () => {
  it("a fact without its Dutch summary", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, NUNL, /^ {2}summaryNl: Netflix zegt.*\n/m, ""),
    );
    expect(only(problems)).toMatchObject({ file: NUNL, field: "[2].summaryNl" });
  });

  it("a voice naming an organization the speaker does not", async () => {
    const problems = await problemsAfter((d) =>
      edit(
        d,
        JUSTIFIES,
        "voice: { who: [spotify], how: reported-by }",
        "voice: { who: [netflix], how: reported-by }",
      ),
    );
    expect(only(problems)).toMatchObject({
      file: JUSTIFIES,
      field: "[0].voice.who[0]",
      line: lineWith(JUSTIFIES, "voice: { who: [spotify]"),
      message: /'netflix' is not named in speaker 'Spotify, as reported'/,
    });
  });

  it("a statement to an outlet that does not say which, and an unknown speaker", async () => {
    const problems = await problemsAfter((d) =>
      edit(
        d,
        NUNL,
        "voice: { who: [netflix], how: reported-by }",
        "voice: { who: [netflx], how: statement-to }",
      ),
    );
    expect(problems.map((p) => [p.field, p.message.split(":")[0]])).toEqual([
      ["[2].voice.to", "is missing"],
      ["[2].voice.who[0]", "unknown organization 'netflx'"],
    ]);
  });

  it("a descriptive source title without its Dutch wording", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, "sources.yaml", /^ {2}titleNl: Facebook verdedigt.*\n/m, ""),
    );
    expect(only(problems)).toMatchObject({
      file: "sources.yaml",
      field: "[1].titleNl",
      message: /descriptive title needs our Dutch wording/,
    });
  });
});

describe("all problems at once", () => {
  it("reports every broken file and field in one load, sorted by file and line", async () => {
    const problems = await problemsAfter((d) => {
      edit(d, JUSTIFIES, "that it had accessed", "that it never accessed");
      edit(d, NUNL, "kind: reported", "kind: rumour");
      edit(d, NUNL, /^ {2}translation: The social network denies.*\n/m, "");
      edit(
        d,
        "topics.yaml",
        "- id: consent-login",
        "- id: private-messages\n  name: a\n  keywords: [a]\n- id: consent-login",
      );
    });
    const where = problems.map((p) => `${p.file} ${p.field}`);
    expect(where).toEqual([
      `${JUSTIFIES} [0].quote`,
      `${NUNL} [0].kind`,
      `${NUNL} [1].translation`,
      "topics.yaml [1].id",
    ]);
  });
});
