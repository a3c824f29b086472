import { describe, expect, it } from "vitest";
import { buildCustomId, parseCustomId } from "../../src/bot/custom-id.js";
import { KNOWLEDGE_DIR, load } from "./helpers.js";

describe("button custom ids", () => {
  it("round-trips every action", () => {
    for (const action of [
      { kind: "sources" },
      { kind: "company", id: "royal-bank-of-canada" },
      {
        kind: "page",
        of: { view: "company", id: "royal-bank-of-canada", stamp: "a1b2c3", skip: [0, 35, 36, 54] },
        page: 12,
        owner: "123456789012345678",
      },
      { kind: "page", of: { view: "company", id: "spotify", stamp: "a1b2c3", skip: [] }, page: 0 },
      { kind: "page", of: { view: "gaps", days: 90 }, page: 3 },
      { kind: "page", of: { view: "gaps", days: 1 }, page: 0, owner: "123456789012345678" },
      { kind: "open", of: { view: "company", id: "spotify", stamp: "a1b2c3", skip: [3, 9] } },
      { kind: "inert", slot: "page" },
    ] as const) {
      const id = buildCustomId(action);
      expect(id).toBeDefined();
      expect(id?.length).toBeLessThanOrEqual(100);
      expect(parseCustomId(id)).toEqual(action);
    }
    expect(buildCustomId({ kind: "company", id: "netflix" })).toBe("receipts:v1:company:netflix");
  });

  it.each([
    ["another version", "receipts:v0:company:netflix"],
    ["another bot", "othertool:v1:sources"],
    ["an unknown action", "receipts:v1:delete:everything"],
    ["a missing id", "receipts:v1:company"],
    ["an extra part", "receipts:v1:company:netflix:extra"],
    ["an id with odd characters", "receipts:v1:company:../../etc"],
    ["an upper-case id", "receipts:v1:company:Netflix"],
    ["an empty string", ""],
    ["more than 100 characters", `receipts:v1:company:${"a".repeat(90)}`],
    ["a page that is not a number", "receipts:v1:pg:co:x:-:spotify:a1b2c3:-"],
    ["a negative page", "receipts:v1:pg:co:-1:-:spotify:a1b2c3:-"],
    ["an owner that is not a user id", "receipts:v1:pg:co:1:bob:spotify:a1b2c3:-"],
    ["a view there is not", "receipts:v1:pg:xx:1:-:spotify:a1b2c3:-"],
    ["the page form before views had tags", "receipts:v1:pg:spotify:1:-:a1b2c3:-"],
    ["a company's parts on the gaps view", "receipts:v1:pg:gaps:1:-:spotify:a1b2c3:-"],
    ["no days", "receipts:v1:pg:gaps:1:-:0"],
    ["more days than the report has", "receipts:v1:pg:gaps:1:-:91"],
    ["the gaps page form before the shared paging", "receipts:v1:gaps:7:1"],
    ["a stamp of the wrong length", "receipts:v1:all:spotify:abc:-"],
    ["a skip list of odd characters", "receipts:v1:all:spotify:a1b2c3:1,2"],
  ])("rejects %s", (_what, id) => {
    expect(parseCustomId(id)).toBeUndefined();
  });

  it("rejects what is not a string", () => {
    for (const value of [undefined, null, 42, {}, ["receipts", "v1", "sources"]]) {
      expect(parseCustomId(value)).toBeUndefined();
    }
  });

  it("builds a page id for every organization of the base within Discord's 100 characters", async () => {
    const kb = await load(KNOWLEDGE_DIR);
    // The longest there can be: a 20-digit owner, page 999, ten skipped facts at the end.
    const skip = Array.from({ length: 10 }, (_, i) => kb.facts.length - 1 - i);
    for (const o of kb.organizations) {
      const of = { view: "company", id: o.id, stamp: "a1b2c3", skip } as const;
      const id = buildCustomId({ kind: "page", of, page: 999, owner: "1".repeat(20) });
      expect(id, o.id).toBeDefined();
      expect(buildCustomId({ kind: "open", of }), o.id).toBeDefined();
    }
  });

  it("builds no id it could not parse back", () => {
    expect(buildCustomId({ kind: "company", id: "x".repeat(80) })).toBeUndefined();
    expect(buildCustomId({ kind: "company", id: "Not An Id" })).toBeUndefined();
    const gaps = { view: "gaps", days: 7 } as const;
    expect(buildCustomId({ kind: "page", of: gaps, page: 1000 })).toBeUndefined();
    expect(
      buildCustomId({ kind: "page", of: { view: "gaps", days: 91 }, page: 0 }),
    ).toBeUndefined();
  });
});
