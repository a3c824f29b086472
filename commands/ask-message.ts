/** The message context-menu command "Ask Receipts": answers the question in any message. */
import {
  ApplicationCommandType,
  ContextMenuCommandBuilder,
  type MessageContextMenuCommandInteraction,
} from "discord.js";
import type { CommandContext } from "../src/bot/command.js";
import { questionFromText } from "../src/bot/mentions.js";
import { questionView } from "../src/bot/views.js";

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
  await ctx.respond.send(questionView(question, ctx.store.current, ctx.locale));
}
