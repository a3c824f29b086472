/** `/help`: what Receipts is, what it can answer, example questions. Shown to the asker alone. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import type { CommandContext } from "../src/bot/command.js";
import { renderHelp } from "../src/bot/render/pages.js";

export const data = new SlashCommandBuilder()
  .setName("help")
  .setNameLocalization("nl", "hulp")
  .setDescription("What Receipts is, what it can answer, and example questions")
  .setDescriptionLocalization(
    "nl",
    "Wat Receipts is, wat het kan beantwoorden, en voorbeeldvragen",
  );

export async function execute(
  _interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<void> {
  await ctx.respond.send([renderHelp(ctx.store.current, ctx.locale)], { ephemeral: true });
}
