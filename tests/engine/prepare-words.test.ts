/**
 * Indexing looks at each distinct word once (src/engine/prepare.ts `wordMemo`) and relies on two
 * properties of the lexicon's readers to do less work with the same result: a fact holds a kind
 * of information when one of its words gives it (so only those words are passed), and a list with
 * no word that can start a lexicon phrase has none of its concepts (so it is not scanned). These
 * tests keep both properties true, on every fact of the shipped base.
 */
import { describe, expect, it } from "vitest";
import { SHIPPED_DIR } from "../../scripts/bench/generate.js";
import { canonicalWords, kindsHeld } from "../../src/engine/lexicon.js";
import { words, wordsOfParts } from "../../src/engine/normalize.js";
import { prepare } from "../../src/engine/prepare.js";
import { stemIn } from "../../src/engine/stem.js";
import { loadKnowledge } from "../../src/knowledge/load.js";

async function shipped() {
  const loaded = await loadKnowledge(SHIPPED_DIR);
  if (!loaded.ok) throw new Error("the shipped base has problems");
  return loaded.kb;
}

describe("indexing each word once", () => {
  it("gives every fact the kinds it holds by all its words", async () => {
    const kb = await shipped();
    const p = prepare(kb);
    const roleOf = new Map(kb.organizations.map((o) => [o.id, o.role]));
    kb.facts.forEach((fact, i) => {
      const text = [...words(fact.quote), ...wordsOfParts([fact.translation ?? "", fact.speaker])];
      const roles = fact.about.map((id) => roleOf.get(id));
      expect(p.facts[i]?.holds, fact.id).toBe(kindsHeld(text, roles, p.lexicon));
    });
  });

  it("finds no concept in a list none of whose words can start a lexicon phrase", async () => {
    const kb = await shipped();
    const p = prepare(kb);
    const starts = (w: string) =>
      p.lexicon.byFirstStem.has(stemIn(w, "en")) || p.lexicon.byFirstStem.has(stemIn(w, "nl"));
    let lists = 0;
    for (const fact of kb.facts) {
      const all = [...words(fact.quote), ...words(fact.summary), ...wordsOfParts(fact.keywords)];
      // Every run of words between two that can start a phrase, and each word alone.
      const runs: string[][] = [[]];
      for (const w of all) {
        if (starts(w)) runs.push([]);
        else runs[runs.length - 1]?.push(w);
      }
      for (const list of [...runs, ...all.map((w) => [w])]) {
        if (list.some(starts)) continue;
        lists++;
        expect(canonicalWords(list, p.lexicon), list.join(" ")).toEqual([]);
      }
    }
    expect(lists).toBeGreaterThan(100);
  });
});
