/**
 * Who may reload the fact base: members with Manage Server (Administrator implies it), members
 * with a configured admin role, and configured admin users. `/reload` is also hidden from others
 * by its default member permissions; this check is the one that counts.
 */
import { PermissionFlagsBits, type PermissionsBitField } from "discord.js";
import type { BotConfig } from "./config.js";

export interface Caller {
  readonly userId: string;
  /** The member's permissions in the channel; null outside a server. */
  readonly permissions: Readonly<PermissionsBitField> | null;
  readonly roleIds: readonly string[];
}

export function isAdmin(
  caller: Caller,
  config: Pick<BotConfig, "adminRoleIds" | "adminUserIds">,
): boolean {
  if (config.adminUserIds.includes(caller.userId)) return true;
  if (caller.roleIds.some((id) => config.adminRoleIds.includes(id))) return true;
  return caller.permissions?.has(PermissionFlagsBits.ManageGuild, true) ?? false;
}

/** Role ids of an interaction's member, cached (GuildMember) or raw (API member). */
export function roleIdsOf(member: unknown): string[] {
  if (!member || typeof member !== "object" || !("roles" in member)) return [];
  const roles = member.roles;
  if (Array.isArray(roles)) return roles.filter((r): r is string => typeof r === "string");
  if (roles && typeof roles === "object" && "cache" in roles) {
    const cache = roles.cache;
    if (cache instanceof Map) return [...cache.keys()].map(String);
  }
  return [];
}
