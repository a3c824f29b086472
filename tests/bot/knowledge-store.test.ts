import { execFileSync } from "node:child_process";
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { KnowledgeStore, type Loader } from "../../src/bot/knowledge-store.js";
import { answer } from "../../src/engine/index.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { copyOf, FIXTURE_DIR, load } from "./helpers.js";

async function open(dir: string, loader?: Loader): Promise<KnowledgeStore> {
  const opened = await KnowledgeStore.open(dir, loader);
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  return opened.store;
}

/** Adds a copy of a file's first fact under a new id: a valid change with one fact more. */
function addFact(dir: string, file: string): void {
  const path = join(dir, "facts", file);
  const facts = parse(readFileSync(path, "utf8")) as Record<string, unknown>[];
  const first = facts[0] as Record<string, unknown>;
  writeFileSync(path, stringify([...facts, { ...first, id: `${String(first.id)}-again` }]));
}

describe("knowledge store", () => {
  it("opens a base, or reports its problems", async () => {
    const store = await open(FIXTURE_DIR);
    const kb = await load(FIXTURE_DIR);
    expect(store.counts).toEqual({
      sources: kb.sources.length,
      organizations: kb.organizations.length,
      facts: kb.facts.length,
    });
    const broken = copyOf(FIXTURE_DIR);
    writeFileSync(join(broken, "sources.yaml"), "- id: [unclosed\n");
    const opened = await KnowledgeStore.open(broken);
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.problems.some((p) => p.file === "sources.yaml")).toBe(true);
  });

  it("swaps in a good change and reports the old and new counts", async () => {
    const dir = copyOf(FIXTURE_DIR);
    const store = await open(dir);
    const before = store.current;
    addFact(dir, "nunl.yaml");
    const result = await store.reload();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.after.facts).toBe(result.before.facts + 1);
    expect(store.counts).toEqual(result.after);
    expect(store.current).not.toBe(before);
  });

  it("keeps the old base answering when the new one is broken, and names the file", async () => {
    const dir = copyOf(FIXTURE_DIR);
    const store = await open(dir);
    const before = store.current;
    const question = "what did netflix say?";
    const expected = answer(question, before);
    writeFileSync(join(dir, "facts", "nunl.yaml"), "- id: Not An Id\n  kind: rumour\n");
    const result = await store.reload();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((p) => p.file === "facts/nunl.yaml")).toBe(true);
    expect(result.kept).toEqual(store.counts);
    expect(store.current).toBe(before);
    expect(answer(question, store.current)).toEqual(expected);
  });

  it("turns a loader that throws into a problem, keeping the old base", async () => {
    const kb = await load(FIXTURE_DIR);
    const store = KnowledgeStore.of(kb, async () => {
      throw new Error("EIO: disk on fire");
    });
    const result = await store.reload();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.message).toMatch(/disk on fire/);
    expect(store.current).toBe(kb);
  });

  it("runs reloads one at a time, those asked meanwhile sharing one more", async () => {
    const kb = await load(FIXTURE_DIR);
    const events: string[] = [];
    let calls = 0;
    const loader: Loader = async (dir) => {
      const n = ++calls;
      events.push(`start ${n}`);
      await new Promise((r) => setTimeout(r, 5));
      events.push(`end ${n}`);
      return loadKnowledge(dir);
    };
    const store = KnowledgeStore.of(kb, loader);
    const results = await Promise.all([store.reload(), store.reload(), store.reload()]);
    expect(events).toEqual(["start 1", "end 1", "start 2", "end 2"]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results[2]).toBe(results[1]);
  });

  it("a storm of 20 requests during a reload runs one more reload, and answers all 20", async () => {
    const kb = await load(FIXTURE_DIR);
    let calls = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const store = KnowledgeStore.of(kb, async (dir) => {
      calls++;
      await gate;
      return loadKnowledge(dir);
    });
    const first = store.reload();
    const storm = Array.from({ length: 20 }, () => store.reload());
    release();
    const results = await Promise.all([first, ...storm]);
    expect(calls).toBe(2);
    expect(results).toHaveLength(21);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(storm).size).toBe(20);
    expect(new Set(results.slice(1)).size).toBe(1);
    // Once idle, a request runs a reload of its own again.
    await store.reload();
    expect(calls).toBe(3);
  });

  it("a reload that never finishes is answered as failed at the backstop, and the next one runs", async () => {
    const kb = await load(FIXTURE_DIR);
    let calls = 0;
    const store = KnowledgeStore.of(
      kb,
      (dir) => (++calls === 1 ? new Promise(() => {}) : loadKnowledge(dir)),
      { reloadTimeoutMs: 1000 },
    );
    const stuck = await store.reload();
    expect(stuck.ok).toBe(false);
    expect(!stuck.ok && stuck.problems[0]?.message).toMatch(/did not finish within 1 s/);
    expect(store.current).toBe(kb);
    expect((await store.reload()).ok).toBe(true);
    expect(calls).toBe(2);
  });

  it("a reload abandoned at the backstop does not swap its base in when it ends later", async () => {
    const kb = await load(FIXTURE_DIR);
    let finish: () => void = () => {};
    const late = new Promise<void>((r) => {
      finish = r;
    });
    let loaded = 0;
    const store = KnowledgeStore.of(
      kb,
      async (dir) => {
        await late;
        const result = await loadKnowledge(dir);
        loaded++;
        return result;
      },
      { reloadTimeoutMs: 20 },
    );
    expect((await store.reload()).ok).toBe(false);
    finish();
    await new Promise<void>((resolve) => {
      const poll = () => (loaded > 0 ? resolve() : setTimeout(poll, 5));
      poll();
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(store.current).toBe(kb);
  });

  it("refuses a named pipe at start and on reload, and reloads once it is gone", async () => {
    const dir = copyOf(FIXTURE_DIR);
    const pipe = join(dir, "facts", "pipe.yaml");
    execFileSync("mkfifo", [pipe]);
    const opened = await KnowledgeStore.open(dir);
    expect(!opened.ok && opened.problems.map((p) => p.file)).toEqual(["facts/pipe.yaml"]);
    unlinkSync(pipe);
    const store = await open(dir);
    execFileSync("mkfifo", [pipe]);
    const refused = await store.reload();
    expect(!refused.ok && refused.problems[0]?.message).toMatch(/named pipe/);
    unlinkSync(pipe);
    expect((await store.reload()).ok).toBe(true);
  });

  it("a loader that throws is worded without the server's folder path or a stack", async () => {
    const kb = await load(FIXTURE_DIR);
    const store = KnowledgeStore.of(kb, async (dir) => {
      throw new Error(
        `EACCES: permission denied, open '${dir}/facts/x.yaml'\n    at open (node:fs)`,
      );
    });
    const result = await store.reload();
    if (result.ok) throw new Error("expected a failure");
    expect(result.problems[0]?.message).toBe(
      "cannot load: EACCES: permission denied, open 'the knowledge folder/facts/x.yaml'",
    );
  });

  it("a failed reload does not block the next one", async () => {
    const kb = await load(FIXTURE_DIR);
    let fail = true;
    const store = KnowledgeStore.of(kb, async (dir) => {
      if (fail) throw new Error("transient");
      return loadKnowledge(dir);
    });
    expect((await store.reload()).ok).toBe(false);
    fail = false;
    expect((await store.reload()).ok).toBe(true);
  });

  it("a question reads one base: a reload mid-way never mixes two", async () => {
    const dir = copyOf(FIXTURE_DIR);
    const store = await open(dir);
    const held = store.current;
    addFact(dir, "nunl.yaml");
    await store.reload();
    // The base a handler took before the swap is whole and unchanged.
    expect(Object.isFrozen(held)).toBe(true);
    expect(held.facts.length).toBe(store.current.facts.length - 1);
  });
});
