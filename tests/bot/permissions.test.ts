import { PermissionFlagsBits, PermissionsBitField } from "discord.js";
import { describe, expect, it } from "vitest";
import { isAdmin, roleIdsOf } from "../../src/bot/permissions.js";

const config = { adminRoleIds: ["300000000000000003"], adminUserIds: ["200000000000000009"] };
const caller = (
  permissions: bigint | null,
  roleIds: string[] = [],
  userId = "200000000000000001",
) => ({
  userId,
  permissions: permissions === null ? null : new PermissionsBitField(permissions),
  roleIds,
});

describe("who may reload", () => {
  it("members with Manage Server", () => {
    expect(isAdmin(caller(PermissionFlagsBits.ManageGuild), config)).toBe(true);
  });

  it("members with Administrator (which implies Manage Server)", () => {
    expect(isAdmin(caller(PermissionFlagsBits.Administrator), config)).toBe(true);
  });

  it("members with a configured admin role", () => {
    expect(isAdmin(caller(0n, ["111111111111111111", "300000000000000003"]), config)).toBe(true);
  });

  it("configured admin users, even outside a server", () => {
    expect(isAdmin(caller(null, [], "200000000000000009"), config)).toBe(true);
  });

  it("not other members, whatever else they may do", () => {
    const busy =
      PermissionFlagsBits.SendMessages |
      PermissionFlagsBits.ManageMessages |
      PermissionFlagsBits.KickMembers;
    expect(isAdmin(caller(busy, ["111111111111111111"]), config)).toBe(false);
    expect(isAdmin(caller(null), config)).toBe(false);
    expect(
      isAdmin(caller(PermissionFlagsBits.ManageGuild), { adminRoleIds: [], adminUserIds: [] }),
    ).toBe(true);
    expect(isAdmin(caller(0n), { adminRoleIds: [], adminUserIds: [] })).toBe(false);
  });

  it("reads role ids from raw and cached members", () => {
    expect(roleIdsOf({ roles: ["1", "2"] })).toEqual(["1", "2"]);
    expect(roleIdsOf({ roles: { cache: new Map([["3", {}]]) } })).toEqual(["3"]);
    expect(roleIdsOf(null)).toEqual([]);
    expect(roleIdsOf({})).toEqual([]);
  });
});
