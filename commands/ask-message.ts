/** The message context-menu command "Ask Receipts": answers the question in any message. */
import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  type MessageContextMenuCommandInteraction,
} from "discord.js";
import { askedView } from "../src/bot/asked.js";
import type { CommandContext } from "../src/bot/command.js";
import { questionFromText } from "../src/bot/mentions.js";

export const data = new ContextMenuCommandBuilder()
  .setName("Ask Receipts")
  .setNameLocalization("nl", "Vraag het Receipts")
  .setType(ApplicationCommandType.Message);

export const cooldown = true;

export async function execute(
  interaction: MessageContextMenuCommandInteraction,
  ctx: CommandContext,
): Promise<void> {
  const question = questionFromText(interaction.targetMessage.content, interaction.client.user.id);
  if (!question) return ctx.respond.notice(ctx.t.noTextInMessage);
  const asker = {
    via: "menu",
    userId: interaction.user.id,
    guildId: interaction.guildId,
    locale: ctx.locale,
  } as const;
  await ctx.respond.send(askedView(question, ctx, asker));
}
