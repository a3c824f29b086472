/**
 * Renders an engine answer as Discord messages: one embed per company (more when it is long),
 * each fact a labelled block with the quote as a block quote, the Dutch translation labelled,
 * the speaker and the source. Pure: an answer in, message payloads out, always within limits.
 */
import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIComponentInMessageActionRow,
} from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import type { AnswerSource } from "../../engine/answer-schema.js";
import type { Answer, AnswerCompany, AnswerFact } from "../../engine/index.js";
import type { Role } from "../../knowledge/schema.js";
import { buildCustomId } from "../custom-id.js";
import { type Locale, type Messages, messages } from "../i18n.js";
import { LIMITS, type RenderedMessage } from "./limits.js";
import { type CountedEmbed, packEmbeds } from "./pack.js";
import { blockQuote, escapeText, shorten, trimWithNote } from "./text.js";

export interface CompanyRef {
  readonly id: string;
  readonly name: string;
}

export interface AnswerRenderOptions {
  /** The first line of the first message; default "You asked: <question>". Already Markdown. */
  readonly heading?: string;
  /** Companies with more in the base than shown: a "More from" button each (at most 4). */
  readonly moreFrom?: readonly CompanyRef[];
  /** A "Sources" button under the answer (default: when anything was answered). */
  readonly sourcesButton?: boolean;
  readonly maxMessages?: number;
}

/** Question text shown back to the asker, at most this long before escaping. */
export const QUESTION_SHOWN = 300;
/** Room kept in a description so a fact block never overflows it. */
const BLOCK_MAX = LIMITS.embedDescription - 96;

const ROLE_COLOR: Record<Role, number> = {
  platform: 0x1877f2,
  partner: 0xe67e22,
  "news-outlet": 0x95a5a6,
  regulator: 0x2ecc71,
  other: 0x9b59b6,
};

export function renderAnswer(
  answer: Answer,
  locale: Locale,
  options: AnswerRenderOptions = {},
): RenderedMessage[] {
  const t = messages(locale);
  const heading = options.heading ?? questionHeading(answer.question, t);
  if (!answer.answered) return [notAnswered(answer, t, heading)];

  const sources = new Map(answer.sources.map((s) => [s.id, s]));
  const embeds = answer.companies.flatMap((c) => companyEmbeds(c, sources, t));
  const note = answer.message ? `**${t.note}:** ${escapeText(answer.message)}` : undefined;
  const buttons = answerButtons(t, options.sourcesButton ?? true, options.moreFrom ?? []);
  return packEmbeds(embeds, {
    content: [heading, note].filter(Boolean).join("\n"),
    footer: t.answerFooter,
    components: buttons,
    ...(options.maxMessages ? { maxMessages: options.maxMessages } : {}),
    leftOut: t.moreNotShown,
  });
}

/** "You asked: ..." with the question on one line, escaped, shortened with a note if long. */
export function questionHeading(question: string, t: Messages): string {
  const oneLine = question.replace(/\s+/g, " ").trim();
  return `**${t.youAsked}:** ${escapeText(trimWithNote(oneLine, QUESTION_SHOWN, t.questionShortened))}`;
}

function notAnswered(answer: Answer, t: Messages, heading: string): RenderedMessage {
  const parts = [escapeText(answer.message ?? t.notInSources)];
  const suggestions = answer.suggestions ?? [];
  if (suggestions.length > 0) {
    parts.push(
      `**${t.suggestionsHeading}**\n${suggestions.map((s) => `• ${escapeText(s)}`).join("\n")}`,
    );
  }
  const description = trimWithNote(parts.join("\n\n"), LIMITS.embedDescription, "…");
  return {
    content: trimWithNote(heading, LIMITS.content, "…"),
    embeds: [{ title: t.notInSources, description, color: 0x747f8d }],
  };
}

/** One company's facts as embeds: blocks packed into descriptions of at most 4096 characters. */
function companyEmbeds(
  company: AnswerCompany,
  sources: ReadonlyMap<string, AnswerSource>,
  t: Messages,
): CountedEmbed[] {
  const blocks = company.facts.map((f) => ({ text: factBlock(f, sources.get(f.source), t), n: 1 }));
  if (company.noResponseInSources && company.role === "partner") {
    blocks.push({ text: `*${escapeText(t.noResponse(company.name))}*`, n: 0 });
  }
  const name = shorten(escapeText(company.name), LIMITS.embedTitle - 40);
  const title = `${name} · ${t.role[company.role]}`;
  const color = ROLE_COLOR[company.role];
  const out: CountedEmbed[] = [];
  let text = "";
  let items = 0;
  const flush = () => {
    if (!text) return;
    const heading = out.length === 0 ? title : `${name} (${t.continued})`;
    out.push({ embed: { title: heading, description: text, color }, items });
    text = "";
    items = 0;
  };
  for (const block of blocks) {
    if (text && text.length + 2 + block.text.length > LIMITS.embedDescription) flush();
    text = text ? `${text}\n\n${block.text}` : block.text;
    items += block.n;
  }
  flush();
  return out;
}

/** A fact: kind and speaker, the quote, the translation, the source. At most BLOCK_MAX long. */
export function factBlock(fact: AnswerFact, source: AnswerSource | undefined, t: Messages): string {
  const head = `**${t.kind[fact.kind]}** · ${escapeText(fact.speaker)}`;
  const translation = fact.translation
    ? `**${t.translation}:** ${escapeText(fact.translation)}`
    : undefined;
  const cite = `*${t.source}: ${escapeText(sourceLine(source, fact.source))}*`;
  const fixed = [head, translation, cite].filter(Boolean).join("\n").length + 1;
  // Only an absurdly long quote is shortened, visibly; the rest of the block always shows.
  const room = Math.max(200, BLOCK_MAX - fixed);
  const quote = trimWithNote(blockQuote(escapeText(fact.quote)), room, t.quoteShortened);
  const block = [head, quote, translation, cite].filter(Boolean).join("\n");
  return trimWithNote(block, BLOCK_MAX, t.quoteShortened);
}

/** Publisher, “title”, date; a publisher the article does not name is left out, not guessed. */
export function sourceLine(source: AnswerSource | undefined, id: string): string {
  if (!source) return id;
  const title = `“${source.title}” (${source.date})`;
  return source.publisher ? `${source.publisher}, ${title}` : title;
}

function answerButtons(
  t: Messages,
  sources: boolean,
  moreFrom: readonly CompanyRef[],
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const buttons: APIButtonComponent[] = [];
  const sourcesId = buildCustomId({ kind: "sources" });
  if (sources && sourcesId) buttons.push(button(sourcesId, t.sourcesButton, false));
  for (const c of moreFrom) {
    const id = buildCustomId({ kind: "company", id: c.id });
    if (id && buttons.length < LIMITS.buttonsPerRow) {
      buttons.push(button(id, t.moreFromButton(c.name), true));
    }
  }
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

function button(customId: string, label: string, primary: boolean): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: primary ? ButtonStyle.Primary : ButtonStyle.Secondary,
    custom_id: customId,
    label: shorten(label, LIMITS.buttonLabel),
  };
}
