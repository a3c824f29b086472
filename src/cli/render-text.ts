/**
 * Renders an answer as plain text for the terminal, laid out as the bot lays it out (the shared,
 * renderer-independent layout in src/bot/render/layout.ts): the short answer first, labelled as
 * our own words; then the receipts grouped (what was reported, what the company said, the
 * platform's position), each speaker with the source's number [n] and each quote verbatim behind
 * a bar, after our translation when it is Dutch; then one key to the sources cited. Pure: an
 * answer in, a string out.
 */

import { type Locale, messages } from "../bot/i18n.js";
import {
  citedSources,
  groupHeading,
  keyEntry,
  layoutGroups,
  shortSummaries,
} from "../bot/render/layout.js";
import type { Answer } from "../engine/index.js";
import { wordAnswerMessage } from "../wording/reasons.js";

const WIDTH = 90;
/** Marks the verbatim text, as the quote bar does in Discord. */
const BAR = "> ";

/**
 * Terminal escape sequences and other control characters, line feeds excepted. The loader
 * refuses them in the fact base; stripping them here too means no text can reach the terminal
 * raw (set its title, clear the screen) even from a base built some other way.
 */
const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing terminal escapes is the point.
  /\u001B\[[0-9;?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(\u0007|\u001B\\)?|[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

export function renderText(answer: Answer, locale: Locale = "en"): string {
  return renderLines(answer, locale).replace(UNPRINTABLE, "");
}

function renderLines(answer: Answer, locale: Locale): string {
  const t = messages(locale);
  const lines = [...wrap(`Q: ${answer.question || "(empty question)"}`, "", "   "), ""];
  if (!answer.answered) {
    lines.push(...wrap(wordAnswerMessage(answer, locale) ?? t.notInSources, ""));
    if (answer.clarifications.length > 0) lines.push("", t.suggestionsHeading);
    for (const c of answer.clarifications) lines.push(...wrap(c[locale], "  - ", "    "));
    const covered = answer.suggestions ?? [];
    if (covered.length > 0)
      lines.push("", ...wrap(`${t.helpCoversHeading}: ${covered.join(", ")}`, ""));
    return `${lines.join("\n")}\n`;
  }
  const note = wordAnswerMessage(answer, locale);
  if (note) lines.push(...wrap(`${t.note}: ${note}`, ""), "");
  const short = shortSummaries(answer, locale);
  if (short.length > 0) {
    lines.push(t.shortLabel);
    for (const s of short) lines.push(...wrap(s, "  • ", "    "));
    lines.push("");
  }
  const cited: string[] = [];
  for (const g of layoutGroups(answer, locale)) {
    lines.push(groupHeading(g.group, g.role, t));
    if (g.group.kind === "response" && g.facts.length === 0) {
      lines.push(...wrap(t.noResponse(g.group.company.name), "  "));
    }
    g.facts.forEach((f, i) => {
      // A speaker's consecutive quotes from one source under one head, an empty line apart.
      if (f.key !== g.facts[i - 1]?.key) lines.push(...wrap(`${f.speaker} [${f.n ?? "?"}]`, "  "));
      else lines.push("");
      if (f.translation) lines.push(...wrap(`${t.ourTranslation}: ${f.translation}`, "    "));
      lines.push(...wrap(f.fact.quote, `    ${BAR}`));
      cited.push(f.fact.source);
    });
    lines.push("");
  }
  lines.push(`Confidence: ${answer.confidence.toFixed(2)}`, "", t.sourcesTitle);
  for (const s of citedSources(answer, cited)) lines.push(...wrap(keyEntry(s, t), "  ", "      "));
  lines.push(...wrap(`(${t.answerFooter})`, ""));
  return `${lines.join("\n")}\n`;
}

/** Word-wraps `text` to the terminal width with a first-line and a continuation indent. */
function wrap(text: string, first: string, rest = first): string[] {
  const out: string[] = [];
  let line = first;
  // Only spaces and line breaks: a no-break space (in a date) keeps its words together.
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    const indent = out.length === 0 ? first : rest;
    if (line.length > indent.length && line.length + 1 + word.length > WIDTH) {
      out.push(line);
      line = rest + word;
    } else {
      line += line.length > indent.length ? ` ${word}` : word;
    }
  }
  out.push(line);
  return out;
}
