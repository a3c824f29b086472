/** `/sources`: the articles Receipts answers from. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import type { CommandContext } from "../src/bot/command.js";
import { renderSources } from "../src/bot/render/pages.js";

export const data = new SlashCommandBuilder()
  .setName("sources")
  .setNameLocalization("nl", "bronnen")
  .setDescription("The articles Receipts answers from: publisher, language, date, what each covers")
  .setDescriptionLocalization(
    "nl",
    "De artikelen waaruit Receipts antwoordt: uitgever, taal, datum, inhoud",
  );

export async function execute(
  _interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<void> {
  await ctx.respond.send(renderSources(ctx.store.current.sources, ctx.locale));
}
