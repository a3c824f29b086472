// A local stand-in for Discord (REST + gateway) that the real discord.js client runs against.
export type { DiscordError, FieldError } from "./errors.js";
export { EVERYONE_PERMISSIONS, type World, type WorldOptions } from "./fixtures.js";
export { type DropMode, shardForGuild } from "./gateway.js";
export type { InteractionHandle, MessageHandle } from "./handles.js";
export type { InteractionSpec, MessageRef, OptionValue, RawOption } from "./interactions.js";
export { LIMITS } from "./limits.js";
export { type Pings, pingsAnyone } from "./mentions.js";
export {
  type FaultSpec,
  type MessageSpec,
  type StandIn,
  type StandInOptions,
  startStandIn,
} from "./server.js";
export type {
  CallbackAttempt,
  Fault,
  IdentifyRecord,
  InteractionRecord,
  RecordedRequest,
  RegisteredCommand,
  StoredMessage,
} from "./state.js";
