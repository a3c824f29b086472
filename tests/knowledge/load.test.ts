/** The small fixture base loads whole and comes back immutable. */
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { FIXTURE_DIR } from "./fixture.js";

async function fixture(): Promise<KnowledgeBase> {
  const loaded = await loadKnowledge(FIXTURE_DIR);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems, null, 2));
  return loaded.kb;
}

describe("loadKnowledge on a valid base", () => {
  it("returns every source, organization, topic and fact, in file order", async () => {
    const kb = await fixture();
    expect(kb.sources.map((s) => s.id)).toEqual(["nunl-excerpt", "justifies-excerpt"]);
    expect(kb.organizations.map((o) => o.id)).toEqual(["facebook", "netflix", "spotify", "apple"]);
    expect(kb.topics.map((t) => t.id)).toEqual(["private-messages", "consent-login"]);
    // facts/ files are read in name order: justifies.yaml, then nunl.yaml.
    expect(kb.facts.map((f) => f.id)).toEqual([
      "justifies-spotify-admitted",
      "justifies-common-in-industry",
      "justifies-features-shut-down",
      "nunl-read-chats",
      "nunl-facebook-denies",
      "nunl-netflix-never-read",
    ]);
  });

  it("keeps each article's text as it is on disk, by source id", async () => {
    const kb = await fixture();
    expect(kb.texts.get("justifies-excerpt")).toContain("Apple’s Mail app.”");
    expect(kb.texts.get("nunl-excerpt")).toMatch(/^Sociaal netwerk Facebook/);
  });

  it("applies the schema's defaults", async () => {
    const kb = await fixture();
    expect(kb.organizations.find((o) => o.id === "netflix")?.noResponseInSources).toBe(false);
  });

  it("is immutable, its Map of texts included", async () => {
    const kb = await fixture();
    const facts = kb.facts as unknown as { id: string }[];
    expect(() => {
      (facts[0] as { id: string }).id = "changed";
    }).toThrow(TypeError);
    expect(() => facts.push({ id: "x" })).toThrow(TypeError);
    const texts = kb.texts as Map<string, string>;
    expect(() => texts.set("x", "y")).toThrow(TypeError);
    expect(() => texts.delete("nunl-excerpt")).toThrow(TypeError);
    expect(texts.size).toBe(2);
  });

  it("gives each load its own base", async () => {
    const [a, b] = await Promise.all([fixture(), fixture()]);
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
  });
});
