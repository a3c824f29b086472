/**
 * An answer laid out for reading, in plain text without Markdown, for every renderer: the bot's
 * (answer.ts, company.ts) and the command line's (src/cli/render-text.ts). The short answer is
 * the facts' curated summaries in the reader's language; then the groups in reading order (what
 * was reported, what the company said, the platform's position) under their headings, each fact
 * once with its speaker, its citation number and, for a reader who does not read the quote's
 * language, our translation; then one key entry per source cited. The renderers decide how it
 * looks: escaping, quote bars, line lengths.
 */
import type { AnswerGroup, AnswerSource } from "../../engine/answer-schema.js";
import type { Answer, AnswerFact } from "../../engine/index.js";
import type { Role } from "../../knowledge/schema.js";
import { type Locale, type Messages, messages } from "../i18n.js";

/** One fact of a group, as it is read. */
export interface LaidOutFact {
  readonly fact: AnswerFact;
  /** Who spoke and how it reached the article, in the reader's language. */
  readonly speaker: string;
  /** The source's number, cited as `[n]`. */
  readonly n: number | undefined;
  /** Our translation, shown first, when the reader does not read the quote's language. */
  readonly translation?: string;
  /** Speaker, way and source: consecutive quotes with the same key are shown under one head. */
  readonly key: string;
}

/** One group: its facts in order; a response group without any means no response. */
export interface LaidOutGroup {
  readonly group: AnswerGroup;
  /** The group's company's role, for the heading. */
  readonly role: Role | undefined;
  readonly facts: readonly LaidOutFact[];
  /** What was reported, with the company's own words next: one block of it comes first. */
  readonly lead: boolean;
}

/** Every group with all its facts; the renderer picks how many show. */
export function layoutGroups(answer: Answer, locale: Locale): LaidOutGroup[] {
  const facts = factsById(answer);
  const sources = new Map(answer.sources.map((s) => [s.id, s]));
  const role = new Map(answer.companies.map((c) => [c.id, c.role]));
  return answer.groups.map((group, i) => {
    const shown = group.facts.map((id) => facts.get(id)).filter((f): f is AnswerFact => !!f);
    const next = answer.groups[i + 1];
    return {
      group,
      role: role.get(group.company.id),
      facts: shown.map((f) => layoutFact(f, sources.get(f.source), locale)),
      lead: group.kind === "reported" && next !== undefined && next.kind !== "reported",
    };
  });
}

function layoutFact(
  fact: AnswerFact,
  source: AnswerSource | undefined,
  locale: Locale,
): LaidOutFact {
  const translate = fact.language !== locale && fact.language !== "en" && fact.translation;
  const v = fact.voice;
  const key = [fact.source, v.how, v.spokesperson, v.to?.id, ...v.who.map((w) => w.id)].join("|");
  return {
    fact,
    speaker: speakerWords(fact, source, locale),
    n: source?.n,
    ...(translate ? { translation: translate } : {}),
    key,
  };
}

/** "What was reported", "What Spotify said", "Facebook's position"; `name` as it is shown. */
export function groupHeading(
  group: AnswerGroup,
  role: Role | undefined,
  t: Messages,
  name: string = group.company.name,
): string {
  if (group.kind === "reported") return t.groupReported;
  if (group.kind === "position" && role === "platform") return t.groupPosition(name);
  return t.groupSaid(name);
}

/** The curated summaries that make the short answer (at most `max`), in the reader's language. */
export function shortSummaries(answer: Answer, locale: Locale, max = 3): string[] {
  const facts = factsById(answer);
  return answer.short
    .slice(0, max)
    .map((id) => facts.get(id))
    .filter((f): f is AnswerFact => f !== undefined)
    .map((f) => (locale === "nl" ? f.summaryNl : f.summary));
}

/** The answer's sources among `ids`, once each, in the order they are numbered. */
export function citedSources(answer: Answer, ids: Iterable<string>): AnswerSource[] {
  const wanted = new Set(ids);
  return answer.sources.filter((s) => wanted.has(s.id)).sort((a, b) => a.n - b.n);
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

/**
 * `[2] TechRadar, “Headline”, Dec 2018`: the publisher or "publisher not named", the article's own
 * headline in quote marks (a descriptive title is ours, so it is not shown here), the date.
 * `text` words the names as the renderer shows them (escaped, for Markdown).
 */
export function keyEntry(
  source: AnswerSource,
  t: Messages,
  text: (s: string) => string = (s) => s,
): string {
  const by = text(source.publisher ?? t.publisherUnnamed);
  const title = source.titleKind === "article" ? `, “${text(source.title)}”` : "";
  return `[${source.n}] ${by}${title}, ${monthYear(source.date, t)}`;
}

/** "Dec 2018", with a non-breaking space so it never wraps. */
export function monthYear(date: string, t: Messages): string {
  const [year, month] = date.split("-");
  const name = t.months[Number(month) - 1];
  return name ? `${name}\u00a0${year}` : date.replace(/-/g, "\u2011");
}

/** Every fact of the answer by id, the first copy of one that recurs. */
export function factsById(answer: Answer): Map<string, AnswerFact> {
  const out = new Map<string, AnswerFact>();
  for (const c of answer.companies) for (const f of c.facts) if (!out.has(f.id)) out.set(f.id, f);
  return out;
}
