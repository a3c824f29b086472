/**
 * What every paged view renders the same way (/company, "All on X", /gaps; the behaviour is in
 * ../paging.ts): a page with how many there are, and the ◀ n/N ▶ row under it.
 */
import type { APIActionRowComponent, APIComponentInMessageActionRow } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import { button } from "./answer.js";
import type { RenderedMessage } from "./limits.js";

/** Custom ids of the page buttons: the page a button turns to; a disabled button's own id. */
export interface PageIds {
  /** Undefined when no id can be made (the arrow is then disabled). */
  readonly to: (page: number) => string | undefined;
  readonly inert: (slot: "prev" | "page" | "next") => string;
}

/** One page of a view. */
export interface RenderedPage {
  readonly message: RenderedMessage;
  /** The page shown, from 0: a page past the last shows the last. */
  readonly page: number;
  readonly pages: number;
}

/** The page asked for, clamped to the pages there are (at least one). */
export function clampPage(page: number, pages: number): number {
  return Math.max(0, Math.min(Math.max(1, pages) - 1, Math.floor(page)));
}

/** ◀ n/N ▶: the middle one is a disabled label (`label`), and so is an arrow at either end. */
export function pageRow(
  ids: PageIds,
  at: number,
  pages: number,
  label: string,
): APIActionRowComponent<APIComponentInMessageActionRow> {
  const prev = at > 0 ? ids.to(at - 1) : undefined;
  const next = at < pages - 1 ? ids.to(at + 1) : undefined;
  return {
    type: ComponentType.ActionRow,
    components: [
      button(prev ?? ids.inert("prev"), "◀", ButtonStyle.Secondary, !prev),
      button(ids.inert("page"), label, ButtonStyle.Secondary, true),
      button(next ?? ids.inert("next"), "▶", ButtonStyle.Secondary, !next),
    ],
  };
}
