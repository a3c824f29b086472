import type { APIEmbed } from "discord.js";
import { beforeAll, describe, expect, it } from "vitest";
import { CATALOGUE, messages } from "../../src/bot/i18n.js";
import { QUESTION_SHOWN, renderAnswer } from "../../src/bot/render/answer.js";
import {
  embedLength,
  LIMITS,
  messageProblems,
  type RenderedMessage,
} from "../../src/bot/render/limits.js";
import { renderHelp, renderReload, renderSources } from "../../src/bot/render/pages.js";
import { blockQuote, escapeText, shorten, trimWithNote } from "../../src/bot/render/text.js";
import { companyView, questionView } from "../../src/bot/views.js";
import { type Answer, type AnswerFact, answer, companyAnswer } from "../../src/engine/index.js";
import type { KnowledgeBase, Source } from "../../src/knowledge/schema.js";
import { KNOWLEDGE_DIR, load } from "./helpers.js";

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await load(KNOWLEDGE_DIR);
});

function expectWithinLimits(rendered: readonly RenderedMessage[]): void {
  expect(rendered.length).toBeGreaterThan(0);
  for (const m of rendered) expect(messageProblems(m)).toEqual([]);
}

function descriptions(rendered: readonly RenderedMessage[]): string {
  return rendered.flatMap((m) => m.embeds.map((e) => e.description ?? "")).join("\n\n");
}

/** The quote as the renderer must show it: escaped, every line block-quoted, whole. */
function shownQuote(fact: AnswerFact): string {
  return blockQuote(escapeText(fact.quote));
}

const fact = (i: number, quote: string, extra: Partial<AnswerFact> = {}): AnswerFact => ({
  id: `fact-${i}`,
  kind: i % 2 === 0 ? "reported" : "response",
  speaker: `Speaker ${i}`,
  quote,
  summary: "summary",
  source: "src",
  language: "en",
  ...extra,
});

function syntheticAnswer(
  companies: number,
  factsEach: number,
  quote: (i: number) => string,
): Answer {
  return {
    question: "a question",
    answered: true,
    confidence: 1,
    topics: [],
    companies: Array.from({ length: companies }, (_, c) => ({
      id: `company-${c}`,
      name: `Company ${c}`,
      role: "partner" as const,
      facts: Array.from({ length: factsEach }, (_, f) => fact(c * 1000 + f, quote(c * 1000 + f))),
      noResponseInSources: false,
    })),
    sources: [
      { id: "src", title: "A title", publisher: "A publisher", date: "2018-12", language: "en" },
    ],
  };
}

describe("the limit checker", () => {
  it("catches every limit a message can break", () => {
    const long = (n: number) => "x".repeat(n);
    const embed = (e: Partial<APIEmbed>): APIEmbed => ({ description: "ok", ...e });
    const cases: [RenderedMessage, RegExp][] = [
      [{ content: long(2001), embeds: [] }, /^content/],
      [{ embeds: Array.from({ length: 11 }, () => embed({})) }, /^embeds: 11/],
      [{ embeds: [embed({ title: long(257) })] }, /title/],
      [{ embeds: [embed({ description: long(4097) })] }, /description/],
      [{ embeds: [embed({ footer: { text: long(2049) } })] }, /footer/],
      [
        {
          embeds: [
            embed({ fields: Array.from({ length: 26 }, () => ({ name: "n", value: "v" })) }),
          ],
        },
        /fields: 26/,
      ],
      [{ embeds: [embed({ fields: [{ name: long(257), value: "v" }] })] }, /name/],
      [{ embeds: [embed({ fields: [{ name: "n", value: long(1025) }] })] }, /value/],
      [
        { embeds: [embed({ description: long(4000) }), embed({ description: long(2001) })] },
        /embeds total/,
      ],
      [{ content: " ", embeds: [] }, /empty message/],
      [
        {
          content: "x",
          embeds: [],
          components: [
            { type: 1, components: [{ type: 2, style: 1, custom_id: long(101), label: long(81) }] },
          ],
        },
        /custom_id/,
      ],
    ];
    for (const [message, problem] of cases) {
      const found = messageProblems(message);
      expect(
        found.some((p) => problem.test(p)),
        `${problem} in ${found.join("; ")}`,
      ).toBe(true);
    }
  });
});

describe("answers from the shipped fact base", () => {
  it("every organization's /company view is within limits and shows every fact whole", () => {
    for (const org of kb.organizations) {
      const full = companyAnswer(org.id, kb);
      const rendered = companyView(org.id, kb, "en");
      expect(full && rendered, org.id).toBeTruthy();
      if (!full || !rendered) continue;
      expectWithinLimits(rendered);
      const text = descriptions(rendered);
      for (const f of full.companies.flatMap((c) => c.facts)) {
        expect(text, `${org.id}: ${f.id}`).toContain(shownQuote(f));
      }
      expect(rendered.at(-1)?.components?.[0]?.components.length).toBeGreaterThan(0);
    }
  });

  it("the longest company answer is split over several messages, none over 6000 characters", () => {
    const sizes = kb.organizations.map((o) => {
      const rendered = companyView(o.id, kb, "nl") ?? [];
      const total = rendered.flatMap((m) => m.embeds).reduce((n, e) => n + embedLength(e), 0);
      return { id: o.id, rendered, total };
    });
    const longest = sizes.reduce((a, b) => (b.total > a.total ? b : a));
    expect(longest.total).toBeGreaterThan(LIMITS.embedsTotal);
    expect(longest.rendered.length).toBeGreaterThan(1);
    expectWithinLimits(longest.rendered);
    expect(longest.rendered[0]?.content).toContain(messages("nl").companyTitle(""));
  });

  it("quotes are block quotes with the speaker, the labelled translation and the source", () => {
    const dutch = kb.facts.find((f) => f.language === "nl" && f.translation);
    expect(dutch).toBeDefined();
    if (!dutch) return;
    const org = dutch.about[0] as string;
    for (const locale of ["en", "nl"] as const) {
      const t = messages(locale);
      const text = descriptions(companyView(org, kb, locale) ?? []);
      const block = text.split("\n\n").find((b) => b.includes(shownQuote(dutch as AnswerFact)));
      expect(block).toBeDefined();
      const source = kb.sources.find((s) => s.id === dutch.source);
      expect(block).toContain(`**${t.kind[dutch.kind]}** · ${escapeText(dutch.speaker)}`);
      expect(block).toContain(`**${t.translation}:** ${escapeText(dutch.translation ?? "")}`);
      expect(block).toContain(escapeText(source?.title ?? "?"));
      if (source?.publisher) expect(block).toContain(escapeText(source.publisher));
    }
  });

  it("a question's answer is within limits with Sources and More-from buttons", () => {
    const rendered = questionView("did spotify read messages?", kb, "en");
    expectWithinLimits(rendered);
    const buttons = rendered.at(-1)?.components?.[0]?.components ?? [];
    const ids = buttons.map((b) => ("custom_id" in b ? b.custom_id : ""));
    expect(ids).toContain("receipts:v1:sources");
    expect(ids.some((id) => id.startsWith("receipts:v1:company:"))).toBe(true);
  });

  it("a 6000-character question is shown shortened, with a note, and the reply fits", () => {
    const words = "did spotify read private messages of users ";
    const question = words.repeat(Math.ceil(6000 / words.length)).slice(0, 6000);
    for (const locale of ["en", "nl"] as const) {
      const rendered = questionView(question, kb, locale);
      expectWithinLimits(rendered);
      const content = rendered[0]?.content ?? "";
      expect(content).toContain(messages(locale).questionShortened);
      expect(content.length).toBeLessThan(QUESTION_SHOWN + 200);
    }
  });

  it("a 6000-character question of mentions and Markdown renders within limits", () => {
    const question = "@everyone @here <@&123456789012345678> <@123456789012345678> **x** # y "
      .repeat(90)
      .slice(0, 6000);
    const rendered = questionView(question, kb, "en");
    expectWithinLimits(rendered);
    expect(rendered[0]?.content).not.toMatch(/(^|[^\\])\*\*x\*\*/);
  });

  it("an unanswerable question says so, with suggestions, within limits", () => {
    const a = answer("what is the weather in Paris tomorrow?", kb);
    expect(a.answered).toBe(false);
    for (const locale of ["en", "nl"] as const) {
      const rendered = renderAnswer(a, locale);
      expectWithinLimits(rendered);
      const embed = rendered[0]?.embeds[0];
      expect(embed?.title).toBe(messages(locale).notInSources);
      expect(embed?.description).toContain(escapeText(a.message ?? ""));
      for (const s of a.suggestions ?? []) expect(embed?.description).toContain(escapeText(s));
    }
  });
});

describe("answers too big for one message", () => {
  it("are split into messages of at most 10 embeds and 6000 characters, losing no fact", () => {
    const a = syntheticAnswer(3, 40, (i) => `Word ${i} `.repeat(110).trim());
    const rendered = renderAnswer(a, "en", { maxMessages: 50 });
    expectWithinLimits(rendered);
    expect(rendered.length).toBeGreaterThan(3);
    const text = descriptions(rendered);
    for (const f of a.companies.flatMap((c) => c.facts)) expect(text).toContain(shownQuote(f));
    expect(rendered.slice(0, -1).every((m) => !m.components?.length)).toBe(true);
    expect(rendered.at(-1)?.embeds.at(-1)?.footer?.text).toBe(messages("en").answerFooter);
  });

  it("beyond the message cap, say how many facts were left out", () => {
    const a = syntheticAnswer(2, 60, (i) => `Quote number ${i} `.repeat(60).trim());
    const rendered = renderAnswer(a, "en", { maxMessages: 2 });
    expectWithinLimits(rendered);
    expect(rendered).toHaveLength(2);
    const text = descriptions(rendered);
    const all = a.companies.flatMap((c) => c.facts);
    const shown = all.filter((f) => text.includes(shownQuote(f))).length;
    expect(shown).toBeLessThan(all.length);
    expect(rendered.at(-1)?.content).toContain(messages("en").moreNotShown(all.length - shown));
  });

  it("an absurdly long quote is shortened at a word boundary with a visible note", () => {
    const long = "verbatim words ".repeat(700).trim();
    const a = syntheticAnswer(1, 1, () => long);
    const rendered = renderAnswer(a, "nl");
    expectWithinLimits(rendered);
    const text = descriptions(rendered);
    expect(text).toContain(messages("nl").quoteShortened);
    expect(text).toMatch(/(verbatim|words) … \(citaat/);
    expect(text).toContain(`${messages("nl").source}: `);
  });

  it("a long unbroken quote is cut inside the word only with the note", () => {
    const a = syntheticAnswer(1, 1, () => "x".repeat(9000));
    const rendered = renderAnswer(a, "en");
    expectWithinLimits(rendered);
    expect(descriptions(rendered)).toContain(messages("en").quoteShortened);
  });

  it("a long company name keeps titles and button labels within limits", () => {
    const a = syntheticAnswer(1, 2, (i) => `quote ${i}`);
    const named = {
      ...a,
      companies: a.companies.map((c) => ({ ...c, name: "Very Long Name ".repeat(30) })),
    };
    const rendered = renderAnswer(named, "en", {
      moreFrom: Array.from({ length: 8 }, (_, i) => ({
        id: `company-${i}`,
        name: "Long ".repeat(40),
      })),
    });
    expectWithinLimits(rendered);
    expect(rendered.at(-1)?.components?.[0]?.components).toHaveLength(LIMITS.buttonsPerRow);
  });
});

describe("Markdown in quotes and questions", () => {
  it("is escaped, so it shows as written", () => {
    const quote =
      "# Not a heading\n- not a list\n> not nested\n1. not numbered\n**not bold** [not](http://a.link) ||no spoiler|| ~~s~~ \\";
    const rendered = renderAnswer(
      syntheticAnswer(1, 1, () => quote),
      "en",
    );
    const text = descriptions(rendered);
    expect(text).toContain(
      "> \\# Not a heading\n> \\- not a list\n> \\> not nested\n> 1\\. not numbered\n> \\*\\*not bold\\*\\*",
    );
    expect(text).toContain("\\~\\~s\\~\\~ \\\\");
    expect(text).toContain("\\[not\\](http://a.link)");
    expect(text).toContain("\\|\\|no spoiler\\|\\|");
  });

  it("escapes the question shown back to the asker", () => {
    const rendered = renderAnswer(
      { ...syntheticAnswer(1, 1, () => "q"), question: "__under__ `code`" },
      "en",
    );
    expect(rendered[0]?.content).toContain("\\_\\_under\\_\\_ \\`code\\`");
  });
});

describe("other views", () => {
  it("/sources lists publisher, language, date and what each covers, within limits", () => {
    for (const locale of ["en", "nl"] as const) {
      const t = messages(locale);
      const rendered = renderSources(kb.sources, locale);
      expectWithinLimits(rendered);
      const fields = rendered.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []));
      expect(fields).toHaveLength(kb.sources.length);
      for (const s of kb.sources) {
        const field = fields.find((f) => f.name === shorten(escapeText(s.title), 256));
        expect(field?.value).toContain(t.language[s.language]);
        expect(field?.value).toContain(s.date);
        expect(field?.value).toContain(escapeText(s.publisher ?? t.publisherNotNamed));
      }
    }
  });

  it("/sources with more sources than fields in an embed spreads them over embeds", () => {
    const base = kb.sources[0] as Source;
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...base,
      id: `s-${i}`,
      title: `Title ${i}`,
    }));
    const rendered = renderSources(many, "en");
    expectWithinLimits(rendered);
    expect(rendered.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []))).toHaveLength(60);
  });

  it("/help is within limits and names the partners, in both languages", () => {
    for (const locale of ["en", "nl"] as const) {
      const help = renderHelp(kb, locale);
      expectWithinLimits([help]);
      const partners = kb.organizations.filter((o) => o.role === "partner");
      for (const p of partners) expect(JSON.stringify(help)).toContain(p.name);
      expect(help.embeds[0]?.description).toBe(CATALOGUE[locale].helpAbout);
    }
  });

  it("/reload results fit, even with hundreds of problems", () => {
    const counts = { sources: 3, organizations: 16, facts: 55 };
    const ok = renderReload(
      { ok: true, before: counts, after: { ...counts, facts: 56 }, ms: 12 },
      "en",
    );
    expectWithinLimits([ok]);
    expect(ok.content).toContain("55 facts");
    expect(ok.content).toContain("56 facts");
    const problems = Array.from({ length: 500 }, (_, i) => ({
      file: `facts/file-${i}.yaml`,
      field: `[${i}].quote`,
      line: i + 1,
      message: "is not in the article ".repeat(5),
    }));
    const failed = renderReload({ ok: false, problems, kept: counts }, "nl");
    expectWithinLimits([failed]);
    expect(failed.embeds[0]?.description).toContain("`facts/file-0.yaml:1 [0].quote` is not in");
    expect(failed.embeds[0]?.description).toMatch(/… en nog \d+ problemen\./);
  });
});

describe("trimming", () => {
  it("returns short text as is", () => {
    expect(trimWithNote("short text", 20, "(cut)")).toBe("short text");
  });

  it("never exceeds the limit and cuts between words, with the note", () => {
    const words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split(" ");
    for (let seed = 1; seed < 200; seed++) {
      const text = Array.from(
        { length: 5 + (seed % 40) },
        (_, i) => words[(seed * 7 + i) % words.length],
      ).join(" ");
      for (const max of [20, 33, 57, 100]) {
        const out = trimWithNote(text, max, "(cut)");
        expect(out.length).toBeLessThanOrEqual(max);
        if (out === text) continue;
        expect(out.endsWith(" … (cut)")).toBe(true);
        const kept = out.slice(0, -" … (cut)".length);
        expect(text.startsWith(kept)).toBe(true);
        expect([" ", undefined]).toContain(text[kept.length]);
      }
    }
  });

  it("shortens labels with an ellipsis, within the limit", () => {
    const out = shorten(
      "More from The Extraordinarily Long Company Name Incorporated Worldwide",
      30,
    );
    expect(out.length).toBeLessThanOrEqual(30);
    expect(out.endsWith("…")).toBe(true);
  });
});
