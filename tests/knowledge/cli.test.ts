/** `npm run knowledge:check`: a summary and exit 0 on a sound base, every problem and exit 1 if not. */
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { edit, FIXTURE_DIR, fixtureCopy } from "./fixture.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

function check(args: string[], cwd = ROOT) {
  const r = spawnSync("npx", ["tsx", join(ROOT, "src/cli/knowledge-check.ts"), ...args], {
    cwd,
    encoding: "utf8",
    // A hang (a named pipe read as a file) fails the test instead of stalling the run.
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each test starts a TypeScript process (tsx), slow on a busy machine.
describe("knowledge:check", { timeout: 60_000 }, () => {
  it("prints a summary of a sound base and exits 0", () => {
    const r = check([FIXTURE_DIR]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("2 sources, 4 organizations, 2 topics, 6 facts");
    expect(r.stdout).toMatch(/Facts per kind:\n {2}reported +1\n {2}response +5\n {2}context +0/);
    expect(r.stdout).toMatch(/^ {2}Netflix \(partner\) +3$/m);
    expect(r.stdout).toMatch(/^ {2}nunl-excerpt \(nl\) +3$/m);
  });

  it("lists the problem of a copy with one quote altered, naming the file, and exits 1", () => {
    const dir = fixtureCopy();
    edit(dir, "facts/nunl.yaml", "berichten gelezen", "berichten gelezen of geschreven");
    const r = check([dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^facts\/nunl\.yaml:\d+ \[2\]\.quote: not found verbatim/m);
  });

  it("lists every problem, one per line", () => {
    const dir = fixtureCopy();
    edit(dir, "facts/nunl.yaml", "kind: reported", "kind: rumour");
    edit(dir, "facts/justifies.yaml", "that it had accessed", "that it never accessed");
    const r = check([dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 problems/);
    expect(r.stderr).toMatch(/^facts\/justifies\.yaml:\d+ \[0\]\.quote: /m);
    expect(r.stderr).toMatch(/^facts\/nunl\.yaml:\d+ \[0\]\.kind: must be one of/m);
  });

  it("checks the project's knowledge/ by default, from any folder", () => {
    const r = check([], join(ROOT, "tests"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${join(ROOT, "knowledge")}: no problems.`);
  });

  it("via npm run, takes a folder relative to where it was typed", () => {
    const r = spawnSync("npm", ["run", "--silent", "knowledge:check", "--", "fixtures/knowledge"], {
      cwd: join(ROOT, "tests"),
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${FIXTURE_DIR}: no problems.`);
  });

  it("refuses a named pipe in the folder by name, without hanging, and exits 1", () => {
    const dir = fixtureCopy();
    execFileSync("mkfifo", [join(dir, "facts", "pipe.yaml")]);
    const r = check([dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^facts\/pipe\.yaml: is not a regular file \(it is a named pipe\)/m);
  });

  it("lists the first 200 problems and counts the rest", () => {
    const dir = fixtureCopy();
    const facts = Array.from(
      { length: 230 },
      (_, i) =>
        `- { id: gen-${i}, about: [spotify], kind: rumour, speaker: Spotify, voice: { who: [spotify], how: statement }, quote: q, source: justifies-excerpt, language: en, summary: s, summaryNl: s, keywords: [k] }`,
    );
    writeFileSync(join(dir, "facts", "many.yaml"), `${facts.join("\n")}\n`);
    const r = check([dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/: 230 problems/);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(202);
    expect(lines.at(-1)).toBe(
      "… and 30 more problems (only the first 200 are listed): fix these and check again",
    );
  });

  it("exits 2 on unexpected arguments", () => {
    const r = check(["a", "b"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage:/);
  });
});
