/**
 * The gaps report as one Discord message, a page at a time, with ◀ n/N ▶ buttons. Its own small
 * paging (custom ids `receipts:v1:gaps:<days>:<page>`, validated like the others) until the
 * shared paging lands; the report is read again on every page, so a page is never stale.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import { z } from "zod";
import type { GapGroup, GapsReport } from "../questionlog/gaps.js";
import type { Locale } from "./i18n.js";
import { questionLogMessages } from "./question-log-messages.js";
import { LIMITS, type RenderedMessage } from "./render/limits.js";
import { escapeText, shorten, trimWithNote } from "./render/text.js";

export const GROUPS_PER_PAGE = 5;
export const MAX_DAYS = 90;
const PREFIX = "receipts:v1:gaps:";

export interface GapsPage {
  readonly days: number;
  readonly page: number;
}

const PageSchema = z.tuple([
  z
    .string()
    .regex(/^\d{1,2}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_DAYS)),
  z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number),
]);

export function gapsPageId(page: GapsPage): string {
  return `${PREFIX}${page.days}:${page.page}`;
}

export function parseGapsPageId(customId: unknown): GapsPage | undefined {
  if (typeof customId !== "string" || customId.length > LIMITS.customId) return undefined;
  if (!customId.startsWith(PREFIX)) return undefined;
  const parsed = PageSchema.safeParse(customId.slice(PREFIX.length).split(":"));
  return parsed.success ? { days: parsed.data[0], page: parsed.data[1] } : undefined;
}

export function isGapsPageId(customId: string): boolean {
  return customId.startsWith(PREFIX);
}

/** One page of the report (the page number is clamped to the pages there are). */
export function renderGaps(report: GapsReport, page: number, locale: Locale): RenderedMessage {
  const t = questionLogMessages(locale);
  const pages = Math.max(1, Math.ceil(report.groups.length / GROUPS_PER_PAGE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const groups = report.groups.slice(current * GROUPS_PER_PAGE, (current + 1) * GROUPS_PER_PAGE);
  const blocks = groups.map((g, i) =>
    trimWithNote(groupBlock(g, current * GROUPS_PER_PAGE + i + 1, locale), 700, "…"),
  );
  const description = [
    t.gapsTotals(report.totals),
    ...(blocks.length > 0 ? blocks : [t.gapsNone]),
  ].join("\n\n");
  const components = pages > 1 ? [navigation(report.days, current, pages)] : [];
  return {
    embeds: [
      {
        title: t.gapsTitle(report.days),
        description: trimWithNote(description, LIMITS.embedDescription, "…"),
        color: 0xe67e22,
        footer: { text: t.gapsPage(current + 1, pages) },
      },
    ],
    components,
  };
}

function groupBlock(g: GapGroup, n: number, locale: Locale): string {
  const t = questionLogMessages(locale);
  const seconds = Math.floor(g.lastAsked / 1000);
  const lines = [
    `**${n}. “${escapeText(shorten(g.question, 200))}”** · ${t.decision[g.decision]}`,
    `${t.gapsGroup({ count: g.count, askers: g.askers, lastAsked: `<t:${seconds}:R>` })} · ${t.gapsVotes(g.up, g.down)}`,
  ];
  if (g.reason) lines.push(`> ${escapeText(shorten(g.reason, 200))}`);
  if (g.otherWordings.length > 0) {
    lines.push(g.otherWordings.map((w) => `“${escapeText(shorten(w, 80))}”`).join(" · "));
  }
  if (g.closestFacts.length > 0) {
    lines.push(`${t.gapsClosest}: ${g.closestFacts.map((id) => `\`${id}\``).join(", ")}`);
  }
  return lines.join("\n");
}

function navigation(
  days: number,
  current: number,
  pages: number,
): APIActionRowComponent<APIButtonComponent> {
  const button = (customId: string, label: string, disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: customId,
    label,
    disabled,
  });
  return {
    type: ComponentType.ActionRow,
    components: [
      button(gapsPageId({ days, page: Math.max(0, current - 1) }), "◀", current === 0),
      // Shown, never clicked: its id only has to be unique in the message.
      button(`${PREFIX}at`, `${current + 1}/${pages}`, true),
      button(
        gapsPageId({ days, page: Math.min(pages - 1, current + 1) }),
        "▶",
        current >= pages - 1,
      ),
    ],
  };
}
