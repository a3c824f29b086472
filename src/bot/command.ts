/**
 * What a command module in `commands/` exports, discord.js-guide style: its `data` (a builder
 * whose JSON the deploy script registers) and its `execute` handler, plus `autocomplete` where it
 * has one and `cooldown` when it answers questions.
 */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import type { QuestionLog } from "../questionlog/question-log.js";
import type { BotConfig } from "./config.js";
import type { Cooldown } from "./cooldown.js";
import type { Locale, Messages } from "./i18n.js";
import type { KnowledgeStore } from "./knowledge-store.js";
import type { Logger } from "./logger.js";
import type { Responder } from "./respond.js";

/** What every handler may use; one set per running bot. */
export interface BotServices {
  readonly store: KnowledgeStore;
  readonly config: BotConfig;
  readonly logger: Logger;
  readonly cooldown: Cooldown;
  /** What was asked and the votes (src/questionlog); absent when QUESTION_LOG=off. */
  readonly questionLog?: QuestionLog | undefined;
}

/** Per interaction: the services, the user's language, and the way to answer. */
export interface CommandContext extends BotServices {
  readonly respond: Responder;
  readonly locale: Locale;
  readonly t: Messages;
}

export interface AutocompleteContext extends BotServices {
  readonly locale: Locale;
}

export interface SlashCommand {
  readonly data: {
    readonly name: string;
    toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody;
  };
  /** Counts towards the per-user cooldown. */
  readonly cooldown?: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: AutocompleteContext): Promise<void>;
}

export interface MessageMenuCommand {
  readonly data: {
    readonly name: string;
    toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody;
  };
  readonly cooldown?: boolean;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: CommandContext): Promise<void>;
}

export type Command = SlashCommand | MessageMenuCommand;
