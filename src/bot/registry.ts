/**
 * The command registry: every module in `commands/`, listed once. The bot routes interactions
 * by these names and the deploy script registers exactly these definitions.
 */
import type {
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import * as ask from "../../commands/ask.js";
import * as askMessage from "../../commands/ask-message.js";
import * as company from "../../commands/company.js";
import * as gaps from "../../commands/gaps.js";
import * as help from "../../commands/help.js";
import * as privacy from "../../commands/privacy.js";
import * as reload from "../../commands/reload.js";
import * as sources from "../../commands/sources.js";
import type { MessageMenuCommand, SlashCommand } from "./command.js";

export const slashCommands: readonly SlashCommand[] = [
  ask,
  company,
  sources,
  help,
  reload,
  privacy,
  gaps,
];
export const messageCommands: readonly MessageMenuCommand[] = [askMessage];

const slashByName = new Map(slashCommands.map((c) => [c.data.name, c]));
const messageByName = new Map(messageCommands.map((c) => [c.data.name, c]));

export function findSlashCommand(name: string): SlashCommand | undefined {
  return slashByName.get(name);
}

export function findMessageCommand(name: string): MessageMenuCommand | undefined {
  return messageByName.get(name);
}

/** The JSON bodies the deploy script PUTs: exactly the commands above. */
export function commandDefinitions(): (
  | RESTPostAPIChatInputApplicationCommandsJSONBody
  | RESTPostAPIContextMenuApplicationCommandsJSONBody
)[] {
  return [...slashCommands, ...messageCommands].map((c) => c.data.toJSON());
}
