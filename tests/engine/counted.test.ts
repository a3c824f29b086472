/** What a count is of (src/engine/counted.ts), and the answers that rest on it. */
import { beforeAll, describe, expect, it } from "vitest";
import { answer } from "../../src/engine/index.js";
import { type Prepared, prepare } from "../../src/engine/prepare.js";
import { understand } from "../../src/engine/understand.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { projectKnowledge } from "./knowledge.js";

let kb: KnowledgeBase;
let p: Prepared;
beforeAll(async () => {
  kb = await projectKnowledge();
  p = prepare(kb);
});

describe("the thing counted", () => {
  it("is the first word after the count cue that is not a name, a modifier or a stop word", () => {
    expect(understand("how many users had their dms read", p).counted).toBe("users");
    expect(understand("how many ex fb employees did the times talk to", p).counted).toBe(
      "employees",
    );
    // Typo-corrected: "partnres" is "partners".
    expect(understand("how many partnres did facebook work with", p).counted).toBe("partners");
    expect(understand("did facebook share data", p).counted).toBeUndefined();
  });
});

describe("a count held only when a number counts the thing asked", () => {
  it.each([
    "how many users had their messages read",
    "how many accounts were affected by the messaging deals",
  ])("%j: the sources count partners, not that", (q) => {
    expect(answer(q, kb).reason).toMatchObject({ code: "not-in-sources", subject: "count" });
  });

  it.each([
    // The same word, the same kind (companies and partners), the same concept (medewerkers).
    ["how many partners got access to messages", "report-facebook-four-partners-login"],
    ["how many companies did facebook build messaging with", "report-facebook-four-partners-login"],
    ["hoeveel oud-medewerkers sprak de nyt", "nunl-nyt-report-basis"],
    ["how many people did the times talk to", "nunl-nyt-report-basis"],
  ])("%j is answered", (q, fact) => {
    const a = answer(q, kb);
    expect(a.answered, q).toBe(true);
    expect(a.companies.flatMap((c) => c.facts.map((f) => f.id))).toContain(fact);
  });
});
