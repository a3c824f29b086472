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
import { MAX_DAYS, renderGaps } from "../src/bot/gaps-view.js";
import { type Paging, showFirstPage } from "../src/bot/paging.js";
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
  const days = Math.min(MAX_DAYS, Math.max(1, interaction.options.getInteger("days") ?? 7));
  ctx.respond.ephemeral = true;
  await showFirstPage(ctx, { view: "gaps", days }, gapsPages(interaction, ctx, days));
}

/**
 * The report of the last `days` days to page through (paging.ts), privately; for a command or a
 * ◀ ▶ click alike, after the same checks: refused to members who are not admins.
 */
export function gapsPages(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  ctx: CommandContext,
  days: number,
): Paging {
  const t = questionLogMessages(ctx.locale);
  const caller = {
    userId: interaction.user.id,
    permissions: interaction.memberPermissions,
    roleIds: roleIdsOf(interaction.member),
  };
  const guildId = interaction.guildId;
  if (!guildId || !isAdmin(caller, ctx.config)) {
    ctx.logger.warn("gaps refused: not an admin", { user: interaction.user.id });
    return { refusal: t.gapsNotAdmin };
  }
  const db = ctx.questionLog?.db;
  if (!db) return { refusal: t.gapsOff };
  // What is still queued (the vote just clicked) belongs in the report; a locked file fails fast.
  ctx.questionLog?.flushAll();
  const report = gapsReport(db, ctx.store.current, { guildId, days, now: Date.now() });
  return (page, locale, ids) => renderGaps(report, page, locale, ids);
}
