/**
 * A Dutch reader gets no English of the bot's own. Every reply to every question of the sets in
 * tests/questions/, rendered in Dutch with the real catalogue, is taken apart by where each piece
 * comes from: data (verbatim quotes, Dutch summaries and titles, names, the question as typed),
 * then the Dutch catalogue and reason wordings (their templates, with a placeholder for every
 * parameter). Nothing but punctuation, numbers and Markdown may be left. No language detector:
 * the strings are tagged by origin. Sealed sets are asked, never printed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CATALOGUE, type Messages } from "../../src/bot/i18n.js";
import { QUESTION_SHOWN } from "../../src/bot/render/answer.js";
import type { RenderedMessage } from "../../src/bot/render/limits.js";
import { blockQuote, escapeText, trimWithNote } from "../../src/bot/render/text.js";
import { companyPageView, questionView } from "../../src/bot/views.js";
import { ReasonCode } from "../../src/engine/answer-schema.js";
import { type Answer, answer } from "../../src/engine/index.js";
import { InfoKind, type KnowledgeBase, VoiceHow } from "../../src/knowledge/schema.js";
import { wordReason } from "../../src/wording/reasons.js";
import { KNOWLEDGE_DIR, load } from "./helpers.js";

const QUESTIONS = fileURLToPath(new URL("../questions/", import.meta.url));
const HOLE = "§";

function questions(): { where: string; question: string }[] {
  const out: { where: string; question: string }[] = [];
  for (const file of readdirSync(QUESTIONS)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const entries: unknown = parse(readFileSync(`${QUESTIONS}${file}`, "utf8"));
    if (!Array.isArray(entries)) continue;
    entries.forEach((e: unknown, i) => {
      if (
        typeof e === "object" &&
        e !== null &&
        "q" in e &&
        typeof e.q === "string" &&
        !("repeat" in e)
      ) {
        out.push({ where: `${file}#${i + 1}`, question: e.q });
      }
    });
  }
  return out;
}

/** Every text of a message a reader sees. */
function texts(m: RenderedMessage): string[] {
  const out = [m.content ?? ""];
  for (const e of m.embeds) {
    out.push(e.title ?? "", e.description ?? "", e.footer?.text ?? "");
    for (const f of e.fields ?? []) out.push(f.name, f.value);
  }
  for (const row of m.components ?? []) {
    for (const c of row.components) if ("label" in c && c.label) out.push(c.label);
  }
  return out;
}

/** The Dutch catalogue's words: plain entries, and templates with a hole for each parameter. */
function dutchTemplates(dates: readonly string[]): string[] {
  const t: Messages = CATALOGUE.nl;
  const out: string[] = [];
  for (const value of Object.values(t)) {
    if (typeof value === "string") out.push(value);
    else if (Array.isArray(value))
      out.push(...value.filter((v): v is string => typeof v === "string"));
    else if (typeof value === "object" && value !== null) {
      out.push(...Object.values(value).filter((v): v is string => typeof v === "string"));
    } else if (typeof value === "function") {
      try {
        out.push(String(value(HOLE, HOLE, HOLE)));
      } catch {
        // An entry that needs structured parameters is covered below.
      }
    }
  }
  for (const how of VoiceHow.options) {
    for (const spokesperson of [false, true]) {
      for (const publisher of [undefined, HOLE]) {
        out.push(
          t.voice({ who: HOLE, spokesperson, how, to: HOLE, ...(publisher ? { publisher } : {}) }),
        );
      }
    }
  }
  for (const code of ReasonCode.options) {
    for (const subject of InfoKind.options) {
      for (const organizations of [[], [{ id: "x", name: HOLE }]]) {
        // `until` is a source's date, worded with the Dutch month names: the base's own dates.
        for (const until of dates) {
          out.push(
            wordReason(
              { code, organizations, names: [HOLE], words: [HOLE], subject, year: HOLE, until },
              "nl",
            ),
          );
        }
      }
    }
  }
  // A template must have words of its own: a bare hole ("§/§") would match anything.
  return [...new Set(out.map((s) => s.trim()))].filter(
    (s) =>
      s
        .split(HOLE)
        .join("")
        .replace(/[^\p{L}]/gu, "").length >= 2,
  );
}

/** The templates with the base's names punched out, as they are punched out of replies first. */
function templatesFor(kb: KnowledgeBase): string[] {
  const names = kb.organizations.flatMap((o) => [o.name, escapeText(o.name)]);
  const dates = [...new Set(kb.sources.map((s) => s.date))];
  return dutchTemplates(dates).map((t) => punchOut(t, names));
}

/** What the answer may show as it is: data, not the bot's words. */
function dataOf(a: Answer, kb: KnowledgeBase, question: string): string[] {
  // As the heading shows it: on one line, escaped, shortened with a note when long.
  // The engine's cleaned question (control characters out, at most 500 characters) is shown.
  const oneLine = a.question.replace(/\s+/g, " ").trim();
  const shown = escapeText(trimWithNote(oneLine, QUESTION_SHOWN, CATALOGUE.nl.questionShortened));
  const out: string[] = [question, escapeText(question), oneLine, escapeText(oneLine), shown];
  for (const c of a.companies) {
    out.push(c.name);
    for (const f of c.facts) {
      // The quote is the receipt; its lines as block-quoted.
      out.push(
        ...blockQuote(escapeText(f.quote))
          .split("\n")
          .map((l) => l.replace(/^> ?/, "")),
      );
      out.push(escapeText(f.summaryNl), ...f.voice.who.map((w) => w.name));
      if (f.voice.to) out.push(f.voice.to.name);
    }
  }
  for (const o of kb.organizations) out.push(escapeText(o.name), o.name);
  for (const s of kb.sources) {
    if (s.publisher) out.push(s.publisher, escapeText(s.publisher));
    if (s.titleKind === "article") out.push(`“${s.title}”`, `“${escapeText(s.title)}”`);
    if (s.titleNl) out.push(s.titleNl);
  }
  for (const q of kb.questions) out.push(q.nl, escapeText(q.nl));
  // The words and names a reason quotes from the question stand in its template's holes: they
  // are not punched out first, since a member may type a word of the template ("bronnen").
  out.push(...(a.suggestions ?? []));
  return [...new Set(out.filter((s) => s.trim().length > 1))];
}

/** Removes each string (longest first, whole words only) from the text, leaving a hole. */
function punchOut(text: string, pieces: readonly string[]): string {
  let out = text;
  for (const p of [...pieces].sort((x, y) => y.length - x.length)) {
    const escaped = p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu"), HOLE);
  }
  return out;
}

/** Templates with holes, matched as patterns: a hole stands for any run of text. */
function matchTemplates(text: string, templates: readonly string[]): string {
  let out = text;
  for (const tpl of [...templates].sort((x, y) => y.length - x.length)) {
    const pattern = tpl
      .split(HOLE)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("[^\\n]*?");
    // Whole words only: "en" (and) must not eat the end of "bronnen".
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, "gu"), HOLE);
  }
  return out;
}

/** What may be left: holes, punctuation, numbers, Markdown, dates' month names are templates. */
const LEFTOVER = /[\p{L}]{2,}/u;

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await load(KNOWLEDGE_DIR);
});

describe("a Dutch reader gets no English of the bot's own", () => {
  it("in every answer to every question of the sets", () => {
    const templates = templatesFor(kb);
    let checked = 0;
    for (const { where, question } of questions()) {
      const a = answer(question, kb);
      const data = dataOf(a, kb, question);
      for (const m of questionView(question, kb, "nl")) {
        for (const text of texts(m)) {
          const left = matchTemplates(punchOut(text, data), templates);
          const words = left
            .split(HOLE)
            .join(" ")
            .split(/\s+/)
            .filter((w) => LEFTOVER.test(w));
          // A sealed set's text is never printed: only how many words are of unknown origin.
          if (where.startsWith("chat-sealed-")) expect(words.length, where).toBe(0);
          else expect(words, `${where}: words of unknown origin`).toEqual([]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  }, 180_000);

  it("in every page of every /bedrijf view", () => {
    const templates = templatesFor(kb);
    for (const org of kb.organizations) {
      const first = companyPageView(org.id, kb, "nl");
      for (let page = 0; page < (first?.pages ?? 0); page++) {
        const m = companyPageView(org.id, kb, "nl", { page })?.message;
        if (!m) continue;
        const facts = kb.facts.filter((f) => f.about.includes(org.id));
        const fake = {
          question: "",
          companies: [{ name: org.name, facts: [] }],
          notes: [],
          reason: undefined,
        } as unknown as Answer;
        const data = [
          ...dataOf(fake, kb, ""),
          ...facts.flatMap((f) => [
            ...blockQuote(escapeText(f.quote))
              .split("\n")
              .map((l) => l.replace(/^> ?/, "")),
            escapeText(f.summaryNl),
          ]),
        ];
        for (const text of texts(m)) {
          const left = matchTemplates(punchOut(text, data), templates);
          const words = left
            .split(HOLE)
            .join(" ")
            .split(/\s+/)
            .filter((w) => LEFTOVER.test(w));
          expect(words, `${org.id} page ${page + 1}`).toEqual([]);
        }
      }
    }
  });
});
