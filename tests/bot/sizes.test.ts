/**
 * How tall answers are on screen, by the line-count model of Discord's layout (height.ts, checked
 * against browser screenshots by `npm run screenshots`), over every question in tests/questions/
 * in both languages: a one-company answer fits one pane (730 px), any answer one and a half; the
 * asked company's own words come within the first three blocks; each page of the longest
 * /company view fits one pane. Question sets named chat-sealed-*.yaml are sealed: their questions
 * are asked, but never printed (failures name the set and the entry's number only).
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Locale, messages } from "../../src/bot/i18n.js";
import { BUTTON_ROW, messageHeight, PANE } from "../../src/bot/render/height.js";
import type { RenderedMessage } from "../../src/bot/render/limits.js";
import { escapeText } from "../../src/bot/render/text.js";
import { companyPageView, questionView } from "../../src/bot/views.js";
import { type Answer, answer, companyAnswer } from "../../src/engine/index.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { KNOWLEDGE_DIR, load } from "./helpers.js";

const QUESTIONS = fileURLToPath(new URL("../questions/", import.meta.url));

interface Asked {
  /** Where it is, for messages: `questions.yaml#12`. Never the question itself. */
  readonly where: string;
  readonly question: string;
}

/** Every question of every set; only `q` and `repeat` are read, whatever else a set holds. */
function allQuestions(): Asked[] {
  const out: Asked[] = [];
  for (const file of readdirSync(QUESTIONS)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const entries: unknown = parse(readFileSync(`${QUESTIONS}${file}`, "utf8"));
    if (!Array.isArray(entries)) continue;
    entries.forEach((e: unknown, i) => {
      if (typeof e !== "object" || e === null || !("q" in e) || typeof e.q !== "string") return;
      const repeat = "repeat" in e && typeof e.repeat === "number" ? e.repeat : 0;
      const q = e.q;
      const question = repeat && q ? q.repeat(Math.ceil(repeat / q.length)).slice(0, repeat) : q;
      out.push({ where: `${file}#${i + 1}`, question });
    });
  }
  return out;
}

let kb: KnowledgeBase;
let asked: Asked[];
beforeAll(async () => {
  kb = await load(KNOWLEDGE_DIR);
  asked = allQuestions();
});

/** The organizations an answer is about (not the platform's position beside them). */
function subjects(a: Answer): string[] {
  return [...new Set(a.groups.filter((g) => g.kind !== "position").map((g) => g.company.id))];
}

/** Blocks before a heading: the short answer, and each quote block (a speaker line ends in [n]). */
function blocksBefore(message: RenderedMessage, heading: string): number | undefined {
  const lines = (message.embeds[0]?.description ?? "").split("\n");
  const at = lines.indexOf(`**${heading}**`);
  if (at < 0) return undefined;
  const quotes = lines.slice(0, at).filter((l) => /\*\*\[\d+\]\*\*$/.test(l)).length;
  const short = lines[0]?.startsWith("• ") ? 1 : 0;
  return short + quotes;
}

describe("answers fit the screen", () => {
  it("over every question set, in English and Dutch: one company ≤ 1 pane, any answer ≤ 1.5", () => {
    expect(asked.length).toBeGreaterThan(300);
    let tallestOne = { px: 0, where: "" };
    let tallest = { px: 0, where: "" };
    for (const { where, question } of asked) {
      const a = answer(question, kb);
      for (const locale of ["en", "nl"] as const) {
        const [message, ...more] = questionView(question, kb, locale);
        expect(more, `${where} (${locale}) is one message`).toHaveLength(0);
        // With the 👍/👎 row the question log adds under an answer.
        const px = messageHeight(message as RenderedMessage) + BUTTON_ROW;
        if (px > tallest.px) tallest = { px, where: `${where} (${locale})` };
        if (a.answered && subjects(a).length === 1 && px > tallestOne.px) {
          tallestOne = { px, where: `${where} (${locale})` };
        }
      }
    }
    expect(
      tallestOne.px,
      `the tallest one-company answer, ${tallestOne.where}`,
    ).toBeLessThanOrEqual(PANE);
    expect(tallest.px, `the tallest answer, ${tallest.where}`).toBeLessThanOrEqual(PANE * 1.5);
  }, 180_000);

  it("the asked company's own words are within the first three blocks", () => {
    let checked = 0;
    for (const { where, question } of asked) {
      const a = answer(question, kb);
      const first = a.companies[0];
      if (!a.answered || !first) continue;
      const own = a.groups.find(
        (g) => g.company.id === first.id && g.kind !== "reported" && g.facts.length > 0,
      );
      if (!own) continue;
      for (const locale of ["en", "nl"] as const) {
        const m = messages(locale);
        const name = escapeText(first.name);
        const t =
          own.kind === "position" && first.role === "platform"
            ? m.groupPosition(name)
            : m.groupSaid(name);
        const message = questionView(question, kb, locale)[0] as RenderedMessage;
        const before = blocksBefore(message, t);
        expect(before, `${where} (${locale}): its own words are shown`).toBeDefined();
        expect(
          before ?? 99,
          `${where} (${locale}): blocks before its own words`,
        ).toBeLessThanOrEqual(2);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  }, 180_000);

  it("/company for the company with the most facts: one message a page, each page ≤ 1 pane", () => {
    const counts = kb.organizations.map((o) => ({
      id: o.id,
      n: companyAnswer(o.id, kb)?.groups.reduce((n, g) => n + g.facts.length, 0) ?? 0,
    }));
    const most = counts.reduce((a, b) => (b.n > a.n ? b : a));
    for (const locale of ["en", "nl"] as Locale[]) {
      const first = companyPageView(most.id, kb, locale, { owner: "200000000000000001" });
      expect(first?.pages).toBeGreaterThan(1);
      for (let page = 0; page < (first?.pages ?? 0); page++) {
        const view = companyPageView(most.id, kb, locale, { owner: "200000000000000001", page });
        const px = messageHeight(view?.message as RenderedMessage);
        expect(px, `${most.id} page ${page + 1} (${locale})`).toBeLessThanOrEqual(PANE);
      }
    }
  });
});
