/**
 * `/privacy info`: what the question log keeps and for how long. `/privacy forget`: deletes
 * everything kept about the caller (matched by the pseudonym of their user id) and says how
 * much. Both private.
 */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import type { CommandContext } from "../src/bot/command.js";
import { questionLogMessages } from "../src/bot/question-log-messages.js";
import { renderNotice } from "../src/bot/render/pages.js";

export const data = new SlashCommandBuilder()
  .setName("privacy")
  .setNameLocalization("nl", "privacy")
  .setDescription("What Receipts keeps about questions, and erasing yours")
  .setDescriptionLocalization("nl", "Wat Receipts over vragen bewaart, en het jouwe wissen")
  .addSubcommand((s) =>
    s
      .setName("info")
      .setNameLocalization("nl", "info")
      .setDescription("What is kept about the questions you ask, and for how long")
      .setDescriptionLocalization("nl", "Wat er over je vragen bewaard wordt, en hoe lang"),
  )
  .addSubcommand((s) =>
    s
      .setName("forget")
      .setNameLocalization("nl", "vergeet")
      .setDescription("Delete everything kept about your questions and votes, now")
      .setDescriptionLocalization(
        "nl",
        "Verwijder nu alles wat over je vragen en stemmen bewaard is",
      ),
  );

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<void> {
  const t = questionLogMessages(ctx.locale);
  const log = ctx.questionLog;
  ctx.respond.ephemeral = true;
  if (interaction.options.getSubcommand(false) === "forget") {
    if (!log?.available) return ctx.respond.notice(log ? t.privacyUnavailable : t.privacyOff);
    // Deleting goes in small batches and may wait for a lock: acknowledge first.
    await ctx.respond.defer();
    const forgotten = await log.forget(interaction.user.id);
    ctx.logger.info("privacy forget", {
      questions: forgotten?.questions,
      votes: forgotten?.votes,
      ok: forgotten !== undefined,
    });
    const text = forgotten ? t.forgotten(forgotten.questions, forgotten.votes) : t.forgetFailed;
    return ctx.respond.notice(text);
  }
  const text = !log
    ? t.privacyOff
    : log.available
      ? t.privacyKept(log.config.days)
      : t.privacyUnavailable;
  await ctx.respond.send([renderNotice(`**${t.privacyTitle}**\n\n${text}`)]);
}
