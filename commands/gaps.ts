/**
 * `/gaps [days]` (admins, as `/reload`): the questions this server's members asked that
 * Receipts declined, asked back on or got 👎 for, grouped, with totals; a page at a time,
 * privately. Only this server's questions: one server's admins never see another's.
 */
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import type { CommandContext } from "../src/bot/command.js";
import { type GapsPage, MAX_DAYS, renderGaps } from "../src/bot/gaps-view.js";
import { isAdmin, roleIdsOf } from "../src/bot/permissions.js";
import { questionLogMessages } from "../src/bot/question-log-messages.js";
import { gapsReport } from "../src/questionlog/gaps.js";

export const data = new SlashCommandBuilder()
  .setName("gaps")
  .setNameLocalization("nl", "hiaten")
  .setDescription("Admins: what members asked that Receipts could not answer well, to improve it")
  .setDescriptionLocalization(
    "nl",
    "Beheerders: wat leden vroegen dat Receipts niet goed kon beantwoorden",
  )
  .addIntegerOption((o) =>
    o
      .setName("days")
      .setNameLocalization("nl", "dagen")
      .setDescription("How many days back (1 to 90; default 7)")
      .setDescriptionLocalization("nl", "Hoeveel dagen terug (1 tot 90; standaard 7)")
      .setMinValue(1)
      .setMaxValue(MAX_DAYS),
  )
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<void> {
  const days = interaction.options.getInteger("days") ?? 7;
  await showGaps(interaction, ctx, { days: Math.min(MAX_DAYS, Math.max(1, days)), page: 0 });
}

/** The first page (a command) or another page (a ◀ ▶ click), after the same checks. */
export async function showGaps(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  ctx: CommandContext,
  page: GapsPage,
): Promise<void> {
  const t = questionLogMessages(ctx.locale);
  ctx.respond.ephemeral = true;
  const caller = {
    userId: interaction.user.id,
    permissions: interaction.memberPermissions,
    roleIds: roleIdsOf(interaction.member),
  };
  const guildId = interaction.guildId;
  if (!guildId || !isAdmin(caller, ctx.config)) {
    ctx.logger.warn("gaps refused: not an admin", { user: interaction.user.id });
    return ctx.respond.notice(t.gapsNotAdmin);
  }
  const db = ctx.questionLog?.db;
  if (!db) return ctx.respond.notice(t.gapsOff);
  // What is still queued (the vote just clicked) belongs in the report; a locked file fails fast.
  ctx.questionLog?.flushAll();
  const report = gapsReport(db, ctx.store.current, { guildId, days: page.days, now: Date.now() });
  const message = renderGaps(report, page.page, ctx.locale);
  if (interaction.isButton()) return ctx.respond.update(message);
  await ctx.respond.send([message]);
}
