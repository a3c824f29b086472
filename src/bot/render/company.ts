/**
 * Everything on one company as pages of one message: its own statements first, then what was
 * reported, then others' words about it; each page fits one pane, and ◀ n/N ▶ buttons turn them
 * by editing the message. Pure: the answer and a page number in, the page out.
 */
import type { APIActionRowComponent, APIComponentInMessageActionRow } from "discord.js";
import type { Answer } from "../../engine/index.js";
import { type Locale, messages } from "../i18n.js";
import {
  answerEmbed,
  type Block,
  type RenderedGroup,
  renderGroups,
  shortAnswer,
} from "./answer.js";
import { messageHeight, PANE } from "./height.js";
import { LIMITS, type RenderedMessage } from "./limits.js";
import { clampPage, type PageIds, pageRow, type RenderedPage } from "./page-row.js";
import { trimWithNote } from "./text.js";

/** A page's groups: the blocks on it, each under its group's heading. */
type Page = RenderedGroup[];

/**
 * Page `page` (from 0, clamped) of the company view, with `heading` above it. `skip`: fact ids
 * already shown (behind "All on X"), left out.
 */
export function renderCompanyPage(
  answer: Answer,
  locale: Locale,
  page: number,
  ids: PageIds,
  heading: string,
  skip: ReadonlySet<string> = new Set(),
): RenderedPage {
  const t = messages(locale);
  const groups = renderGroups(answer, locale).map((g) => ({
    ...g,
    blocks: g.blocks.filter((b) => b.facts.length === 0 || b.facts.some((id) => !skip.has(id))),
  }));
  const short = skip.size === 0 ? shortAnswer(answer, locale) : "";
  const content = trimWithNote(heading, LIMITS.content, "…");
  const row = (at: number, n: number) => [pageRow(ids, at, n, t.pageOf(at + 1, n))];
  const sample = (p: Page, s: string) => messageWith(answer, locale, p, s, content, row(0, 2));
  const pages = paginate(groups, (p, first) => messageHeight(sample(p, first ? short : "")));
  const n = Math.max(1, pages.length);
  const at = clampPage(page, n);
  const body = pages[at] ?? [];
  const message = messageWith(
    answer,
    locale,
    body,
    at === 0 ? short : "",
    content,
    n > 1 ? row(at, n) : [],
  );
  return { message, page: at, pages: n };
}

/** Blocks in order, a page at a time, each page as full as one pane allows (one block at least). */
function paginate(
  groups: readonly RenderedGroup[],
  height: (p: Page, first: boolean) => number,
): Page[] {
  const pages: Page[] = [];
  let current: Page = [];
  const add = (p: Page, g: RenderedGroup, b: Block): Page => {
    const last = p[p.length - 1];
    if (last && last.heading === g.heading) {
      return [...p.slice(0, -1), { ...last, blocks: [...last.blocks, b] }];
    }
    return [...p, { heading: g.heading, blocks: [b] }];
  };
  for (const g of groups) {
    for (const b of g.blocks) {
      const next = add(current, g, b);
      if (current.length > 0 && height(next, pages.length === 0) > PANE) {
        pages.push(current);
        current = add([], g, b);
      } else {
        current = next;
      }
    }
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

function messageWith(
  answer: Answer,
  locale: Locale,
  page: Page,
  short: string,
  content: string,
  components: APIActionRowComponent<APIComponentInMessageActionRow>[],
): RenderedMessage {
  const t = messages(locale);
  return {
    ...(content ? { content } : {}),
    embeds: [answerEmbed(answer, short, page, t)],
    ...(components.length > 0 ? { components } : {}),
  };
}
