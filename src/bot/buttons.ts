/**
 * Buttons under answers: "Sources" and "More from <company>". The custom id is parsed, never
 * trusted: a stale or forged one (an unknown format, a company no longer in the base) gets a
 * polite private reply. Answers to buttons are private, so a click never spams the channel.
 */
import type { ButtonInteraction } from "discord.js";
import type { CommandContext } from "./command.js";
import { parseCustomId } from "./custom-id.js";
import { renderSources } from "./render/pages.js";
import { companyView } from "./views.js";
import { executeVote } from "./vote.js";
import { parseVoteId } from "./vote-buttons.js";

export async function executeButton(
  interaction: ButtonInteraction,
  ctx: CommandContext,
): Promise<void> {
  const vote = parseVoteId(interaction.customId);
  if (vote) return executeVote(interaction, ctx, vote);
  const action = parseCustomId(interaction.customId);
  const kb = ctx.store.current;
  ctx.respond.ephemeral = true;
  if (action?.kind === "sources") return ctx.respond.send(renderSources(kb.sources, ctx.locale));
  const view = action?.kind === "company" ? companyView(action.id, kb, ctx.locale) : undefined;
  if (view) return ctx.respond.send(view);
  ctx.logger.info("stale or foreign button", {
    customId: interaction.customId.slice(0, 100),
    user: interaction.user.id,
  });
  await ctx.respond.notice(ctx.t.staleButton);
}
