/**
 * Routes every interaction to its handler and guards it: the per-user cooldown, a safety-net
 * defer before Discord's 3 seconds run out, and errors turned into a private reply with an error
 * id that is also in the log. Never throws.
 */
import type { AutocompleteInteraction, Interaction, RepliableInteraction } from "discord.js";
import { executeButton } from "./buttons.js";
import { isInteractionGone } from "./channel-access.js";
import type { BotServices, CommandContext } from "./command.js";
import { parseCustomId } from "./custom-id.js";
import { logError } from "./errors.js";
import { localeOf, messages } from "./i18n.js";
import { findMessageCommand, findSlashCommand } from "./registry.js";
import { Responder } from "./respond.js";
import { looksLikeVote } from "./vote-buttons.js";

/** Discord allows 3 s for the first response; defer well before if a handler is slow. */
export const SAFETY_DEFER_MS = 1500;

export async function handleInteraction(
  interaction: Interaction,
  services: BotServices,
): Promise<void> {
  if (interaction.isAutocomplete()) return autocomplete(interaction, services);
  if (interaction.isChatInputCommand()) {
    const command = findSlashCommand(interaction.commandName);
    if (!command) return unknown(interaction, services);
    return guarded(interaction, services, command.cooldown ?? false, (ctx) =>
      command.execute(interaction, ctx),
    );
  }
  if (interaction.isMessageContextMenuCommand()) {
    const command = findMessageCommand(interaction.commandName);
    if (!command) return unknown(interaction, services);
    return guarded(interaction, services, command.cooldown ?? false, (ctx) =>
      command.execute(interaction, ctx),
    );
  }
  if (interaction.isButton()) {
    // A vote right after an answer, or another page of a long view, is not another question.
    const id = interaction.customId;
    const cooldown = !looksLikeVote(id) && parseCustomId(id)?.kind !== "page";
    return guarded(interaction, services, cooldown, (ctx) => executeButton(interaction, ctx));
  }
  services.logger.debug("interaction ignored", { type: interaction.type });
}

/** Runs a handler with the cooldown, the safety-net defer and the error reply. */
async function guarded(
  interaction: RepliableInteraction,
  services: BotServices,
  cooldown: boolean,
  run: (ctx: CommandContext) => Promise<void>,
): Promise<void> {
  const locale = localeOf(interaction.locale);
  const t = messages(locale);
  const respond = new Responder(interaction);
  const ctx: CommandContext = { ...services, respond, locale, t };
  const what = describe(interaction);
  const onError = (error: unknown) =>
    logError(services.logger, "could not respond", error, { what, user: interaction.user.id });

  if (cooldown) {
    const limited = services.cooldown.take(interaction.user.id);
    if (!limited.ok) {
      services.logger.debug("cooldown", { what, user: interaction.user.id });
      await respond.notice(t.cooldown(limited.retryAfterSeconds)).catch(onError);
      return;
    }
  }
  const cancel = respond.deferAfter(SAFETY_DEFER_MS, onError);
  const started = performance.now();
  try {
    await run(ctx);
    if (!respond.delivered) throw new Error(`${what} finished without replying`);
    services.logger.debug("answered", { what, ms: Math.round(performance.now() - started) });
  } catch (error) {
    if (isInteractionGone(error)) {
      // Expired (answered after Discord's 3 s) or gone: a notice would be refused the same way.
      services.logger.warn("interaction not answered: Discord no longer accepts a reply to it", {
        what,
        user: interaction.user.id,
        status: error.status,
        code: error.code,
        reason: error.message,
      });
      return;
    }
    const errorId = logError(services.logger, "handler failed", error, {
      what,
      user: interaction.user.id,
      guild: interaction.guildId ?? undefined,
    });
    await respond.notice(t.error(errorId)).catch(onError);
  } finally {
    cancel();
  }
}

/** Autocomplete cannot be deferred: answer at once, and with no choices rather than fail. */
async function autocomplete(
  interaction: AutocompleteInteraction,
  services: BotServices,
): Promise<void> {
  const command = findSlashCommand(interaction.commandName);
  try {
    if (!command?.autocomplete) {
      await interaction.respond([]);
      return;
    }
    await command.autocomplete(interaction, { ...services, locale: localeOf(interaction.locale) });
  } catch (error) {
    logError(services.logger, "autocomplete failed", error, {
      command: interaction.commandName,
      user: interaction.user.id,
    });
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
  }
}

/** A command Discord still shows but this version does not have (deploy is behind). */
async function unknown(interaction: RepliableInteraction, services: BotServices): Promise<void> {
  services.logger.warn("unknown command: run `npm run deploy`", { what: describe(interaction) });
  const respond = new Responder(interaction);
  await respond
    .notice(messages(localeOf(interaction.locale)).unknownCommand)
    .catch((e: unknown) => {
      logError(services.logger, "could not respond", e, { what: describe(interaction) });
    });
}

function describe(interaction: RepliableInteraction): string {
  if (interaction.isCommand()) return `command ${interaction.commandName}`;
  if (interaction.isButton()) return "button";
  return `interaction type ${interaction.type}`;
}
