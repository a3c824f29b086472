/**
 * Buttons under answers: "Sources", "All on X (N)", the clarifications, and the page buttons of
 * the long views (paging.ts: a page turn edits the message for the user who asked for it; anyone
 * else gets a private copy to page through). The custom id is parsed, never trusted: a stale or
 * forged one (an unknown format, a company no longer in the base, a base changed by /reload, a
 * page there is not) gets a polite private reply. Everything else a button answers is private,
 * so a click never spams the channel.
 */
import type { ButtonInteraction } from "discord.js";
import { gapsPages } from "../../commands/gaps.js";
import { askedView } from "./asked.js";
import type { CommandContext } from "./command.js";
import { parseCustomId, type ViewRef } from "./custom-id.js";
import { type Paging, showFirstPage, turnPage } from "./paging.js";
import { renderSources } from "./render/pages.js";
import { baseStamp } from "./stamp.js";
import { companyPages, companyRef } from "./views.js";
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
  if (action?.kind === "page") {
    if (await turnPage(interaction, ctx, action, paging(action.of, interaction, ctx))) return;
  }
  // "All on X": its first page, privately, whoever pressed it.
  if (action?.kind === "open") {
    if (await showFirstPage(ctx, action.of, companyPages(action.of, kb))) return;
  }
  if (action?.kind === "ask" && action.stamp === baseStamp(kb)) {
    const asked = kb.questions.find((q) => q.id === action.id);
    if (asked) {
      const asker = {
        via: "button",
        userId: interaction.user.id,
        guildId: interaction.guildId ?? null,
        locale: ctx.locale,
      } as const;
      return ctx.respond.send(askedView(asked[ctx.locale], ctx, asker));
    }
  }
  if (action?.kind === "company") {
    const of = companyRef(action.id, kb);
    if (await showFirstPage(ctx, of, companyPages(of, kb))) return;
  }
  ctx.logger.info("stale or foreign button", {
    customId: interaction.customId.slice(0, 100),
    user: interaction.user.id,
  });
  await ctx.respond.notice(ctx.t.staleButton);
}

/** The paged view a page button belongs to. */
function paging(of: ViewRef, interaction: ButtonInteraction, ctx: CommandContext): Paging {
  if (of.view === "gaps") return gapsPages(interaction, ctx, of.days);
  return companyPages(of, ctx.store.current);
}
