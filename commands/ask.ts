/** `/ask question:<text> [private:<boolean>]`: the engine's answer, with quotes and sources. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from "discord.js";
import { askedView } from "../src/bot/asked.js";
import type { CommandContext } from "../src/bot/command.js";

export const data = new SlashCommandBuilder()
  .setName("ask")
  .setNameLocalization("nl", "vraag")
  .setDescription("Ask about Facebook's 2018 data-sharing story; get verbatim, cited quotes")
  .setDescriptionLocalization(
    "nl",
    "Vraag naar het Facebook-dataverhaal uit 2018; krijg letterlijke citaten met bron",
  )
  .addStringOption((o) =>
    o
      .setName("question")
      .setNameLocalization("nl", "vraag")
      .setDescription("Your question, for example: did Spotify read messages?")
      .setDescriptionLocalization("nl", "Je vraag, bijvoorbeeld: las Spotify berichten?")
      .setRequired(true),
  )
  .addBooleanOption((o) =>
    o
      .setName("private")
      .setNameLocalization("nl", "privé")
      .setDescription("Show the answer to you alone")
      .setDescriptionLocalization("nl", "Toon het antwoord alleen aan jou"),
  );

export const cooldown = true;

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<void> {
  const question = interaction.options.getString("question", true);
  ctx.respond.ephemeral = interaction.options.getBoolean("private") ?? false;
  const asker = {
    via: "slash",
    userId: interaction.user.id,
    guildId: interaction.guildId,
    locale: ctx.locale,
  } as const;
  await ctx.respond.send(askedView(question, ctx, asker));
}
