/**
 * The checking worker kept between reloads remembers the sound files of its last check
 * (yaml-file.ts): an unchanged file is not parsed again, a changed one always is. Run here on
 * this thread, switched on as the worker switches it on; this test file has its own modules.
 */
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { fileCounts, nextCheck, rememberSoundFiles } from "../../src/knowledge/yaml-file.js";
import { edit, fixtureCopy } from "./fixture.js";

const NUNL = "facts/nunl.yaml";

/** One check as the worker runs it, with the files parsed and reused meanwhile. */
async function checkCounting(dir: string) {
  const before = fileCounts();
  nextCheck();
  const loaded = await loadKnowledge(dir);
  const after = fileCounts();
  return {
    loaded,
    parsed: after.parsed - before.parsed,
    reused: after.reused - before.reused,
  };
}

describe("files remembered between checks", () => {
  it("parses nothing again when no file changed, and the base is the same", async () => {
    rememberSoundFiles();
    const dir = fixtureCopy();
    const first = await checkCounting(dir);
    expect(first.reused).toBe(0);
    expect(first.parsed).toBeGreaterThan(3);
    const second = await checkCounting(dir);
    expect(second.parsed).toBe(0);
    expect(second.reused).toBe(first.parsed);
    expect(second.loaded).toEqual(first.loaded);
  });

  it("parses a changed file again and reports its problems, never a stale result", async () => {
    rememberSoundFiles();
    const dir = fixtureCopy();
    await checkCounting(dir);
    edit(dir, NUNL, "kind: reported", "kind: rumour");
    const changed = await checkCounting(dir);
    expect(changed.parsed).toBe(1);
    expect(changed.loaded.ok).toBe(false);
    // A file with problems is not remembered: fixed or not, it is parsed again next time.
    const again = await checkCounting(dir);
    expect(again.parsed).toBe(1);
    expect(again.loaded.ok).toBe(false);
  });

  it("remembers only what the last check read", async () => {
    rememberSoundFiles();
    const a = fixtureCopy();
    const b = fixtureCopy();
    await checkCounting(a);
    await checkCounting(b);
    // The check of b dropped a's files: a is parsed again in full.
    const back = await checkCounting(a);
    expect(back.reused).toBe(0);
  });
});
