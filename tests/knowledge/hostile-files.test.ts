/**
 * Files a careless curator or an attacker can put in the knowledge folder: named pipes, links
 * out of the folder, devices, folders where files belong, text that is not UTF-8 or carries
 * control characters, YAML tags and aliases. Each is refused by name, with file and line where
 * there is one, and none can hang the load.
 */
import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { getPriority, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  CHECK_TIMEOUT_MS,
  checkCounts,
  checkInWorker,
  ended,
  loadCheckedOffThread,
  readySpare,
} from "../../src/knowledge/check-off-thread.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { pacer } from "../../src/knowledge/pacer.js";
import type { Problem } from "../../src/knowledge/problem.js";
import { readBase } from "../../src/knowledge/read-base.js";
import { MAX_FILE_BYTES } from "../../src/knowledge/read-file.js";
import { edit, FIXTURE_DIR, fixtureCopy, lineWith, problemsAfter } from "./fixture.js";

const NUNL = "facts/nunl.yaml";
const JUSTIFIES = "facts/justifies.yaml";
const ARTICLE = "articles/justifies-excerpt.txt";

function only(problems: readonly Problem[]): Problem {
  expect(problems).toHaveLength(1);
  return problems[0] as Problem;
}

function mkfifo(path: string): void {
  execFileSync("mkfifo", [path]);
}

/** The fixture copy loads with no problems. */
async function loads(dir: string): Promise<void> {
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
}

describe("files that are not regular files", () => {
  // Without the no-block open these hang forever: the test then fails on its time-out.
  it("a named pipe as a fact file is refused by name, without waiting for a writer", async () => {
    const problems = await problemsAfter((d) => mkfifo(join(d, "facts", "pipe.yaml")));
    expect(only(problems)).toMatchObject({
      file: "facts/pipe.yaml",
      message: expect.stringMatching(/^is not a regular file \(it is a named pipe\)/),
    });
  });

  it("a named pipe as an article is refused on the source that names it", async () => {
    const problems = await problemsAfter((d) => {
      unlinkSync(join(d, ARTICLE));
      mkfifo(join(d, ARTICLE));
    });
    expect(only(problems)).toMatchObject({
      file: "sources.yaml",
      field: "[1].file",
      message: expect.stringMatching(/justifies-excerpt\.txt is not a regular file.*named pipe/),
    });
  });

  it("a named pipe as sources.yaml", async () => {
    const problems = await problemsAfter((d) => {
      unlinkSync(join(d, "sources.yaml"));
      mkfifo(join(d, "sources.yaml"));
    });
    expect(problems[0]).toMatchObject({ file: "sources.yaml", message: /named pipe/ });
  });

  it("a folder where a file should be", async () => {
    const problems = await problemsAfter((d) => {
      mkdirSync(join(d, "facts", "more.yaml"));
      unlinkSync(join(d, "topics.yaml"));
      mkdirSync(join(d, "topics.yaml"));
    });
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      ["facts/more.yaml", "is a folder, not a file"],
      ["topics.yaml", "is a folder, not a file"],
    ]);
  });

  it("a file too large to read, before reading it", async () => {
    const problems = await problemsAfter((d) =>
      writeFileSync(join(d, "facts", "huge.yaml"), Buffer.alloc(MAX_FILE_BYTES + 1, " ")),
    );
    expect(only(problems)).toMatchObject({
      file: "facts/huge.yaml",
      message: expect.stringMatching(/^is 8\.0 MB, more than the 8\.0 MB one file may hold: split/),
    });
  });
});

describe("symbolic links", () => {
  it("a fact file linked to a file outside the folder is refused, its text never shown", async () => {
    const problems = await problemsAfter((d) =>
      symlinkSync("/etc/passwd", join(d, "facts", "passwd.yaml")),
    );
    const problem = only(problems);
    expect(problem).toMatchObject({
      file: "facts/passwd.yaml",
      message: expect.stringMatching(/^is a link that leads outside the knowledge folder/),
    });
    expect(JSON.stringify(problems)).not.toMatch(/root:|\/etc/);
  });

  it("an article linked outside the folder cannot lend a fact its quote", async () => {
    const problems = await problemsAfter((d) => {
      unlinkSync(join(d, ARTICLE));
      symlinkSync("/etc/passwd", join(d, ARTICLE));
      edit(
        d,
        JUSTIFIES,
        "quote: the music streamer admitted that it had accessed private data, but no longer did.",
        "quote: 'root:x:0:0:root:/root:/bin/bash'",
      );
    });
    const problem = only(problems);
    expect(problem).toMatchObject({ file: "sources.yaml", field: "[1].file" });
    expect(problem.message).toMatch(/leads outside the knowledge folder/);
  });

  it("a link to a device is refused without reading it", async () => {
    const problems = await problemsAfter((d) => {
      unlinkSync(join(d, ARTICLE));
      symlinkSync("/dev/zero", join(d, ARTICLE));
    });
    expect(only(problems).message).toMatch(/leads outside the knowledge folder/);
  });

  it("facts/ linked to a folder outside is refused", async () => {
    const outside = mkdtempSync(join(tmpdir(), "receipts-outside-"));
    try {
      const problems = await problemsAfter((d) => {
        renameSync(join(d, "facts"), join(outside, "facts"));
        symlinkSync(join(outside, "facts"), join(d, "facts"));
      });
      expect(only(problems)).toMatchObject({ file: "facts/", message: /leads outside/ });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("a link loop is named as one", async () => {
    const problems = await problemsAfter((d) =>
      symlinkSync("loop.yaml", join(d, "facts", "loop.yaml")),
    );
    expect(only(problems)).toMatchObject({ file: "facts/loop.yaml", message: /a loop/ });
  });

  it("a knowledge folder that is itself a link loads, and links inside that stay inside", async () => {
    const dir = fixtureCopy();
    renameSync(join(dir, NUNL), join(dir, "nunl-facts.yaml"));
    symlinkSync("../nunl-facts.yaml", join(dir, NUNL));
    const linked = join(mkdtempSync(join(tmpdir(), "receipts-link-")), "knowledge");
    symlinkSync(dir, linked);
    try {
      await loads(linked);
    } finally {
      rmSync(linked);
    }
  });
});

describe("text that is not clean UTF-8", () => {
  it("a Latin-1 fact file, with the line", async () => {
    const problems = await problemsAfter((d) => {
      const path = join(d, JUSTIFIES);
      const text = readFileSync(path, "utf8").replace("Spotify, as reported", "Spotify, café");
      writeFileSync(path, Buffer.from(text, "latin1"));
    });
    expect(only(problems)).toMatchObject({
      file: JUSTIFIES,
      line: lineWith(JUSTIFIES, "Spotify, as reported"),
      message: expect.stringMatching(/^is not UTF-8 \(line \d+\): save it as UTF-8/),
    });
  });

  it("a Latin-1 article, named as such rather than as quotes not found", async () => {
    const problems = await problemsAfter((d) => {
      const path = join(d, ARTICLE);
      writeFileSync(path, Buffer.from(`${readFileSync(path, "utf8")}\nCafé.\n`, "latin1"));
    });
    expect(only(problems)).toMatchObject({
      file: "sources.yaml",
      field: "[1].file",
      // Line 5: the appended one (the curly quotes become other bytes, valid but wrong).
      message: expect.stringMatching(/justifies-excerpt\.txt is not UTF-8 \(line 5\)/),
    });
  });

  it("a NUL in a fact file, with its line", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, JUSTIFIES, "Spotify, as reported", "Spotify,\u0000 as reported"),
    );
    expect(only(problems)).toMatchObject({
      file: JUSTIFIES,
      line: lineWith(JUSTIFIES, "Spotify, as reported"),
      message: expect.stringMatching(/NUL/),
    });
  });

  it("a terminal escape written raw into an article", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, ARTICLE, "At first,", "\u001b]0;owned\u0007At first,"),
    );
    expect(only(problems).message).toMatch(/terminal escape character \(U\+001B/);
  });

  it("a terminal escape written as a YAML escape in a value", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, JUSTIFIES, "speaker: Spotify, as reported", 'speaker: "Spotify\\e[2J, as reported"'),
    );
    expect(only(problems)).toMatchObject({
      file: JUSTIFIES,
      field: "[0].speaker",
      message: expect.stringMatching(/terminal escape character.*remove it/),
    });
  });

  it("a C1 control character in a keyword", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, JUSTIFIES, "keywords: [admitted, accessed]", 'keywords: [admitted, "acc\\x85essed"]'),
    );
    expect(only(problems)).toMatchObject({
      field: "[0].keywords[1]",
      message: /control character \(U\+0085\)/,
    });
  });

  it("a lone carriage return", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, JUSTIFIES, "Spotify, as reported", "Spotify,\r as reported"),
    );
    expect(only(problems).message).toMatch(/carriage return/);
  });

  it("CRLF line ends, a byte-order mark and a no-break space are fine", async () => {
    const dir = fixtureCopy();
    for (const file of [JUSTIFIES, "sources.yaml", ARTICLE]) {
      const path = join(dir, file);
      writeFileSync(path, `\ufeff${readFileSync(path, "utf8").replace(/\n/g, "\r\n")}`);
    }
    edit(dir, JUSTIFIES, "summary: Spotify admitted", "summary: Spotify\u00a0admitted");
    await loads(dir);
  });
});

describe("a base with very many problems", () => {
  it("lists the first 200 in order, each in full, and counts the rest", async () => {
    const dir = fixtureCopy();
    const facts = Array.from(
      { length: 450 },
      (_, i) => `- id: gen-${i}
  about: [spotify]
  kind: reported
  speaker: Spotify
  voice: { who: [spotify], how: statement }
  quote: the music streamer admitted that it had read private data number ${i}
  source: justifies-excerpt
  language: en
  summary: s
  summaryNl: s
  keywords: [k]`,
    );
    writeFileSync(join(dir, "facts", "many.yaml"), `${facts.join("\n")}\n`);
    const loaded = await loadKnowledge(dir);
    if (loaded.ok) throw new Error("expected problems");
    expect(loaded.problems).toHaveLength(200);
    expect(loaded.omitted).toBe(250);
    expect(loaded.problems.map((p) => p.field)).toEqual(
      Array.from({ length: 200 }, (_, i) => `[${i}].quote`),
    );
    expect(loaded.problems[199]?.message).toMatch(
      /^not found verbatim.*closest passage there reads: "the music streamer admitted that it had accessed/,
    );
  });
});

describe("YAML that is more than data", () => {
  it.each([
    ["!!js/function", "!!js/function 'function () { return 1 }'"],
    ["!custom", "!custom Spotify"],
    ["!!binary", "!!binary U3BvdGlmeQ=="],
  ])("an unknown tag (%s) is refused at its line", async (tag, value) => {
    const problems = await problemsAfter((d) =>
      edit(d, JUSTIFIES, "speaker: Spotify, as reported", `speaker: ${value}`),
    );
    expect(only(problems)).toMatchObject({
      file: JUSTIFIES,
      line: lineWith(JUSTIFIES, "speaker: Spotify, as reported"),
      message: expect.stringMatching(/^unknown YAML tag .*: remove it/),
    });
    expect(only(problems).message).toContain(tag.replace("!!", ""));
  });

  /** A keyword list of 10 values, then `levels` lists of 10 aliases of the one before. */
  function laughs(levels: number): string {
    const lines = ["  keywords: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"];
    for (let i = 1; i <= levels; i++) {
      lines.push(
        `  x${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(", ")}]`,
      );
    }
    return lines.join("\n");
  }

  it("billion laughs in an unknown field is refused at once, with its line", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, JUSTIFIES, "  keywords: [admitted, accessed]", laughs(9)),
    );
    const problem = only(problems);
    expect(problem.file).toBe(JUSTIFIES);
    expect(problem.message).toMatch(
      /^YAML aliases \(\*name\) in this file repeat more than 10,000 values/,
    );
    expect(problem.line).toBeGreaterThan(lineWith(JUSTIFIES, "keywords: [admitted, accessed]"));
  });

  it("a keyword list repeated through 2,000 aliases is refused", async () => {
    const problems = await problemsAfter((d) => {
      const facts = Array.from(
        { length: 2000 },
        (_, i) => `- id: gen-${i}
  about: [spotify]
  kind: reported
  speaker: Spotify
  voice: { who: [spotify], how: statement }
  quote: the music streamer admitted
  source: justifies-excerpt
  language: en
  summary: s
  summaryNl: s
  keywords: ${i === 0 ? "&words [a, b, c, d, e, f, g, h]" : "*words"}`,
      );
      writeFileSync(join(d, "facts", "aliased.yaml"), `${facts.join("\n")}\n`);
    });
    expect(only(problems)).toMatchObject({ file: "facts/aliased.yaml", message: /10,000 values/ });
  });

  it("an alias bomb in a file the fast parser rejects is a problem with a line, not a crash", async () => {
    // The unknown tag sends the file to the slower parser, which explains errors.
    const problems = await problemsAfter((d) =>
      edit(d, JUSTIFIES, "  keywords: [admitted, accessed]", `${laughs(9)}\n  tagged: !custom x`),
    );
    const problem = only(problems);
    expect(problem).toMatchObject({ file: JUSTIFIES, message: /10,000 values/ });
    expect(problem.line).toBeGreaterThan(0);
  });

  it("an alias inside the list it names is refused", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, JUSTIFIES, "keywords: [admitted, accessed]", "keywords: &self [admitted, *self]"),
    );
    expect(only(problems).message).toMatch(/a value without end/);
  });

  it("a few aliases are fine", async () => {
    const dir = fixtureCopy();
    const path = join(dir, JUSTIFIES);
    const text = readFileSync(path, "utf8").replace(
      "topics: [private-messages]",
      "topics: &t [private-messages]",
    );
    writeFileSync(path, text.replace(/topics: \[private-messages\]/g, "topics: *t"));
    await loads(dir);
  });

  it("deep nesting is a problem, not a stack overflow", async () => {
    const deep = `${"[".repeat(20_000)}x${"]".repeat(20_000)}`;
    const problems = await problemsAfter((d) =>
      edit(d, JUSTIFIES, "keywords: [admitted, accessed]", `keywords: ${deep}`),
    );
    expect(only(problems).file).toBe(JUSTIFIES);
  });

  it("a __proto__ key is an unknown field, and pollutes nothing", async () => {
    const problems = await problemsAfter((d) =>
      edit(
        d,
        "organizations.yaml",
        "  role: platform",
        "  role: platform\n  __proto__: { polluted: yes }",
      ),
    );
    expect(only(problems)).toMatchObject({ field: "[0].__proto__", message: /unknown field/ });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a list inside a list of keywords is worded like other type errors", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, JUSTIFIES, "keywords: [admitted, accessed]", "keywords: [[admitted, accessed]]"),
    );
    expect(only(problems)).toMatchObject({
      field: "[0].keywords[0]",
      message: "must be text or a number, not a list",
    });
  });

  it("../ in a source's file is refused by the schema", async () => {
    const problems = await problemsAfter((d) =>
      edit(d, "sources.yaml", "file: articles/justifies-excerpt.txt", "file: articles/../../x.txt"),
    );
    expect(only(problems)).toMatchObject({
      field: "[1].file",
      message: /must be a file in articles/,
    });
  });
});

describe("the size of a whole base", () => {
  it("refuses the files past the base's limit, naming it", async () => {
    const dir = fixtureCopy();
    const sizes = ["sources.yaml", "organizations.yaml", "topics.yaml"].map(
      (f) => statSync(join(dir, f)).size,
    );
    // Room for the three first files and not for the fact files and articles after them.
    const base = await readBase(dir, pacer(), { remaining: sizes.reduce((a, b) => a + b, 0) });
    const refused = base.problems.filter((p) => /a base may hold/.test(p.message));
    expect(refused.map((p) => p.file)).toEqual([JUSTIFIES, NUNL, "sources.yaml", "sources.yaml"]);
    expect(refused[0]?.message).toMatch(/pass the 256 MB a base may hold/);
  });
});

describe("checking in a worker thread", () => {
  it("hands back the verdict the loader gives, as plain data, and a sound base's values", async () => {
    const dir = fixtureCopy();
    edit(dir, NUNL, "kind: reported", "kind: rumour");
    const direct = await loadKnowledge(dir);
    const verdict = await checkInWorker(dir);
    expect(verdict).toEqual({ ok: false, problems: direct.ok ? [] : direct.problems, omitted: 0 });
    const sound = await checkInWorker(FIXTURE_DIR);
    expect(sound.ok).toBe(true);
    expect(Object.keys(sound)).toEqual(["ok", "base"]);
  });

  /** The work counters' change over two checks of a sound base, after one has run. */
  async function twoChecksAfterOne() {
    await checkInWorker(FIXTURE_DIR);
    const before = checkCounts();
    await checkInWorker(FIXTURE_DIR);
    await checkInWorker(FIXTURE_DIR);
    const after = checkCounts();
    return {
      checks: after.checks - before.checks,
      fromSpare: after.fromSpare - before.fromSpare,
      spares: after.spares - before.spares,
      kept: after.kept - before.kept,
    };
  }

  it("has a worker waiting for the next check, modules loaded, once it has checked a base", async () => {
    const delta = await twoChecksAfterOne();
    expect(delta.checks).toBe(2);
    expect(delta.fromSpare).toBe(2);
  });

  it("keeps one spare at most, however many checks run at once", async () => {
    await checkInWorker(FIXTURE_DIR);
    const before = checkCounts();
    await Promise.all([checkInWorker(FIXTURE_DIR), checkInWorker(FIXTURE_DIR)]);
    const after = checkCounts();
    expect(after.checks - before.checks).toBe(2);
    // The first check took the spare waiting; the one waiting after both (started, or a checking
    // worker kept) is the only one.
    expect(after.spares - before.spares + (after.kept - before.kept)).toBe(1);
  });

  it("keeps the worker that checked a small sound base for the next check, and starts none", async () => {
    const delta = await twoChecksAfterOne();
    expect(delta.kept).toBe(2);
    expect(delta.spares).toBe(0);
  });

  it("asks the worker it keeps, and only that one, to collect its garbage", async () => {
    await checkInWorker(FIXTURE_DIR);
    const before = checkCounts();
    await checkInWorker(FIXTURE_DIR);
    // Too large to keep (a limit of one fact here): ended, never asked to collect.
    await checkInWorker(FIXTURE_DIR, CHECK_TIMEOUT_MS, 1);
    const after = checkCounts();
    expect(after.kept - before.kept).toBe(1);
    expect(after.collects - before.collects).toBe(1);
  });

  it("gives the verdict of a worker it ends only once that worker has ended", async () => {
    // Ending a worker gives its heap back to the system, which slows this thread's own
    // collections: the take-over waits for it (see `ended` in check-off-thread.ts).
    const dir = fixtureCopy();
    edit(dir, NUNL, "kind: reported", "kind: rumour");
    await checkInWorker(FIXTURE_DIR);
    const before = checkCounts();
    // A sound base too large to keep (a limit of one fact here), then a broken one.
    expect((await checkInWorker(FIXTURE_DIR, CHECK_TIMEOUT_MS, 1)).ok).toBe(true);
    expect(checkCounts().ends - before.ends).toBe(1);
    readySpare();
    expect((await checkInWorker(dir)).ok).toBe(false);
    expect(checkCounts().ends - before.ends).toBe(2);
    // A worker kept as the spare is not ended.
    await checkInWorker(FIXTURE_DIR);
    expect(checkCounts().ends - before.ends).toBe(2);
  });

  it("stops waiting for a worker's end past its backstop, so no reload waits forever", async () => {
    const before = checkCounts();
    // A worker that `terminate` never ends.
    const stuck = { terminate: () => new Promise<number>(() => {}) };
    const waited = await Promise.race([
      ended(stuck, 20).then(() => "given up"),
      new Promise((resolve) => setTimeout(resolve, 5000, "still waiting")),
    ]);
    expect(waited).toBe("given up");
    expect(checkCounts().ends - before.ends).toBe(0);
  });

  it("starts no worker after a sound base too large to keep until the base is built", async () => {
    await checkInWorker(FIXTURE_DIR);
    const before = checkCounts();
    expect((await checkInWorker(FIXTURE_DIR, CHECK_TIMEOUT_MS, 1)).ok).toBe(true);
    expect(checkCounts().spares - before.spares).toBe(0);
    // The caller, done building the base, has the next check's worker started.
    readySpare();
    readySpare();
    expect(checkCounts().spares - before.spares).toBe(1);
    await checkInWorker(FIXTURE_DIR);
    expect(checkCounts().fromSpare - before.fromSpare).toBe(2);
  });

  it("never keeps a worker that found problems: its memory goes with it", async () => {
    const dir = fixtureCopy();
    edit(dir, NUNL, "kind: reported", "kind: rumour");
    await checkInWorker(FIXTURE_DIR);
    const before = checkCounts();
    expect((await checkInWorker(dir)).ok).toBe(false);
    const after = checkCounts();
    expect(after.kept - before.kept).toBe(0);
    expect(after.spares - before.spares).toBe(1);
    // The fresh spare checks the next base as any worker would.
    expect((await checkInWorker(FIXTURE_DIR)).ok).toBe(true);
  });

  it("lets a process end while its spare worker waits", () => {
    const script = [
      'import { checkInWorker } from "./src/knowledge/check-off-thread.ts";',
      `const v = await checkInWorker(${JSON.stringify(FIXTURE_DIR)});`,
      'console.log(v.ok ? "checked" : "refused");',
    ].join("\n");
    // Without the spare unreferenced, this process would never end (and the test time out).
    const out = execFileSync("npx", ["tsx", "--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(out.trim()).toBe("checked");
  }, 70_000);

  it("lowers the priority of the worker's thread only, never the bot's", async () => {
    const before = getPriority();
    await checkInWorker(FIXTURE_DIR);
    expect(getPriority()).toBe(before);
  });

  it("loads on this thread only what the worker found sound", async () => {
    const dir = fixtureCopy();
    mkfifo(join(dir, "facts", "pipe.yaml"));
    const loaded = await loadCheckedOffThread(dir);
    expect(!loaded.ok && loaded.problems.map((p) => p.file)).toEqual(["facts/pipe.yaml"]);
    unlinkSync(join(dir, "facts", "pipe.yaml"));
    expect((await loadCheckedOffThread(dir)).ok).toBe(true);
  });
});
