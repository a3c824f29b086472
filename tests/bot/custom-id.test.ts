import { describe, expect, it } from "vitest";
import { buildCustomId, parseCustomId } from "../../src/bot/custom-id.js";

describe("button custom ids", () => {
  it("round-trips every action", () => {
    for (const action of [
      { kind: "sources" },
      { kind: "company", id: "royal-bank-of-canada" },
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
