import { readFileSync, writeFileSync } from "node:fs";
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

  it("runs concurrent reloads one at a time, in order", async () => {
    const kb = await load(FIXTURE_DIR);
    const events: string[] = [];
    let calls = 0;
    const loader: Loader = async (dir) => {
      const n = ++calls;
      events.push(`start ${n}`);
      await new Promise((r) => setTimeout(r, 30 - n * 10));
      events.push(`end ${n}`);
      return loadKnowledge(dir);
    };
    const store = KnowledgeStore.of(kb, loader);
    const results = await Promise.all([store.reload(), store.reload(), store.reload()]);
    expect(events).toEqual(["start 1", "end 1", "start 2", "end 2", "start 3", "end 3"]);
    expect(results.every((r) => r.ok)).toBe(true);
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
