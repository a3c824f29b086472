// Builders for the INTERACTION_CREATE payloads a user's actions produce. discord.js needs
// entitlements, authorizing_integration_owners, member.user, channel (its id is read from
// channel.id), application_id = the bot's application id, and a token of [A-Za-z0-9_-].
import { randomBytes } from "node:crypto";
import {
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
} from "discord.js";
import {
  findChannel,
  interactionMember,
  permissionString,
  permissionsOf,
  type World,
} from "./fixtures.js";
import type { InteractionKind } from "./state.js";

export type OptionValue = string | number | boolean;

/** An option exactly as Discord sends it, for what the shorthand cannot say (subcommands, ids). */
export interface RawOption {
  name: string;
  type: number;
  value?: OptionValue;
  focused?: boolean;
  options?: RawOption[];
}

interface Common {
  /** Who acts; default: the world's ordinary member. */
  user?: APIUser;
  /** The user's Discord client language, e.g. "nl" or "en-US" (default). */
  locale?: string;
  /** Default: #general. */
  channelId?: string;
}

export type MessageRef = string | { id: string };

export type InteractionSpec =
  | ({ type: "slash"; name: string; options?: Record<string, OptionValue> | RawOption[] } & Common)
  | ({
      type: "autocomplete";
      name: string;
      /** The option being typed in; its value is sent as the partial string typed so far. */
      focused: string;
      options: Record<string, OptionValue>;
    } & Common)
  | ({ type: "messageMenu"; name: string; target: MessageRef } & Common)
  | ({ type: "userMenu"; name: string; target: APIUser } & Common)
  | ({ type: "button"; customId: string; message: MessageRef } & Common)
  | ({ type: "select"; customId: string; values: string[]; message: MessageRef } & Common);

export interface BuildContext {
  world: World;
  nextId: () => string;
  /** The id Discord gave the command at registration, if it was registered. */
  commandId: (name: string, type: number) => string | undefined;
  /** The API object of a stored message; throws for an unknown id. */
  apiMessage: (ref: MessageRef) => Record<string, unknown>;
}

export interface BuiltInteraction {
  kind: InteractionKind;
  payload: Record<string, unknown>;
}

function optionType(value: OptionValue): number {
  if (typeof value === "boolean") return ApplicationCommandOptionType.Boolean;
  if (typeof value === "string") return ApplicationCommandOptionType.String;
  return Number.isInteger(value)
    ? ApplicationCommandOptionType.Integer
    : ApplicationCommandOptionType.Number;
}

export function toRawOptions(options: Record<string, OptionValue> | RawOption[] = []): RawOption[] {
  if (Array.isArray(options)) return options;
  return Object.entries(options).map(([name, value]) => ({ name, type: optionType(value), value }));
}

export function interactionToken(): string {
  return `aW50ZXJhY3Rpb246${randomBytes(60).toString("base64url")}`;
}

function base(ctx: BuildContext, spec: Common, type: InteractionType) {
  const { world } = ctx;
  const user = spec.user ?? world.users.member;
  const channel = findChannel(world, spec.channelId ?? world.channels.general.id);
  if (!channel) throw new Error(`stand-in: no channel ${spec.channelId} in the world`);
  return {
    id: ctx.nextId(),
    application_id: world.application.id,
    type,
    token: interactionToken(),
    version: 1,
    guild_id: world.guild.id,
    guild: { id: world.guild.id, locale: world.guild.locale, features: [] },
    channel_id: channel.id,
    channel,
    member: interactionMember(world, user),
    locale: spec.locale ?? "en-US",
    guild_locale: world.guild.locale,
    app_permissions: permissionString(permissionsOf(world, world.bot.id)),
    entitlements: [],
    authorizing_integration_owners: { "0": world.guild.id },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

function commandData(ctx: BuildContext, name: string, type: ApplicationCommandType) {
  return {
    id: ctx.commandId(name, type) ?? ctx.nextId(),
    name,
    type,
    guild_id: ctx.world.guild.id,
  };
}

export function buildInteraction(ctx: BuildContext, spec: InteractionSpec): BuiltInteraction {
  switch (spec.type) {
    case "slash":
      return {
        kind: "command",
        payload: {
          ...base(ctx, spec, InteractionType.ApplicationCommand),
          data: {
            ...commandData(ctx, spec.name, ApplicationCommandType.ChatInput),
            options: toRawOptions(spec.options),
          },
        },
      };
    case "autocomplete": {
      const options = toRawOptions(spec.options).map((option) =>
        option.name === spec.focused
          ? {
              ...option,
              type: ApplicationCommandOptionType.String,
              value: String(option.value),
              focused: true,
            }
          : option,
      );
      if (!options.some((o) => o.focused))
        throw new Error(`stand-in: focused option "${spec.focused}" is not among the options`);
      return {
        kind: "autocomplete",
        payload: {
          ...base(ctx, spec, InteractionType.ApplicationCommandAutocomplete),
          data: { ...commandData(ctx, spec.name, ApplicationCommandType.ChatInput), options },
        },
      };
    }
    case "messageMenu": {
      const target = ctx.apiMessage(spec.target);
      return {
        kind: "command",
        payload: {
          ...base(ctx, spec, InteractionType.ApplicationCommand),
          data: {
            ...commandData(ctx, spec.name, ApplicationCommandType.Message),
            target_id: target.id,
            resolved: { messages: { [String(target.id)]: target } },
          },
        },
      };
    }
    case "userMenu": {
      const member = interactionMember(ctx.world, spec.target);
      const { user, permissions: _permissions, ...partialMember } = member;
      return {
        kind: "command",
        payload: {
          ...base(ctx, spec, InteractionType.ApplicationCommand),
          data: {
            ...commandData(ctx, spec.name, ApplicationCommandType.User),
            target_id: spec.target.id,
            resolved: { users: { [user.id]: user }, members: { [user.id]: partialMember } },
          },
        },
      };
    }
    case "button":
    case "select":
      return {
        kind: "component",
        payload: {
          ...base(ctx, spec, InteractionType.MessageComponent),
          message: ctx.apiMessage(spec.message),
          data:
            spec.type === "button"
              ? { custom_id: spec.customId, component_type: ComponentType.Button }
              : {
                  custom_id: spec.customId,
                  component_type: ComponentType.StringSelect,
                  values: spec.values,
                },
        },
      };
  }
}
