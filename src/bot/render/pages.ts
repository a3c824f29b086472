/**
 * The bot's other views: the sources, the help, reload results, short notices and the unknown
 * company reply. Pure, like the answer renderer, and within Discord's limits.
 */
import type { APIEmbedField } from "discord.js";
import type { Problem } from "../../knowledge/problem.js";
import type { KnowledgeBase, Source } from "../../knowledge/schema.js";
import { type Locale, messages } from "../i18n.js";
import type { ReloadResult } from "../knowledge-store.js";
import type { ShardReload } from "../shard-reload.js";
import { monthYear } from "./layout.js";
import { LIMITS, type RenderedMessage } from "./limits.js";
import { type CountedEmbed, packEmbeds } from "./pack.js";
import { escapeText, shorten, trimWithNote } from "./text.js";

const BRAND = 0x5865f2;

/**
 * The articles, numbered as answers cite them (`[n]`, their order in sources.yaml): the title
 * (the article's own headline in quote marks; ours without, in the reader's language), then
 * publisher, author, language, date and what each covers; 25 to an embed.
 */
export function renderSources(sources: readonly Source[], locale: Locale): RenderedMessage[] {
  const t = messages(locale);
  const fields = sources.map((s, i): APIEmbedField => {
    const by = [s.publisher ?? t.publisherNotNamed, s.author].filter(Boolean).join(", ");
    const date = monthYear(s.date, t);
    const meta = `${by} · ${t.language[s.language]} · ${date}`;
    const title =
      s.titleKind === "article"
        ? `“${s.title}”`
        : `${locale === "nl" ? (s.titleNl ?? s.title) : s.title} (${t.ourTitle})`;
    const covers = locale === "nl" ? s.coversNl : s.covers;
    return {
      name: shorten(`[${i + 1}] ${escapeText(title)}`, LIMITS.fieldName),
      value: trimWithNote(`${escapeText(meta)}\n**${t.covers}:** ${escapeText(covers)}`, 1024, "…"),
    };
  });
  const embeds: CountedEmbed[] = fieldChunks(fields).map((chunk, i) => ({
    embed: {
      title: t.sourcesTitle,
      color: BRAND,
      fields: chunk,
      ...(i === 0 ? { description: t.sourcesIntro } : {}),
    },
    items: chunk.length,
  }));
  return packEmbeds(embeds, { leftOut: t.moreNotShown });
}

/** Fields in groups an embed can hold: at most 25, and well under 6000 characters together. */
function fieldChunks(fields: readonly APIEmbedField[]): APIEmbedField[][] {
  const chunks: APIEmbedField[][] = [[]];
  let size = 0;
  for (const field of fields) {
    const length = field.name.length + field.value.length;
    const chunk = chunks[chunks.length - 1] as APIEmbedField[];
    if (chunk.length > 0 && (chunk.length >= LIMITS.embedFields || size + length > 5000)) {
      chunks.push([field]);
      size = length;
    } else {
      chunk.push(field);
      size += length;
    }
  }
  return chunks;
}

/** What Receipts is, the organizations it knows, example questions and the commands. */
export function renderHelp(kb: KnowledgeBase, locale: Locale): RenderedMessage {
  const t = messages(locale);
  const known = kb.organizations
    .filter((o) => o.role === "platform" || o.role === "partner")
    .map((o) => escapeText(o.name));
  const fields: APIEmbedField[] = [
    { name: t.helpCoversHeading, value: trimWithNote(known.join(", ") || "-", 1024, "…") },
    { name: t.helpExamplesHeading, value: t.helpExamples.map((q) => `• ${q}`).join("\n") },
    { name: t.helpCommandsHeading, value: t.helpCommands.map((c) => `• ${c}`).join("\n") },
  ];
  return { embeds: [{ title: t.helpTitle, description: t.helpAbout, color: BRAND, fields }] };
}

/** The result of /reload: old and new counts, or the problems (file and field) found. */
export function renderReload(result: ReloadResult, locale: Locale): RenderedMessage {
  const t = messages(locale);
  if (result.ok) return { content: t.reloadDone(result.before, result.after), embeds: [] };
  return {
    content: t.reloadFailed(result.problems.length + (result.omitted ?? 0), result.kept),
    embeds: [{ description: problemList(result.problems, locale), color: 0xed4245 }],
  };
}

/**
 * The result of /reload on every shard: a line each, then the problems once (every shard reads
 * the same files, so the first refusal's list stands for all).
 */
export function renderShardReloads(
  reloads: readonly ShardReload[],
  locale: Locale,
): RenderedMessage {
  const t = messages(locale);
  const lines = reloads.map((r) => {
    if ("unreachable" in r)
      return t.shardUnreachable(r.shard, escapeText(shorten(r.unreachable, 200)));
    if (r.result.ok) return t.shardReloaded(r.shard, r.result.after);
    const { problems, omitted = 0 } = r.result;
    return t.shardRefused(r.shard, problems.length + omitted, r.result.kept);
  });
  const refused = reloads.find((r) => "result" in r && !r.result.ok);
  const problems =
    refused && "result" in refused && !refused.result.ok ? refused.result.problems : [];
  return {
    content: trimWithNote(lines.join("\n"), LIMITS.content, "…"),
    embeds:
      problems.length > 0 ? [{ description: problemList(problems, locale), color: 0xed4245 }] : [],
  };
}

/** Problems one per line, as many as fit, then "and N more". */
export function problemList(problems: readonly Problem[], locale: Locale): string {
  const t = messages(locale);
  const lines: string[] = [];
  let length = 0;
  const room = LIMITS.embedDescription - 60;
  for (const [i, p] of problems.entries()) {
    const line = `• ${problemLine(p)}`;
    if (length + line.length + 1 > room) {
      lines.push(t.moreProblems(problems.length - i));
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join("\n") || "-";
}

/** `file:line field` as code (readable paths), then the message, escaped. */
function problemLine(p: Problem): string {
  const where = [p.file + (p.line ? `:${p.line}` : ""), p.field].filter(Boolean).join(" ");
  const code = shorten(where.replace(/`/g, "'"), 200);
  return `\`${code}\` ${escapeText(shorten(p.message, 400))}`;
}

/** A short text-only message (notices, errors). */
export function renderNotice(text: string): RenderedMessage {
  return { content: trimWithNote(text, LIMITS.content, "…"), embeds: [] };
}

/** "I do not know X", with the names the base does know as suggestions. */
export function renderUnknownCompany(
  name: string,
  suggestions: readonly string[],
  locale: Locale,
): RenderedMessage {
  const t = messages(locale);
  const shown = shorten(name.replace(/\s+/g, " ").trim(), 100);
  const lines = [escapeText(t.unknownCompany(shown))];
  if (suggestions.length > 0) {
    lines.push(`**${t.helpCoversHeading}:** ${suggestions.map(escapeText).join(", ")}`);
  }
  return renderNotice(lines.join("\n"));
}
