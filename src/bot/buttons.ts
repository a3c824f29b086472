/**
 * Buttons under answers: "Sources", "All on X (N)" and the page buttons of a company view. The
 * custom id is parsed, never trusted: a stale or forged one (an unknown format, a company no
 * longer in the base, a base changed by /reload) gets a polite private reply. A page turn edits
 * the message for the user who asked for it; anyone else gets a private copy to page through.
 * Everything else a button answers is private, so a click never spams the channel.
 */
import type { ButtonInteraction } from "discord.js";
import { showGaps } from "../../commands/gaps.js";
import { askedView } from "./asked.js";
import type { CommandContext } from "./command.js";
import { type ButtonAction, parseCustomId } from "./custom-id.js";
import { parseGapsPageId } from "./gaps-view.js";
import { LOCALES, type Locale } from "./i18n.js";
import { renderSources } from "./render/pages.js";
import { baseStamp } from "./stamp.js";
import { companyPageView } from "./views.js";
import { executeVote } from "./vote.js";
import { parseVoteId } from "./vote-buttons.js";

export async function executeButton(
  interaction: ButtonInteraction,
  ctx: CommandContext,
): Promise<void> {
  const vote = parseVoteId(interaction.customId);
  if (vote) return executeVote(interaction, ctx, vote);
  const gapsPage = parseGapsPageId(interaction.customId);
  if (gapsPage) return showGaps(interaction, ctx, gapsPage);
  const action = parseCustomId(interaction.customId);
  const kb = ctx.store.current;
  ctx.respond.ephemeral = true;
  if (action?.kind === "sources") return ctx.respond.send(renderSources(kb.sources, ctx.locale));
  if (action?.kind === "page" && action.stamp === baseStamp(kb))
    return turnPage(interaction, action, ctx);
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
    const view = companyPageView(action.id, kb, ctx.locale);
    if (view) return ctx.respond.send([view.message]);
  }
  ctx.logger.info("stale or foreign button", {
    customId: interaction.customId.slice(0, 100),
    user: interaction.user.id,
  });
  await ctx.respond.notice(ctx.t.staleButton);
}

async function turnPage(
  interaction: ButtonInteraction,
  action: Extract<ButtonAction, { kind: "page" }>,
  ctx: CommandContext,
): Promise<void> {
  const presser = interaction.user.id;
  // A private view (no owner) belongs to whoever sees it; a public one only to its asker.
  const turn = !action.open && (action.owner === undefined || action.owner === presser);
  const options = {
    page: action.page,
    skip: action.skip,
    ...(turn && action.owner ? { owner: action.owner } : {}),
  };
  const view = companyPageView(action.id, ctx.store.current, ctx.locale, options);
  // A page no reader's rendering has is forged: the pages depend on the language, so a Dutch
  // member pressing an English asker's last page gets their own last page.
  const exists = (locale: Locale) =>
    (companyPageView(action.id, ctx.store.current, locale, options)?.pages ?? 0) > action.page;
  if (!view || !(action.page < view.pages || LOCALES.some(exists)))
    return ctx.respond.notice(ctx.t.staleButton);
  if (turn) return ctx.respond.update(view.message);
  // "All on X", or someone else's pages: a private copy of their own to page through.
  return ctx.respond.send([view.message], { ephemeral: true });
}
