/**
 * The shipped fact base in knowledge/ loads with no problems and covers the story: every
 * organization issue 2 names exists with its facts, and every partner has its own response or is
 * marked as having none.
 */
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { formatProblem } from "../../src/knowledge/problem.js";
import type { KnowledgeBase, Organization } from "../../src/knowledge/schema.js";

const KNOWLEDGE_DIR = fileURLToPath(new URL("../../knowledge", import.meta.url));

let kb: KnowledgeBase;
beforeAll(async () => {
  const loaded = await loadKnowledge(KNOWLEDGE_DIR);
  if (!loaded.ok) throw new Error(`knowledge/:\n${loaded.problems.map(formatProblem).join("\n")}`);
  kb = loaded.kb;
});

/** The organization a name or alias stands for, as a person would type it. */
function find(name: string): Organization | undefined {
  const wanted = name.toLowerCase();
  return kb.organizations.find((o) =>
    [o.name, ...o.aliases].some((n) => n.toLowerCase() === wanted),
  );
}

// Issue 2: "at least Facebook, Netflix, ... and the unnamed PR firm", with their roles.
const NAMED: readonly [string, Organization["role"]][] = [
  ["Facebook", "platform"],
  ["Netflix", "partner"],
  ["Spotify", "partner"],
  ["Royal Bank of Canada", "partner"],
  ["Apple", "partner"],
  ["Amazon", "partner"],
  ["Microsoft", "partner"],
  ["Sony", "partner"],
  ["Cambridge Analytica", "other"],
  ["The New York Times", "news-outlet"],
  ["CNBC", "news-outlet"],
  ["NU.nl", "news-outlet"],
  ["FTC", "regulator"],
  ["PR firm", "other"],
];

// Issue 2: "aliases users will type (RBC, Royal Bank, Meta and FB for Facebook, NYT, Bing...)".
const ALIASES: readonly [string, string][] = [
  ["RBC", "Royal Bank of Canada"],
  ["Royal Bank", "Royal Bank of Canada"],
  ["Meta", "Facebook"],
  ["FB", "Facebook"],
  ["NYT", "The New York Times"],
  ["Bing", "Microsoft"],
];

describe("the shipped fact base", () => {
  it("has the three articles, one Dutch and two English", () => {
    expect(kb.sources).toHaveLength(3);
    expect(kb.sources.map((s) => s.language).sort()).toEqual(["en", "en", "nl"]);
    for (const s of kb.sources) expect(kb.texts.get(s.id)?.length).toBeGreaterThan(1000);
  });

  it.each(NAMED)("has %s, as %s, with facts about it", (name, role) => {
    const org = find(name);
    expect(org, `no organization named or aliased ${name}`).toBeDefined();
    expect(org?.role).toBe(role);
    expect(kb.facts.filter((f) => org && f.about.includes(org.id)).length).toBeGreaterThan(0);
  });

  it.each(ALIASES)("knows %s as %s", (alias, name) => {
    expect(find(alias)?.name).toBe(find(name)?.name);
  });

  it("has a response spoken by each partner, or marks it as having none in the sources", () => {
    const partners = kb.organizations.filter((o) => o.role === "partner");
    expect(partners.length).toBeGreaterThanOrEqual(7);
    for (const p of partners) {
      const names = [p.name, ...p.aliases].map((n) => n.toLowerCase());
      const own = kb.facts.filter(
        (f) =>
          f.kind === "response" &&
          f.about.includes(p.id) &&
          names.some((n) => f.speaker.toLowerCase().includes(n)),
      );
      expect(own.length > 0 || p.noResponseInSources, `${p.id}: no response`).toBe(true);
      expect(own.length > 0 && p.noResponseInSources, `${p.id}: marked but responds`).toBe(false);
    }
  });

  it("has facts of every kind, and an English translation for every Dutch quote", () => {
    expect(new Set(kb.facts.map((f) => f.kind))).toEqual(
      new Set(["reported", "response", "context"]),
    );
    for (const f of kb.facts.filter((f) => f.language === "nl")) expect(f.translation).toBeTruthy();
  });
});
