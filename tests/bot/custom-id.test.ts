import { describe, expect, it } from "vitest";
import { buildCustomId, parseCustomId } from "../../src/bot/custom-id.js";

describe("button custom ids", () => {
  it("round-trips every action", () => {
    for (const action of [
      { kind: "sources" },
      { kind: "company", id: "royal-bank-of-canada" },
      {
        kind: "page",
        id: "royal-bank-of-canada",
        page: 12,
        owner: "123456789012345678",
        stamp: "a1b2c3",
        skip: [0, 35, 36, 54],
      },
      { kind: "page", id: "spotify", page: 0, stamp: "a1b2c3", skip: [] },
      { kind: "page", id: "spotify", page: 0, stamp: "a1b2c3", skip: [3, 9], open: true },
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
    ["a page that is not a number", "receipts:v1:pg:spotify:x:-:a1b2c3:-"],
    ["an owner that is not a user id", "receipts:v1:pg:spotify:1:bob:a1b2c3:-"],
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

  it("builds no id it could not parse back", () => {
    expect(buildCustomId({ kind: "company", id: "x".repeat(80) })).toBeUndefined();
    expect(buildCustomId({ kind: "company", id: "Not An Id" })).toBeUndefined();
  });
});
