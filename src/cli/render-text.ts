/**
 * Renders an answer as plain text for the terminal: organizations, quotes, translations,
 * speakers and numbered sources. Pure: an answer in, a string out.
 */
import type { Answer, AnswerFact } from "../engine/index.js";
import { wordAnswerMessage } from "../wording/reasons.js";

const WIDTH = 90;
const KIND_LABEL: Record<AnswerFact["kind"], string> = {
  reported: "Reported",
  response: "Response",
  context: "Context",
};

/**
 * Terminal escape sequences and other control characters, line feeds excepted. The loader
 * refuses them in the fact base; stripping them here too means no text can reach the terminal
 * raw (set its title, clear the screen) even from a base built some other way.
 */
const UNPRINTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing terminal escapes is the point.
  /\u001B\[[0-9;?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(\u0007|\u001B\\)?|[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

export function renderText(answer: Answer): string {
  return renderLines(answer).replace(UNPRINTABLE, "");
}

function renderLines(answer: Answer): string {
  const lines: string[] = [`Q: ${answer.question || "(empty question)"}`, ""];
  if (!answer.answered) {
    lines.push(...wrap(wordAnswerMessage(answer, "en") ?? "That is not in my sources.", ""));
    for (const c of answer.clarifications) lines.push(...wrap(c.en, "  - ", "    "));
    const covered = answer.suggestions ?? [];
    if (covered.length > 0) lines.push(...wrap(`Ask about: ${covered.join(", ")}.`, ""));
    return `${lines.join("\n")}\n`;
  }
  // Numbered as in the base's list of sources, like the bot's citations.
  const sourceNumber = new Map(answer.sources.map((s) => [s.id, s.n]));
  for (const company of answer.companies) {
    lines.push(`${company.name} (${company.role})`);
    for (const fact of company.facts) {
      lines.push(...wrap(`${KIND_LABEL[fact.kind]}: ${fact.speaker}`, "  * ", "    "));
      lines.push(...wrap(`"${fact.quote}"`, "    "));
      if (fact.translation) lines.push(...wrap(`Translation: "${fact.translation}"`, "    "));
      lines.push(`    Source [${sourceNumber.get(fact.source) ?? "?"}]`);
    }
    if (company.noResponseInSources && company.role !== "platform") {
      lines.push(`  The sources report no response from ${company.name}.`);
    }
    lines.push("");
  }
  const note = wordAnswerMessage(answer, "en");
  if (note) lines.push(...wrap(`Note: ${note}`, ""), "");
  lines.push("Sources");
  answer.sources.forEach((s) => {
    const by = [s.publisher, s.author].filter(Boolean).join(", ");
    const meta = [by, s.date, s.language === "nl" ? "Dutch" : "English"].filter(Boolean);
    lines.push(...wrap(`[${s.n}] ${s.title} (${meta.join(", ")})`, "  ", "      "));
  });
  lines.push("", `Confidence: ${answer.confidence.toFixed(2)}`);
  return `${lines.join("\n")}\n`;
}

/** Word-wraps `text` to the terminal width with a first-line and a continuation indent. */
function wrap(text: string, first: string, rest = first): string[] {
  const out: string[] = [];
  let line = first;
  for (const word of text.split(/\s+/).filter(Boolean)) {
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
