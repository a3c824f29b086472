/**
 * Renders an engine answer as one Discord message: a short answer made of the facts' curated
 * summaries in the reader's language, then the receipts in groups (what was reported, what the
 * company said, the platform's position), each quote verbatim with a numbered citation and a
 * key line of the sources at the end. Only as many quotes as fit one pane are shown; the rest is
 * behind "All on X". Pure: an answer in, a message out, always within Discord's limits.
 */
import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIComponentInMessageActionRow,
  APIEmbed,
} from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import type { Answer } from "../../engine/index.js";
import type { Role } from "../../knowledge/schema.js";
import { wordAnswerMessage } from "../../wording/reasons.js";
import { type Locale, type Messages, messages } from "../i18n.js";
import { BUTTON_ROW, messageHeight, PANE } from "./height.js";
import {
  citedSources,
  groupHeading,
  keyEntry,
  type LaidOutFact,
  layoutGroups,
  shortSummaries,
} from "./layout.js";
import { LIMITS, type RenderedMessage } from "./limits.js";
import { blockQuote, escapeText, shorten, trimWithNote } from "./text.js";

/** A button under an answer: its custom id (already built) and label. */
export interface NavButton {
  readonly customId: string;
  readonly label: string;
}

export interface AnswerRenderOptions {
  /** The first line of the message ("You asked: …"); `false` for none (a mention reply). */
  readonly heading?: string | false;
  /**
   * "All on X (N)" buttons for what the message leaves out, given the fact ids it shows; with
   * Sources, at most 3 are shown. Every row of buttons is one row, whatever they say.
   */
  readonly more?: (shown: readonly string[]) => readonly NavButton[];
  /** A "Sources" button under the answer (default: when anything was answered). */
  readonly sourcesButton?: boolean;
  /** Height the message may take, in pixels (default: one pane). */
  readonly budget?: number;
  /** The custom id of a button that asks a clarification (by its id), if it can have one. */
  readonly askId?: (clarificationId: string) => string | undefined;
}

/** Question text shown back to the asker, at most this long before escaping. */
export const QUESTION_SHOWN = 300;
/** At most this many quote blocks under a short answer, whatever the room. */
const MAX_BLOCKS = 5;
/** Room kept in a block so that it never overflows a description. */
const BLOCK_MAX = 1800;
/** Room left in a pane for the height model's error (see `npm run screenshots`). */
const MARGIN = 24;
/** Clarification buttons, on their own row. */
const MAX_ASK_BUTTONS = 3;
/** Navigation buttons under an answer. */
export const MAX_NAV_BUTTONS = 3;

export const ROLE_COLOR: Record<Role, number> = {
  platform: 0x1877f2,
  partner: 0xe67e22,
  "news-outlet": 0x95a5a6,
  regulator: 0x2ecc71,
  other: 0x9b59b6,
};

/** One heading and its blocks. */
export interface RenderedGroup {
  readonly heading: string;
  readonly blocks: readonly Block[];
  /** A company's own words follow: what was reported shows one block, so they come early. */
  readonly lead?: boolean;
}

/** One fact (or the note that a company gave no response). */
export interface Block {
  /** The speaker and the citation: left out after a block with the same `key`. */
  readonly head?: string;
  readonly body: string;
  /** Speaker, way and source: consecutive quotes with the same key are shown as one. */
  readonly key: string;
  /** Source ids cited in the block. */
  readonly cites: readonly string[];
  /** Fact ids shown in the block. */
  readonly facts: readonly string[];
}

/**
 * A group's blocks as text, an empty line between them (or two quote bars would run into one):
 * a speaker's consecutive quotes from one source under one head.
 */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b, i) => {
      const continues = b.head !== undefined && b.key === blocks[i - 1]?.key;
      const text = continues || !b.head ? b.body : `${b.head}\n${b.body}`;
      return i === 0 ? text : `\n${text}`;
    })
    .join("\n");
}

export function renderAnswer(
  answer: Answer,
  locale: Locale,
  options: AnswerRenderOptions = {},
): RenderedMessage {
  const t = messages(locale);
  const heading =
    options.heading === false
      ? undefined
      : (options.heading ?? questionHeading(answer.question, t));
  const asks = askRow(answer, locale, options.askId);
  if (!answer.answered) return notAnswered(answer, locale, heading, asks);

  const groups = renderGroups(answer, locale);
  const worded = wordAnswerMessage(answer, locale);
  const note = worded ? `**${t.note}:** ${escapeText(worded)}` : undefined;
  const content = [heading, note].filter(Boolean).join("\n");
  // The model is within about 5% of what a browser lays out: aim a little lower than a pane,
  // and keep room for the 👍/👎 row the question log adds under an answer.
  const budget = options.budget ?? PANE - MARGIN - BUTTON_ROW;
  let short = shortAnswer(answer, locale);
  const build = (counts: readonly number[]): RenderedMessage => {
    const shown = groups.map((g, i) => ({ ...g, blocks: g.blocks.slice(0, counts[i] ?? 0) }));
    const ids = shown.flatMap((g) => g.blocks.flatMap((b) => b.facts));
    const buttons = navRow(t, options.sourcesButton ?? true, options.more?.(ids) ?? []);
    return message(content, answerEmbed(answer, short, shown, t), [...buttons, ...asks]);
  };
  // Every group shows its first block. Too tall even so: a two-line short answer, then the
  // last groups' receipts go behind "All on X" (never the first two groups').
  const counts = groups.map((g) => Math.min(1, g.blocks.length));
  if (messageHeight(build(counts)) > budget) short = shortAnswer(answer, locale, 2);
  for (let i = counts.length - 1; i >= 2 && messageHeight(build(counts)) > budget; i--) {
    counts[i] = 0;
  }
  // Then more, group by group in turn, while they fit.
  let total = counts.reduce((a, b) => a + b, 0);
  for (let grew = true; grew && total < MAX_BLOCKS; ) {
    grew = false;
    for (const [i, g] of groups.entries()) {
      const count = counts[i] ?? 0;
      if (total >= MAX_BLOCKS || count === 0 || count >= g.blocks.length || g.lead) continue;
      const next = counts.map((c, j) => (j === i ? c + 1 : c));
      if (messageHeight(build(next)) > budget) continue;
      counts[i] = count + 1;
      total++;
      grew = true;
    }
  }
  return build(counts);
}

function message(
  content: string,
  embed: APIEmbed,
  components: readonly APIActionRowComponent<APIComponentInMessageActionRow>[],
): RenderedMessage {
  return {
    ...(content ? { content: trimWithNote(content, LIMITS.content, "…") } : {}),
    embeds: [embed],
    ...(components.length > 0 ? { components } : {}),
  };
}

/** "You asked: ..." with the question on one line, escaped, shortened with a note if long. */
export function questionHeading(question: string, t: Messages): string {
  const oneLine = question.replace(/\s+/g, " ").trim();
  return `**${t.youAsked}:** ${escapeText(trimWithNote(oneLine, QUESTION_SHOWN, t.questionShortened))}`;
}

function notAnswered(
  answer: Answer,
  locale: Locale,
  heading: string | undefined,
  asks: readonly APIActionRowComponent<APIComponentInMessageActionRow>[],
): RenderedMessage {
  const t = messages(locale);
  const parts = [escapeText(wordAnswerMessage(answer, locale) ?? t.notInSources)];
  // Clarifications are buttons that ask them; listed as text only when no button could be made.
  const suggestions = asks.length > 0 ? [] : answer.clarifications.map((c) => c[locale]);
  if (suggestions.length > 0) {
    parts.push(
      `**${t.suggestionsHeading}**\n${suggestions.map((s) => `• ${escapeText(s)}`).join("\n")}`,
    );
  }
  const covered = answer.suggestions ?? [];
  if (covered.length > 0) {
    parts.push(`**${t.helpCoversHeading}:** ${covered.map(escapeText).join(", ")}`);
  }
  // Right above the buttons that ask them.
  if (asks.length > 0) parts.push(`**${t.suggestionsHeading}**`);
  const description = trimWithNote(parts.join("\n\n"), LIMITS.embedDescription, "…");
  return {
    ...(heading ? { content: trimWithNote(heading, LIMITS.content, "…") } : {}),
    embeds: [{ title: t.notInSources, description, color: 0x747f8d }],
    ...(asks.length > 0 ? { components: [...asks] } : {}),
  };
}

/** The clarifications as buttons that ask them, at most 3, on a row of their own. */
function askRow(
  answer: Answer,
  locale: Locale,
  askId: ((id: string) => string | undefined) | undefined,
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  if (!askId) return [];
  const buttons = answer.clarifications.slice(0, MAX_ASK_BUTTONS).flatMap((c) => {
    const id = askId(c.id);
    return id ? [button(id, c[locale], ButtonStyle.Primary)] : [];
  });
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

/** The embed: title, short answer, the groups shown, the key to the sources cited. */
export function answerEmbed(
  answer: Answer,
  short: string,
  groups: readonly RenderedGroup[],
  t: Messages,
  footer: string = t.answerFooter,
): APIEmbed {
  const parts: string[] = [];
  if (short) parts.push(short);
  for (const g of groups) {
    if (g.blocks.length === 0) continue;
    parts.push(`**${g.heading}**\n${blocksText(g.blocks)}`);
  }
  const cited = citedSources(
    answer,
    groups.flatMap((g) => g.blocks.flatMap((b) => b.cites)),
  );
  // The key to the sources sits in the footer, beside what is ours and what is verbatim.
  const key = cited.map((s) => keyEntry(s, t)).join(" · ");
  const description = trimWithNote(parts.join("\n\n"), LIMITS.embedDescription, "…");
  const first = answer.companies[0];
  return {
    title: shorten(title(answer, t), LIMITS.embedTitle),
    description,
    color: ROLE_COLOR[first?.role ?? "other"],
    footer: { text: shorten(key ? `${key} · ${footer}` : footer, LIMITS.footer) },
  };
}

/** The subjects' names; one subject with its role. */
function title(answer: Answer, t: Messages): string {
  const subjects = [
    ...new Set(answer.groups.filter((g) => g.kind !== "position").map((g) => g.company.id)),
  ];
  const companies = answer.companies.filter((c) => subjects.includes(c.id));
  const only = companies.length === 1 ? companies[0] : undefined;
  if (only) return `${only.name} · ${t.role[only.role]}`;
  return companies.map((c) => c.name).join(", ") || answer.question;
}

/** The curated summaries (at most `max`), in the reader's language, labelled as ours. */
export function shortAnswer(answer: Answer, locale: Locale, max = 3): string {
  const lines = shortSummaries(answer, locale, max).map((s) => `• ${escapeText(s)}`);
  return lines.length > 0 ? [...lines, `-# ${messages(locale).shortLabel}`].join("\n") : "";
}

/** Every group with all its blocks; the caller picks how many show. */
export function renderGroups(answer: Answer, locale: Locale): RenderedGroup[] {
  const t = messages(locale);
  return layoutGroups(answer, locale).map((g) => {
    const blocks = g.facts.map((f) => block(f, t));
    const name = g.group.company.name;
    if (g.group.kind === "response" && blocks.length === 0) {
      const body = `*${escapeText(t.noResponse(name))}*`;
      blocks.push({ body, key: `none:${g.group.company.id}`, cites: [], facts: [] });
    }
    return { heading: groupHeading(g.group, g.role, t, escapeText(name)), blocks, lead: g.lead };
  });
}

/**
 * The speaker and the citation, then the quote. A quote in a language the reader does not read
 * (Dutch for an English reader) comes after our translation, labelled; the quote bar is verbatim.
 */
function block(f: LaidOutFact, t: Messages): Block {
  const head = `${escapeText(f.speaker)} **[${f.n ?? "?"}]**`;
  const quote = trimWithNote(blockQuote(escapeText(f.fact.quote)), BLOCK_MAX, t.quoteShortened);
  const body = f.translation
    ? `*${t.ourTranslation}:* ${escapeText(f.translation)}\n${quote}`
    : quote;
  return { head, body, key: f.key, cites: [f.fact.source], facts: [f.fact.id] };
}

function navRow(
  t: Messages,
  sources: boolean,
  more: readonly NavButton[],
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const buttons: APIButtonComponent[] = [];
  if (sources) buttons.push(button("receipts:v1:sources", t.sourcesButton));
  for (const b of more) {
    if (buttons.length < MAX_NAV_BUTTONS) buttons.push(button(b.customId, b.label));
  }
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

export function button(
  customId: string,
  label: string,
  style: ButtonStyle = ButtonStyle.Secondary,
  disabled = false,
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: style as ButtonStyle.Secondary | ButtonStyle.Primary,
    custom_id: customId,
    label: shorten(label, LIMITS.buttonLabel),
    ...(disabled ? { disabled } : {}),
  };
}
