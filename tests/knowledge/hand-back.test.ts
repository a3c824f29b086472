/**
 * The worker that checks a base for the bot hands the base back as chunks of JSON text
 * (src/knowledge/hand-back.ts) instead of the main thread parsing the YAML again: what the main
 * thread builds from them is the base a direct load gives, frozen as it is, and the chunks' one buffer
 * is moved, not copied. How long it takes is measured by `npm run bench`, not here.
 */
import { MessageChannel } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GeneratedBase, generateBase, SHIPPED_DIR } from "../../scripts/bench/generate.js";
import { answer } from "../../src/engine/index.js";
import { loadCheckedOffThread } from "../../src/knowledge/check-off-thread.js";
import {
  handOver,
  ITEMS_PER_CHUNK,
  takeOver,
  transferList,
} from "../../src/knowledge/hand-back.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { loadQuestionSet } from "../questions/question-set.js";
import { FIXTURE_DIR } from "./fixture.js";

let generated: GeneratedBase;
beforeAll(async () => {
  // Several chunks of facts, and organizations past one chunk.
  generated = await generateBase(3000, 5);
}, 60_000);
afterAll(async () => {
  await generated?.remove();
});

async function direct(dir: string): Promise<KnowledgeBase> {
  const loaded = await loadKnowledge(dir);
  if (!loaded.ok) throw new Error(`rejected: ${loaded.problems[0]?.message}`);
  return loaded.kb;
}

describe("the base handed back by the checking worker", () => {
  it("is the base a direct load gives: the fixture, the shipped base and 3,000 facts", async () => {
    for (const dir of [FIXTURE_DIR, SHIPPED_DIR, generated.dir]) {
      const handed = await loadCheckedOffThread(dir);
      expect(handed.ok, dir).toBe(true);
      if (handed.ok) expect(handed.kb).toStrictEqual(await direct(dir));
    }
  }, 60_000);

  it("is frozen as a direct load is, Maps included", async () => {
    const handed = await loadCheckedOffThread(FIXTURE_DIR);
    if (!handed.ok) throw new Error("fixture rejected");
    const { kb } = handed;
    expect(Object.isFrozen(kb)).toBe(true);
    expect(Object.isFrozen(kb.facts)).toBe(true);
    expect(kb.facts.every((f) => Object.isFrozen(f) && Object.isFrozen(f.about))).toBe(true);
    expect(kb.organizations.every((o) => Object.isFrozen(o) && Object.isFrozen(o.aliases))).toBe(
      true,
    );
    expect(() => (kb.texts as Map<string, string>).set("x", "y")).toThrow(/read-only/);
  });

  it("answers every question as the base loaded directly does", async () => {
    const handed = await loadCheckedOffThread(SHIPPED_DIR);
    if (!handed.ok) throw new Error("shipped base rejected");
    const kb = await direct(SHIPPED_DIR);
    for (const { question } of loadQuestionSet()) {
      expect(answer(question, handed.kb), question).toEqual(answer(question, kb));
    }
  });
});

describe("the values facts repeat", () => {
  it("are one copy: facts with the same list of organizations or topics share it", async () => {
    const handed = await loadCheckedOffThread(generated.dir);
    if (!handed.ok) throw new Error("generated base rejected");
    const first = new Map<string, readonly string[]>();
    let repeated = 0;
    for (const fact of handed.kb.facts) {
      for (const list of [fact.about, fact.topics]) {
        const key = list.join(",");
        const seen = first.get(key);
        if (seen === undefined) first.set(key, list);
        else {
          expect(list).toBe(seen);
          repeated++;
        }
      }
    }
    // A base of 3,000 facts repeats its lists thousands of times.
    expect(repeated).toBeGreaterThan(1000);
  });
});

describe("chunks", () => {
  it("hold a chunk of items each, and give back the values they were made from", async () => {
    const kb = await direct(generated.dir);
    const handed = handOver(kb);
    expect(handed.chunks.facts).toHaveLength(Math.ceil(kb.facts.length / ITEMS_PER_CHUNK));
    expect(handed.chunks.organizations.length).toBeGreaterThan(1);
    expect(await takeOver(kb.dir, handed)).toStrictEqual(kb);
  });

  it("are in one buffer however many they are (each buffer received may advance a collection)", async () => {
    const kb = await direct(generated.dir);
    const first = kb.facts[0];
    if (!first) throw new Error("no facts");
    // Text beyond ASCII and a lone surrogate: the bytes counted are the bytes the encoder writes.
    const odd = { ...first, summary: "café \ud800 — 日本" };
    const base = { ...kb, facts: [...kb.facts.slice(0, 250), odd] };
    const handed = handOver(base);
    expect(handed.chunks.facts).toHaveLength(3);
    expect(transferList(handed)).toHaveLength(1);
    const back = await takeOver(kb.dir, handed);
    // JSON.stringify writes a lone surrogate as an escape: it comes back as it was.
    expect(back.facts.at(-1)?.summary).toBe(odd.summary);
    expect(back.facts).toHaveLength(251);
  });

  it("are moved to the other thread, not copied", async () => {
    const kb = await direct(FIXTURE_DIR);
    const handed = handOver(kb);
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<typeof handed>((resolve) => port2.once("message", resolve));
    port1.postMessage(handed, transferList(handed));
    const arrived = await received;
    port1.close();
    port2.close();
    // A moved buffer is empty where it was sent from.
    expect(handed.bytes.byteLength).toBe(0);
    expect(await takeOver(kb.dir, arrived)).toStrictEqual(kb);
  });
});
