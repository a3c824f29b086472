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
import type { AnswerGroup, AnswerSource } from "../../engine/answer-schema.js";
import type { Answer, AnswerFact } from "../../engine/index.js";
import type { Role } from "../../knowledge/schema.js";
import { wordAnswerMessage } from "../../wording/reasons.js";
import { type Locale, type Messages, messages } from "../i18n.js";
import { messageHeight, PANE } from "./height.js";
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
}

/** Question text shown back to the asker, at most this long before escaping. */
export const QUESTION_SHOWN = 300;
/** At most this many quote blocks under a short answer, whatever the room. */
const MAX_BLOCKS = 5;
/** Room kept in a block so that it never overflows a description. */
const BLOCK_MAX = 1800;
/** Navigation buttons under an answer. */
export const MAX_NAV_BUTTONS = 3;

export const ROLE_COLOR: Record<Role, number> = {
  platform: 0x1877f2,
  partner: 0xe67e22,
  "news-outlet": 0x95a5a6,
  regulator: 0x2ecc71,
  other: 0x9b59b6,
};

/** One heading and its blocks (each block: one speaker's consecutive quotes from one source). */
export interface RenderedGroup {
  readonly heading: string;
  readonly blocks: readonly Block[];
}

export interface Block {
  readonly text: string;
  /** Source ids cited in the block. */
  readonly cites: readonly string[];
  /** Fact ids shown in the block. */
  readonly facts: readonly string[];
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
  if (!answer.answered) return notAnswered(answer, locale, heading);

  const groups = renderGroups(answer, locale);
  const short = shortAnswer(answer, locale);
  const worded = wordAnswerMessage(answer, locale);
  const note = worded ? `**${t.note}:** ${escapeText(worded)}` : undefined;
  const content = [heading, note].filter(Boolean).join("\n");
  const budget = options.budget ?? PANE;
  const build = (counts: readonly number[]): RenderedMessage => {
    const shown = groups.map((g, i) => ({ ...g, blocks: g.blocks.slice(0, counts[i] ?? 0) }));
    const ids = shown.flatMap((g) => g.blocks.flatMap((b) => b.facts));
    const buttons = navRow(t, options.sourcesButton ?? true, options.more?.(ids) ?? []);
    return message(content, answerEmbed(answer, short, shown, t), buttons);
  };
  // Every group shows its first block; then more, group by group in turn, while they fit.
  const counts = groups.map((g) => Math.min(1, g.blocks.length));
  let total = counts.reduce((a, b) => a + b, 0);
  for (let grew = true; grew && total < MAX_BLOCKS; ) {
    grew = false;
    for (const [i, g] of groups.entries()) {
      if (total >= MAX_BLOCKS || (counts[i] ?? 0) >= g.blocks.length) continue;
      const next = counts.map((c, j) => (j === i ? c + 1 : c));
      if (messageHeight(build(next)) > budget) continue;
      counts[i] = (counts[i] ?? 0) + 1;
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

function notAnswered(answer: Answer, locale: Locale, heading: string | undefined): RenderedMessage {
  const t = messages(locale);
  const parts = [escapeText(wordAnswerMessage(answer, locale) ?? t.notInSources)];
  const suggestions = answer.clarifications.map((c) => c[locale]);
  if (suggestions.length > 0) {
    parts.push(
      `**${t.suggestionsHeading}**\n${suggestions.map((s) => `• ${escapeText(s)}`).join("\n")}`,
    );
  }
  const covered = answer.suggestions ?? [];
  if (covered.length > 0) {
    parts.push(`**${t.helpCoversHeading}:** ${covered.map(escapeText).join(", ")}`);
  }
  const description = trimWithNote(parts.join("\n\n"), LIMITS.embedDescription, "…");
  return {
    ...(heading ? { content: trimWithNote(heading, LIMITS.content, "…") } : {}),
    embeds: [{ title: t.notInSources, description, color: 0x747f8d }],
  };
}

/** The embed: title, short answer, the groups shown, the key to the sources cited. */
export function answerEmbed(
  answer: Answer,
  short: string,
  groups: readonly RenderedGroup[],
  t: Messages,
  footer: string = t.answerFooter,
): APIEmbed {
  const sources = new Map(answer.sources.map((s) => [s.id, s]));
  const parts: string[] = [];
  if (short) parts.push(short);
  for (const g of groups) {
    if (g.blocks.length === 0) continue;
    parts.push([`**${g.heading}**`, ...g.blocks.map((b) => b.text)].join("\n"));
  }
  const cited = [...new Set(groups.flatMap((g) => g.blocks.flatMap((b) => b.cites)))]
    .map((id) => sources.get(id))
    .filter((s): s is AnswerSource => s !== undefined)
    .sort((a, b) => a.n - b.n);
  if (cited.length > 0) parts.push(`-# ${cited.map((s) => keyEntry(s, t)).join(" · ")}`);
  const description = trimWithNote(parts.join("\n\n"), LIMITS.embedDescription, "…");
  const first = answer.companies[0];
  return {
    title: shorten(title(answer, t), LIMITS.embedTitle),
    description,
    color: ROLE_COLOR[first?.role ?? "other"],
    footer: { text: footer },
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

/** The curated summaries, in the reader's language, labelled as ours. */
export function shortAnswer(answer: Answer, locale: Locale): string {
  const t = messages(locale);
  const facts = factsById(answer);
  const lines = answer.short
    .map((id) => facts.get(id))
    .filter((f): f is AnswerFact => f !== undefined)
    .map((f) => `• ${escapeText(locale === "nl" ? f.summaryNl : f.summary)}`);
  return lines.length > 0 ? [...lines, `-# ${t.shortLabel}`].join("\n") : "";
}

/** Every group with all its blocks; the caller picks how many show. */
export function renderGroups(answer: Answer, locale: Locale): RenderedGroup[] {
  const t = messages(locale);
  const facts = factsById(answer);
  const sources = new Map(answer.sources.map((s) => [s.id, s]));
  const role = new Map(answer.companies.map((c) => [c.id, c.role]));
  return answer.groups.map((g) => {
    const shown = g.facts.map((id) => facts.get(id)).filter((f): f is AnswerFact => !!f);
    const blocks = runs(shown).map((run) => block(run, sources, locale));
    if (g.kind === "response" && blocks.length === 0) {
      blocks.push({ text: `*${escapeText(t.noResponse(g.company.name))}*`, cites: [], facts: [] });
    }
    return { heading: groupHeading(g, role.get(g.company.id), t), blocks };
  });
}

function groupHeading(g: AnswerGroup, role: Role | undefined, t: Messages): string {
  const name = escapeText(g.company.name);
  if (g.kind === "reported") return t.groupReported;
  if (g.kind === "position" && role === "platform") return t.groupPosition(name);
  return t.groupSaid(name);
}

/** Consecutive facts from one speaker, said one way, in one source. */
function runs(facts: readonly AnswerFact[]): AnswerFact[][] {
  const key = (f: AnswerFact) =>
    [
      f.source,
      f.voice.how,
      f.voice.spokesperson,
      f.voice.to?.id,
      ...f.voice.who.map((w) => w.id),
    ].join("|");
  const out: AnswerFact[][] = [];
  for (const f of facts) {
    const last = out[out.length - 1];
    if (last?.[0] && key(last[0]) === key(f)) last.push(f);
    else out.push([f]);
  }
  return out;
}

/**
 * The speaker and the citation, then each quote. A quote in a language the reader does not read
 * (Dutch for an English reader) comes after our translation, labelled; the quote bar is verbatim.
 */
function block(
  run: readonly AnswerFact[],
  sources: ReadonlyMap<string, AnswerSource>,
  locale: Locale,
): Block {
  const t = messages(locale);
  const first = run[0] as AnswerFact;
  const source = sources.get(first.source);
  const head = `${escapeText(speakerWords(first, source, locale))} **[${source?.n ?? "?"}]**`;
  const parts = run.map((f) => {
    const translate = f.language !== locale && f.language !== "en" && f.translation;
    const quote = trimWithNote(
      blockQuote(escapeText(f.quote)),
      BLOCK_MAX / run.length,
      t.quoteShortened,
    );
    return translate
      ? `*${t.ourTranslation}:* ${escapeText(f.translation ?? "")}\n${quote}`
      : quote;
  });
  return {
    text: [head, ...parts].join("\n"),
    cites: [first.source],
    facts: run.map((f) => f.id),
  };
}

/** Who spoke and how it reached the article, in the reader's language. */
export function speakerWords(
  fact: AnswerFact,
  source: AnswerSource | undefined,
  locale: Locale,
): string {
  const t = messages(locale);
  const names = fact.voice.who.map((w) => w.name);
  const who =
    names.length <= 1
      ? (names[0] ?? "")
      : `${names.slice(0, -1).join(", ")} ${t.and} ${names[names.length - 1]}`;
  return t.voice({
    who,
    spokesperson: fact.voice.spokesperson,
    how: fact.voice.how,
    ...(fact.voice.to ? { to: fact.voice.to.name } : {}),
    ...(source?.publisher ? { publisher: source.publisher } : {}),
  });
}

/** `[2] TechRadar, “Headline”, Dec 2018`: a descriptive title is ours, so it is not shown here. */
export function keyEntry(source: AnswerSource, t: Messages): string {
  const by = escapeText(source.publisher ?? t.publisherUnnamed);
  const title = source.titleKind === "article" ? `, “${escapeText(source.title)}”` : "";
  return `[${source.n}] ${by}${title}, ${monthYear(source.date, t)}`;
}

/** "Dec 2018", with a non-breaking space so it never wraps. */
export function monthYear(date: string, t: Messages): string {
  const [year, month] = date.split("-");
  const name = t.months[Number(month) - 1];
  return name ? `${name}\u00a0${year}` : date.replace(/-/g, "\u2011");
}

function factsById(answer: Answer): Map<string, AnswerFact> {
  const out = new Map<string, AnswerFact>();
  for (const c of answer.companies) for (const f of c.facts) if (!out.has(f.id)) out.set(f.id, f);
  return out;
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
    style: style as ButtonStyle.Secondary,
    custom_id: customId,
    label: shorten(label, LIMITS.buttonLabel),
    ...(disabled ? { disabled } : {}),
  };
}
