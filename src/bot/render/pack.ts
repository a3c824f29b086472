/**
 * Packs embeds into as few messages as Discord allows (10 embeds and 6000 characters each),
 * with the content on the first message and the footer and buttons on the last. Embeds beyond
 * `maxMessages` are dropped and a note says how much was left out.
 */
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from "discord.js";
import { embedLength, LIMITS, type RenderedMessage } from "./limits.js";
import { shorten, trimWithNote } from "./text.js";

export interface PackOptions {
  readonly content?: string;
  /** Footer text for the last embed. */
  readonly footer?: string;
  readonly components?: readonly APIActionRowComponent<APIComponentInMessageActionRow>[];
  readonly maxMessages?: number;
  /** The note for left-out embeds, given how many items (facts) they held. */
  readonly leftOut?: (items: number) => string;
}

/** An embed and how many items (facts, sources) it shows, for the left-out note. */
export interface CountedEmbed {
  readonly embed: APIEmbed;
  readonly items: number;
}

const DEFAULT_MAX_MESSAGES = 10;

export function packEmbeds(
  embeds: readonly CountedEmbed[],
  options: PackOptions = {},
): RenderedMessage[] {
  const footer = options.footer ? shorten(options.footer, 200) : undefined;
  const reserve = footer?.length ?? 0;
  const max = Math.max(1, options.maxMessages ?? DEFAULT_MAX_MESSAGES);
  const pages: CountedEmbed[][] = [];
  let page: CountedEmbed[] = [];
  let size = 0;
  for (const item of embeds) {
    const length = embedLength(item.embed);
    if (
      page.length > 0 &&
      (page.length >= LIMITS.embeds || size + length + reserve > LIMITS.embedsTotal)
    ) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(item);
    size += length;
  }
  if (page.length > 0) pages.push(page);

  const kept = pages.slice(0, max);
  const droppedItems = pages
    .slice(max)
    .flat()
    .reduce((n, e) => n + e.items, 0);
  const note = droppedItems > 0 && options.leftOut ? options.leftOut(droppedItems) : undefined;
  const last = Math.max(0, kept.length - 1);
  const messages: RenderedMessage[] = [];
  for (let i = 0; i <= last; i++) {
    const embeds = (kept[i] ?? []).map((e) => e.embed);
    const tail = embeds[embeds.length - 1];
    if (i === last && tail && footer)
      embeds[embeds.length - 1] = { ...tail, footer: { text: footer } };
    const components = i === last && options.components?.length ? options.components : undefined;
    messages.push({
      ...contentOf(i === 0 ? options.content : undefined, i === last ? note : undefined),
      embeds,
      ...(components ? { components } : {}),
    });
  }
  return messages;
}

function contentOf(content: string | undefined, note: string | undefined): { content?: string } {
  const text = [content, note ? `*${note}*` : ""].filter(Boolean).join("\n");
  return text ? { content: trimWithNote(text, LIMITS.content, "…") } : {};
}
