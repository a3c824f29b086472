// The benchmark's generated bases: valid to the real loader, the same for the same seed, and
// leaving the shipped questions their right answers.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GeneratedBase, generateBase } from "../../scripts/bench/generate.js";
import { answer } from "../../src/engine/index.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { formatProblem } from "../../src/knowledge/problem.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { judge, loadQuestionSet } from "../questions/question-set.js";

const SIZE = 1200;
let base: GeneratedBase;
let kb: KnowledgeBase;
let shipped: KnowledgeBase;

beforeAll(async () => {
  base = await generateBase(SIZE, 7);
  const loaded = await loadKnowledge(base.dir);
  if (!loaded.ok) throw new Error(loaded.problems.slice(0, 5).map(formatProblem).join("\n"));
  kb = loaded.kb;
  const own = await loadKnowledge(join(import.meta.dirname, "../../knowledge"));
  if (!own.ok) throw new Error("the shipped base does not load");
  shipped = own.kb;
}, 60_000);

afterAll(async () => {
  await base?.remove();
});

describe("generateBase", () => {
  it("writes a base of the size asked, which the loader accepts whole", () => {
    expect(kb.facts).toHaveLength(SIZE);
    expect(base.generatedFacts).toBe(SIZE - shipped.facts.length);
    expect(kb.organizations.length).toBe(shipped.organizations.length + base.organizations);
    // Every shipped fact is still there, unchanged.
    const ids = new Set(kb.facts.map((f) => f.id));
    expect(shipped.facts.every((f) => ids.has(f.id))).toBe(true);
  });

  it("quotes its own articles verbatim (the loader checked it) and splits facts into files", async () => {
    const generated = kb.facts.filter((f) => f.id.startsWith("gen-"));
    const sample = generated[generated.length - 1];
    const source = kb.sources.find((s) => s.id === sample?.source);
    const text = await readFile(join(base.dir, source?.file ?? "?"), "utf8");
    expect(text).toContain(sample?.quote);
  });

  it("is the same base for the same seed", async () => {
    const again = await generateBase(SIZE, 7);
    try {
      const file = "facts/gen-0001.yaml";
      const [a, b] = await Promise.all([
        readFile(join(base.dir, file), "utf8"),
        readFile(join(again.dir, file), "utf8"),
      ]);
      expect(a).toBe(b);
    } finally {
      await again.remove();
    }
  });

  it("leaves the shipped questions the answers they have on the shipped base", () => {
    const set = loadQuestionSet();
    const right = (k: KnowledgeBase) =>
      set.filter((e) => judge(e, answer(e.question, k)) === undefined).length;
    expect(right(kb)).toBeGreaterThanOrEqual(right(shipped));
  });
});
