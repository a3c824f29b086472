// The stand-in's world: one application (the bot), one guild with roles, channels and members.
// Shapes follow Discord's API v10 objects closely enough for discord.js 14 to cache them.
import {
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type ChannelFlags,
  ChannelType,
  type GuildMemberFlags,
  OverwriteType,
  PermissionFlagsBits,
  type RoleFlags,
  type UserFlags,
} from "discord.js";

// Bit fields typed as enums by discord-api-types; no bit set.
const NO_USER_FLAGS = 0 as UserFlags;
const NO_ROLE_FLAGS = 0 as RoleFlags;
const NO_CHANNEL_FLAGS = 0 as ChannelFlags;
const NO_MEMBER_FLAGS = 0 as GuildMemberFlags;

const DISCORD_EPOCH = 1_420_070_400_000n;

/** Stand-ins made so far in this process: each gets its own worker bits, as Discord's do. */
let factories = 0;

/**
 * Time-ordered snowflakes (19 digits today), strictly increasing within one stand-in. Two
 * stand-ins started in the same millisecond must not hand out the same guild id: the worker bits
 * (12 to 21, as in Discord's snowflakes) tell them apart.
 */
export function snowflakeFactory(): () => string {
  const worker = BigInt(factories++ % 1024) << 12n;
  let last = 0n;
  return () => {
    const fromClock = ((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | worker;
    last = fromClock > last ? fromClock : last + 1n;
    return last.toString();
  };
}

/** Decimal string of a permission set, as Discord sends it. */
export function permissionString(bits: bigint): string {
  return bits.toString();
}

const P = PermissionFlagsBits;
/** What @everyone may do in the stand-in's guild: read, write, use application commands. */
export const EVERYONE_PERMISSIONS =
  P.ViewChannel |
  P.SendMessages |
  P.ReadMessageHistory |
  P.EmbedLinks |
  P.AttachFiles |
  P.AddReactions |
  P.UseApplicationCommands;
/** The bot may mention @everyone, so a message without allowed_mentions would really ping. */
export const BOT_PERMISSIONS = EVERYONE_PERMISSIONS | P.MentionEveryone;
export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((a, b) => a | b, 0n);

export interface MemberRecord {
  user: APIUser;
  roleIds: string[];
  joinedAt: string;
}

export interface World {
  application: { id: string; name: string; flags: number };
  bot: APIUser;
  guild: { id: string; name: string; ownerId: string; locale: string };
  roles: { everyone: APIRole; admin: APIRole; bot: APIRole };
  channels: { general: APITextChannel; other: APITextChannel };
  users: {
    /** An ordinary member without special permissions. */
    member: APIUser;
    /** Has the admin role (Manage Server), is not the owner. */
    admin: APIUser;
    /** Owns the guild, so holds every permission. */
    owner: APIUser;
    /** Another bot in the guild, for "messages from bots are ignored". */
    otherBot: APIUser;
  };
  /** Guild members by user id, the bot included. */
  members: Map<string, MemberRecord>;
}

export interface WorldOptions {
  botName?: string;
  guildName?: string;
  guildLocale?: string;
}

export function makeUser(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: "0",
    global_name: bot ? null : username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
    public_flags: NO_USER_FLAGS,
  };
}

function makeRole(
  id: string,
  name: string,
  position: number,
  permissions: bigint,
  extra: Partial<APIRole> = {},
): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissionString(permissions),
    managed: false,
    mentionable: false,
    flags: NO_ROLE_FLAGS,
    ...extra,
  };
}

function makeTextChannel(id: string, guildId: string, name: string, position: number) {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    parent_id: null,
    rate_limit_per_user: 0,
    flags: NO_CHANNEL_FLAGS,
  } satisfies APITextChannel;
}

export function createWorld(next: () => string, options: WorldOptions = {}): World {
  const botId = next();
  const guildId = next();
  const bot = makeUser(botId, options.botName ?? "Receipts", true);
  const owner = makeUser(next(), "olivia_owner");
  const admin = makeUser(next(), "ada_admin");
  const member = makeUser(next(), "mel_member");
  const otherBot = makeUser(next(), "other_bot", true);
  const roles = {
    everyone: makeRole(guildId, "@everyone", 0, EVERYONE_PERMISSIONS),
    admin: makeRole(next(), "Admins", 2, EVERYONE_PERMISSIONS | P.ManageGuild, {
      mentionable: true,
    }),
    bot: makeRole(next(), bot.username, 1, BOT_PERMISSIONS, {
      managed: true,
      tags: { bot_id: botId },
    }),
  };
  const joinedAt = new Date().toISOString();
  const members = new Map<string, MemberRecord>();
  for (const [user, roleIds] of [
    [bot, [roles.bot.id]],
    [owner, []],
    [admin, [roles.admin.id]],
    [member, []],
    [otherBot, []],
  ] as const) {
    members.set(user.id, { user, roleIds: [...roleIds], joinedAt });
  }
  return {
    application: { id: botId, name: bot.username, flags: 0 },
    bot,
    guild: {
      id: guildId,
      name: options.guildName ?? "Stand-in Server",
      ownerId: owner.id,
      locale: options.guildLocale ?? "en-US",
    },
    roles,
    channels: {
      general: makeTextChannel(next(), guildId, "general", 0),
      other: makeTextChannel(next(), guildId, "other", 1),
    },
    users: { member, admin, owner, otherBot },
    members,
  };
}

/** Adds a guild member (for example one of many users in a load test) and returns the user. */
export function addMember(
  world: World,
  next: () => string,
  username: string,
  options: { roleIds?: string[]; bot?: boolean } = {},
): APIUser {
  const user = makeUser(next(), username, options.bot ?? false);
  world.members.set(user.id, {
    user,
    roleIds: options.roleIds ?? [],
    joinedAt: new Date().toISOString(),
  });
  return user;
}

export function allRoles(world: World): APIRole[] {
  return [world.roles.everyone, world.roles.admin, world.roles.bot];
}

export function allChannels(world: World): APITextChannel[] {
  return [world.channels.general, world.channels.other];
}

export function findChannel(world: World, id: string): APITextChannel | undefined {
  return allChannels(world).find((channel) => channel.id === id);
}

/** Guild-level permissions of a user: the owner and Administrator hold everything. */
export function permissionsOf(world: World, userId: string): bigint {
  if (userId === world.guild.ownerId) return ALL_PERMISSIONS;
  const roleIds = world.members.get(userId)?.roleIds ?? [];
  let bits = BigInt(world.roles.everyone.permissions);
  for (const role of allRoles(world)) {
    if (roleIds.includes(role.id)) bits |= BigInt(role.permissions);
  }
  return bits & P.Administrator ? ALL_PERMISSIONS : bits;
}

/**
 * A user's permissions in a channel, as Discord works them out: the guild-level permissions, then
 * the channel's overwrites for @everyone, then those of the user's roles together, then the
 * user's own (each: deny, then allow). The owner and Administrator are not affected.
 */
export function channelPermissionsOf(
  world: World,
  userId: string,
  channel: APITextChannel,
): bigint {
  let bits = permissionsOf(world, userId);
  if (bits === ALL_PERMISSIONS) return bits;
  const overwrites = channel.permission_overwrites ?? [];
  const apply = (deny: bigint, allow: bigint) => {
    bits = (bits & ~deny) | allow;
  };
  const everyone = overwrites.find((o) => o.id === world.guild.id);
  if (everyone) apply(BigInt(everyone.deny), BigInt(everyone.allow));
  const roleIds = world.members.get(userId)?.roleIds ?? [];
  let deny = 0n;
  let allow = 0n;
  for (const o of overwrites) {
    if (o.type === OverwriteType.Role && o.id !== world.guild.id && roleIds.includes(o.id)) {
      deny |= BigInt(o.deny);
      allow |= BigInt(o.allow);
    }
  }
  apply(deny, allow);
  const own = overwrites.find((o) => o.type === OverwriteType.Member && o.id === userId);
  if (own) apply(BigInt(own.deny), BigInt(own.allow));
  return bits;
}

export function memberPayload(world: World, user: APIUser): APIGuildMember {
  const record = world.members.get(user.id);
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: record?.roleIds ?? [],
    joined_at: record?.joinedAt ?? new Date().toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: NO_MEMBER_FLAGS,
    pending: false,
    communication_disabled_until: null,
  };
}

/** The member object an interaction carries: the member plus their permissions in the channel. */
export function interactionMember(world: World, user: APIUser): APIInteractionGuildMember {
  return {
    ...memberPayload(world, user),
    user,
    permissions: permissionString(permissionsOf(world, user.id)),
  };
}

/** GUILD_CREATE as Discord sends it after READY: roles, channels and members (the bot's own included). */
export function guildCreatePayload(world: World) {
  const members = [...world.members.values()].map((record) => memberPayload(world, record.user));
  return {
    id: world.guild.id,
    name: world.guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: world.guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: allRoles(world),
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: world.channels.general.id,
    system_channel_flags: 0,
    rules_channel_id: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: world.guild.locale,
    public_updates_channel_id: null,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: members.find((m) => m.user.id === world.bot.id)?.joined_at,
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members,
    channels: allChannels(world),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
