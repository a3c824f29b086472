/**
 * Indexing a large base gives the event loop turns (a bot keeps answering from the old
 * base meanwhile), and the paced path builds exactly what the one-go path builds. How long the
 * turns are is measured by `npm run bench`, not here: timings flake on shared machines.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GeneratedBase, generateBase } from "../../scripts/bench/generate.js";
import { answer } from "../../src/engine/index.js";
import { prepare, prepareAsync } from "../../src/engine/prepare.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { pacer } from "../../src/knowledge/pacer.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { loadQuestionSet } from "../questions/question-set.js";

let base: GeneratedBase;
beforeAll(async () => {
  base = await generateBase(3000, 11);
}, 60_000);
afterAll(async () => {
  await base?.remove();
});

async function load(): Promise<KnowledgeBase> {
  const loaded = await loadKnowledge(base.dir);
  if (!loaded.ok) throw new Error(`generated base rejected: ${loaded.problems[0]?.message}`);
  return loaded.kb;
}

describe("pacer", () => {
  it("asks for a turn only once a slice of work is over", async () => {
    expect(pacer(60_000)()).toBeUndefined();
    const turn = pacer(0)();
    expect(turn).toBeInstanceOf(Promise);
    await turn;
  });
});

describe("loading and indexing a large base", () => {
  it("lets other work run while indexing", async () => {
    const kb = await load();
    let turns = 0;
    const other = setInterval(() => turns++, 0);
    try {
      // Indexing is work for the CPU alone: without its own turns, nothing else would run.
      await prepareAsync(kb);
    } finally {
      clearInterval(other);
    }
    expect(turns).toBeGreaterThanOrEqual(2);
  });

  it("builds with prepareAsync the indexes prepare builds: the same answers to every question", async () => {
    const [paced, whole] = [await load(), await load()];
    await prepareAsync(paced);
    prepare(whole);
    for (const { question } of loadQuestionSet()) {
      expect(answer(question, paced), question).toEqual(answer(question, whole));
    }
  });
});
