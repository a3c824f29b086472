/** `/company name:<text>`: everything the base holds on one company; typo-tolerant autocomplete. */
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
} from "discord.js";
import type { AutocompleteContext, CommandContext } from "../src/bot/command.js";
import { showFirstPage } from "../src/bot/paging.js";
import { LIMITS } from "../src/bot/render/limits.js";
import { renderUnknownCompany } from "../src/bot/render/pages.js";
import { shorten } from "../src/bot/render/text.js";
import { companyPages, companyRef, resolveOrganization } from "../src/bot/views.js";
import { suggestOrganizations } from "../src/engine/index.js";

export const data = new SlashCommandBuilder()
  .setName("company")
  .setNameLocalization("nl", "bedrijf")
  .setDescription("Everything the sources report on one company, and its response")
  .setDescriptionLocalization("nl", "Alles wat de bronnen over één bedrijf melden, en de reactie")
  .addStringOption((o) =>
    o
      .setName("name")
      .setNameLocalization("nl", "naam")
      .setDescription("The company, for example Netflix or Royal Bank of Canada")
      .setDescriptionLocalization("nl", "Het bedrijf, bijvoorbeeld Netflix of Royal Bank of Canada")
      .setRequired(true)
      .setAutocomplete(true),
  );

export const cooldown = true;

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<void> {
  const kb = ctx.store.current;
  const name = interaction.options.getString("name", true);
  const org = resolveOrganization(name, kb);
  // Public: only the asker turns its pages (others get a private copy).
  const of = org && companyRef(org.id, kb);
  if (of && (await showFirstPage(ctx, of, companyPages(of, kb), interaction.user.id))) return;
  const known = kb.organizations.filter((o) => o.role === "partner").map((o) => o.name);
  await ctx.respond.send([renderUnknownCompany(name, known, ctx.locale)], { ephemeral: true });
}

/** Ranked, typo-tolerant organization names: at most 25 choices of at most 100 characters. */
export async function autocomplete(
  interaction: AutocompleteInteraction,
  ctx: AutocompleteContext,
): Promise<void> {
  const typed = String(interaction.options.getFocused() ?? "");
  const choices = suggestOrganizations(typed, ctx.store.current, LIMITS.choices)
    .filter((o) => o.id.length <= LIMITS.choiceValue)
    .slice(0, LIMITS.choices)
    .map((o) => ({ name: shorten(o.name, LIMITS.choiceName), value: o.id }));
  await interaction.respond(choices);
}
