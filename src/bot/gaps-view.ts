/**
 * The gaps report as one Discord message, a page at a time, paged like every long view
 * (paging.ts: ◀ n/N ▶, the ids and who turns the pages); the report is read again on every
 * page, so a page is never stale.
 */
import type { GapGroup, GapsReport } from "../questionlog/gaps.js";
import { type Locale, messages } from "./i18n.js";
import { questionLogMessages } from "./question-log-messages.js";
import { LIMITS } from "./render/limits.js";
import { clampPage, type PageIds, pageRow, type RenderedPage } from "./render/page-row.js";
import { escapeText, shorten, trimWithNote } from "./render/text.js";

export const GROUPS_PER_PAGE = 5;
export const MAX_DAYS = 90;

/** One page of the report (the page number is clamped to the pages there are). */
export function renderGaps(
  report: GapsReport,
  page: number,
  locale: Locale,
  ids: PageIds,
): RenderedPage {
  const t = questionLogMessages(locale);
  const pages = Math.max(1, Math.ceil(report.groups.length / GROUPS_PER_PAGE));
  const current = clampPage(page, pages);
  const groups = report.groups.slice(current * GROUPS_PER_PAGE, (current + 1) * GROUPS_PER_PAGE);
  const blocks = groups.map((g, i) =>
    trimWithNote(groupBlock(g, current * GROUPS_PER_PAGE + i + 1, locale), 700, "…"),
  );
  const description = [
    t.gapsTotals(report.totals),
    ...(blocks.length > 0 ? blocks : [t.gapsNone]),
  ].join("\n\n");
  const components =
    pages > 1 ? [pageRow(ids, current, pages, messages(locale).pageOf(current + 1, pages))] : [];
  const message = {
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
  return { message, page: current, pages };
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
