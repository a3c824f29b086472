/** `npm run ask` as a user runs it: a real process, text and JSON-lines modes, exit codes. */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { AnswerSchema } from "../../src/engine/index.js";
import { KNOWLEDGE_DIR } from "../engine/knowledge.js";

const ROOT = new URL("../..", import.meta.url).pathname;
// Each test starts one to three processes (tsx compiles on start): seconds each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

function ask(args: string[], input = "") {
  const r = spawnSync("npx", ["tsx", "src/cli/ask.ts", ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const temp = mkdtempSync(join(tmpdir(), "receipts-ask-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A copy of the fact base, changed by `edit(dir)`. */
function knowledgeCopy(name: string, edit: (dir: string) => void): string {
  const dir = join(temp, name);
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  edit(dir);
  return dir;
}

describe("npm run ask (text)", () => {
  it("prints the short answer, the receipts grouped with [n] citations, and one key to the sources", () => {
    const r = ask(["did Spotify read messages?"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Q: did Spotify read messages\?\n\nOur summary; the quotes below are verbatim\n {2}• /,
    );
    expect(r.stdout).toMatch(
      /\nWhat was reported\n[\s\S]*\nWhat Spotify said\n[\s\S]*\nFacebook's position\n/,
    );
    expect(r.stdout).toMatch(/^ {4}Our translation: /m);
    expect(r.stdout).toMatch(/^ {2}Spotify, as reported \[3\]\n {4}> /m);
    expect(r.stdout).toMatch(/\nSources\n {2}\[1\] NU\.nl, Dec\u00a02018\n/);
  });

  it("joins several arguments into one question and declines honestly", () => {
    const r = ask(["did", "Twitter", "read", "DMs?"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Twitter/);
    expect(r.stdout).toMatch(/^Organizations I know about: Facebook, /m);
  });
});

describe("npm run ask -- --json", () => {
  it("writes one valid JSON answer per input line, in order, and nothing else", () => {
    const questions = [
      "did Spotify read messages?",
      "",
      "what's the weather tomorrow?",
      "Heeft Microsoft berichten gelezen?",
    ];
    const r = ask(["--json"], `${questions.join("\n")}\n`);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(questions.length);
    const answers = lines.map((l) => AnswerSchema.parse(JSON.parse(l)));
    expect(answers.map((a) => a.question)).toEqual(questions);
    expect(answers.map((a) => a.answered)).toEqual([true, false, false, true]);
    expect(answers[0]?.companies[0]?.id).toBe("spotify");
    expect(answers[3]?.companies[0]?.id).toBe("microsoft");
  });

  it("ends a line only at \\n or \\r\\n: a lone \\r stays inside the question", () => {
    const r = ask(["--json"], "did Spotify\rread messages?\r\nwhat about Netflix?\r\nlast\rone");
    expect(r.code, r.stderr).toBe(0);
    const answers = r.stdout
      .trimEnd()
      .split("\n")
      .map((l) => AnswerSchema.parse(JSON.parse(l)));
    expect(answers).toHaveLength(3);
    expect(answers[0]?.question).toMatch(/^did Spotify\s?read messages\?$/);
    expect(answers[0]?.companies[0]?.id).toBe("spotify");
    expect(answers[1]?.question).toBe("what about Netflix?");
    expect(answers[2]?.question).toMatch(/^last\s?one$/);
  });

  it("prints only JSON lines under npm run --silent", () => {
    const r = spawnSync("npm", ["run", "--silent", "ask", "--", "--json"], {
      cwd: ROOT,
      input: "did RBC read messages\ncompare Netflix and Spotify",
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(() => AnswerSchema.parse(JSON.parse(l))).not.toThrow();
  });
});

describe("--knowledge", () => {
  it("answers from another fact base in both modes", () => {
    // The copy knows Spotify by one more alias, which the project's base does not have.
    const dir = knowledgeCopy("alias", (d) => {
      const file = join(d, "organizations.yaml");
      const text = readFileSync(file, "utf8").replace(
        /^(- id: spotify\n {2}name: Spotify\n {2}aliases: \[)/m,
        "$1Zwoosh, ",
      );
      expect(text).toContain("Zwoosh");
      writeFileSync(file, text);
    });
    const question = "did Zwoosh read messages?";
    expect(JSON.parse(ask(["--json"], `${question}\n`).stdout).answered).toBe(false);
    expect(ask(["--knowledge", dir, question]).stdout).toMatch(/^What Spotify said$/m);
    const json = ask(["--json", "--knowledge", dir], `${question}\n`);
    expect(JSON.parse(json.stdout).companies[0].id).toBe("spotify");
    // Four CLI processes in a row: on a loaded machine each start takes seconds.
  }, 60_000);

  it("via npm run, takes a folder relative to where it was typed", () => {
    // From tests/, "fixtures/knowledge" is the small fixture base; from the project root it
    // does not exist.
    const r = spawnSync(
      "npm",
      ["run", "--silent", "ask", "--", "--json", "--knowledge", "fixtures/knowledge"],
      { cwd: join(ROOT, "tests"), input: "did Netflix read messages?\n", encoding: "utf8" },
    );
    expect(r.status, r.stderr).toBe(0);
    const answer = AnswerSchema.parse(JSON.parse(r.stdout));
    expect(answer.companies[0]?.id).toBe("netflix");
    // A fact only the fixture base has.
    expect(answer.companies[0]?.facts.map((f) => f.id)).toContain("nunl-read-chats");
  });

  it("a relative folder that is not there is named as the user gave it, resolved from their folder", () => {
    const r = spawnSync("npm", ["run", "--silent", "ask", "--", "--knowledge", "nowhere", "hi"], {
      cwd: join(ROOT, "tests"),
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(join(ROOT, "tests", "nowhere"));
  });

  it("lists the problems of a broken fact base on stderr and exits 1", () => {
    const dir = knowledgeCopy("broken", (d) => {
      const file = join(d, "facts", "nunl-facebook-chats.yaml");
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace(/^ {2}kind: reported$/m, "  kind: rumour"),
      );
    });
    const r = ask(["--json", "--knowledge", dir], "did Spotify read messages?\n");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/facts\/nunl-facebook-chats\.yaml:\d+ \[\d+\]\.kind/);
  });
});

describe("a fact base holding a named pipe", () => {
  it("is refused by name, without hanging, with exit 1", () => {
    const dir = knowledgeCopy("pipe", (d) =>
      execFileSync("mkfifo", [join(d, "facts", "pipe.yaml")]),
    );
    const r = ask(["--knowledge", dir, "did Spotify read messages?"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/facts\/pipe\.yaml: is not a regular file \(it is a named pipe\)/);
  });
});

describe("hostile input and output", () => {
  it("strips terminal escapes from the question it prints", () => {
    const r = ask(["did \u001b]0;owned\u0007Spotify read \u001b[2Jmessages?\u009b31m"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Q: did .*Spotify read .*messages\?/);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escapes that must not get out
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
  });

  it("exits 0 quietly when its reader goes away, like `| head -n 3`", async () => {
    const child = spawn("npx", ["tsx", "src/cli/ask.ts", "--json"], {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    // Far more questions than it answers before the reader is gone.
    child.stdin.on("error", () => undefined);
    child.stdin.end("did Spotify read messages?\n".repeat(20_000));
    let lines = 0;
    let buffered = "";
    await new Promise<void>((resolve) => {
      child.stdout.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        lines = buffered.split("\n").length - 1;
        if (lines >= 3) {
          child.stdout.destroy();
          resolve();
        }
      });
    });
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
    expect(lines).toBeGreaterThanOrEqual(3);
  });
});

describe("usage errors", () => {
  it.each([[["--bogus"]], [[]], [["--knowledge"]]])(
    "exits 2 with usage on stderr for %j",
    (args) => {
      const r = ask(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/Usage:/);
    },
  );
});
