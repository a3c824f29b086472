/**
 * Long views paged in one message: /company, "All on X" and /gaps, by one mechanism. A view is
 * shown a page at a time with ◀ n/N ▶ under it (render/page-row.ts); an arrow's custom id
 * (custom-id.ts) names the view, the page it turns to and, on a public view, the member who asked
 * for it. Pressing it edits that message for whoever may turn it (the asker of a public view;
 * anyone who sees a private one); anyone else gets a private copy of that page to page through.
 * A page that no reader's rendering has (a forged id; the pages depend on the language) gets the
 * polite notice, as a view that is gone does.
 */
import type { ButtonInteraction } from "discord.js";
import type { CommandContext } from "./command.js";
import { buildCustomId, type PageAction, type ViewRef } from "./custom-id.js";
import { LOCALES, type Locale } from "./i18n.js";
import type { PageIds, RenderedPage } from "./render/page-row.js";

/**
 * A view ready to be paged for one interaction: its page `page` for a reader of `locale`, with
 * the arrows' ids from `ids`; a page past the last shows the last.
 */
export type Paged = (page: number, locale: Locale, ids: PageIds) => RenderedPage;

/**
 * What a view's maker gives: the view, undefined when it is gone (an organization no longer in
 * the base, a base changed by /reload), or a notice when the presser may not see it.
 */
export type Paging = Paged | { readonly refusal: string } | undefined;

/** The arrows' custom ids of `of`'s pages: turned by `owner` alone (a public view), or anyone. */
export function pageIds(of: ViewRef, owner?: string): PageIds {
  return {
    to: (page) => buildCustomId({ kind: "page", of, page, ...(owner ? { owner } : {}) }),
    inert: (slot) => `receipts:v1:pgx:${slot}`,
  };
}

/**
 * A view's first page as the reply: public with its pages turned by `owner` alone, or, without
 * an owner, private and turned by whoever sees it. False when the view is gone.
 */
export async function showFirstPage(
  ctx: CommandContext,
  of: ViewRef,
  view: Paging,
  owner?: string,
): Promise<boolean> {
  if (!view) return false;
  if (typeof view !== "function") await ctx.respond.notice(view.refusal);
  else {
    const { message } = view(0, ctx.locale, pageIds(of, owner));
    await ctx.respond.send([message], { ephemeral: owner === undefined });
  }
  return true;
}

/**
 * A press on an arrow: the page, in place or as a private copy. False when the view is gone or
 * has no such page, for the caller's notice.
 */
export async function turnPage(
  interaction: ButtonInteraction,
  ctx: CommandContext,
  action: PageAction,
  view: Paging,
): Promise<boolean> {
  if (!view) return false;
  if (typeof view !== "function") {
    await ctx.respond.notice(view.refusal);
    return true;
  }
  const mine = action.owner === undefined || action.owner === interaction.user.id;
  const ids = pageIds(action.of, mine ? action.owner : undefined);
  const shown = view(action.page, ctx.locale, ids);
  const has = (locale: Locale) =>
    (locale === ctx.locale ? shown : view(action.page, locale, ids)).pages > action.page;
  if (!LOCALES.some(has)) return false;
  if (mine) await ctx.respond.update(shown.message);
  else await ctx.respond.send([shown.message], { ephemeral: true });
  return true;
}
