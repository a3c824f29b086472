import type { APIEmbed } from "discord.js";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCustomId } from "../../src/bot/custom-id.js";
import { CATALOGUE, messages } from "../../src/bot/i18n.js";
import { QUESTION_SHOWN, renderAnswer } from "../../src/bot/render/answer.js";
import { messageHeight, PANE } from "../../src/bot/render/height.js";
import { messageProblems, type RenderedMessage } from "../../src/bot/render/limits.js";
import { renderHelp, renderReload, renderSources } from "../../src/bot/render/pages.js";
import { blockQuote, escapeText, shorten, trimWithNote } from "../../src/bot/render/text.js";
import { companyPageView, questionView } from "../../src/bot/views.js";
import { arrange } from "../../src/engine/arrange.js";
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
  voice: {
    who: [{ id: `speaker-${i}`, name: `Speaker ${i}` }],
    spokesperson: false,
    how: "statement",
  },
  quote,
  summary: `summary ${i}`,
  summaryNl: `samenvatting ${i}`,
  source: "src",
  language: "en",
  ...extra,
});

function syntheticAnswer(
  companies: number,
  factsEach: number,
  quote: (i: number) => string,
): Answer {
  const list = Array.from({ length: companies }, (_, c) => ({
    id: `company-${c}`,
    name: `Company ${c}`,
    role: "partner" as const,
    facts: Array.from({ length: factsEach }, (_, f) => fact(c * 1000 + f, quote(c * 1000 + f))),
    noResponseInSources: false,
  }));
  return {
    question: "a question",
    answered: true,
    decision: "answer",
    notes: [],
    clarifications: [],
    confidence: 1,
    topics: [],
    companies: list,
    ...arrange(list, "question"),
    sources: [
      {
        id: "src",
        n: 1,
        title: "A title",
        titleKind: "article",
        publisher: "A publisher",
        date: "2018-12",
        language: "en",
      },
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
  it("every page of every organization's /company view is within limits; together they show every fact", () => {
    for (const org of kb.organizations) {
      const full = companyAnswer(org.id, kb);
      const first = companyPageView(org.id, kb, "en");
      expect(full && first, org.id).toBeTruthy();
      if (!full || !first) continue;
      const pages = Array.from(
        { length: first.pages },
        (_, page) => companyPageView(org.id, kb, "en", { page })?.message,
      ).filter((m): m is RenderedMessage => m !== undefined);
      expectWithinLimits(pages);
      const text = descriptions(pages);
      for (const f of full.companies.flatMap((c) => c.facts)) {
        expect(text, `${org.id}: ${f.id}`).toContain(shownQuote(f));
      }
    }
  });

  it("a long company view is pages of one message with ◀ n/N ▶, the page in the custom id", () => {
    const view = companyPageView("facebook", kb, "nl", { owner: "123456789012345678" });
    expect(view?.pages).toBeGreaterThan(1);
    const second = companyPageView("facebook", kb, "nl", { page: 1, owner: "123456789012345678" });
    const row = second?.message.components?.[0]?.components ?? [];
    const labels = row.map((b) => ("label" in b ? b.label : ""));
    expect(labels).toEqual(["◀", `2/${view?.pages}`, "▶"]);
    const [back, , forward] = row.map((b) => ("custom_id" in b ? b.custom_id : ""));
    expect(parseCustomId(back)).toMatchObject({
      kind: "page",
      of: { view: "company", id: "facebook" },
      page: 0,
      owner: "123456789012345678",
    });
    expect(parseCustomId(forward)).toMatchObject({ kind: "page", page: 2 });
    expect(second?.message.content).toContain(messages("nl").companyTitle(""));
  });

  it("an English reader sees our translation of a Dutch quote first, labelled; a Dutch reader only the quote", () => {
    const a = answer("did Spotify read messages?", kb);
    const dutch = a.companies.flatMap((c) => c.facts).find((f) => f.language === "nl");
    expect(dutch?.translation).toBeDefined();
    if (!dutch) return;
    const en = descriptions(questionView("did Spotify read messages?", kb, "en"));
    const translated = `*${messages("en").ourTranslation}:* ${escapeText(dutch.translation ?? "")}\n${shownQuote(dutch)}`;
    expect(en).toContain(translated);
    const nl = descriptions(questionView("did Spotify read messages?", kb, "nl"));
    expect(nl).toContain(shownQuote(dutch));
    expect(nl).not.toContain(escapeText(dutch.translation ?? ""));
    expect(nl).not.toContain(messages("nl").ourTranslation);
  });

  it("opens with the curated summaries in the reader's language, labelled as ours", () => {
    const a = answer("did Spotify read messages?", kb);
    const facts = new Map(a.companies.flatMap((c) => c.facts).map((f) => [f.id, f]));
    expect(a.short.length).toBeGreaterThanOrEqual(2);
    for (const locale of ["en", "nl"] as const) {
      const text =
        questionView("did Spotify read messages?", kb, locale)[0]?.embeds[0]?.description ?? "";
      const lines = a.short.map((id) => {
        const f = facts.get(id);
        return `• ${escapeText((locale === "nl" ? f?.summaryNl : f?.summary) ?? "?")}`;
      });
      // Two or three of them (two when the receipts need the room), then the label.
      const head = text.split(`\n-# ${messages(locale).shortLabel}`)[0]?.split("\n") ?? [];
      expect(head.length).toBeGreaterThanOrEqual(2);
      expect(head).toEqual(lines.slice(0, head.length));
    }
  });

  it("groups: what was reported, then what the company said, then Facebook's position; each quote cited [n]", () => {
    const text = descriptions(questionView("did Spotify read messages?", kb, "en"));
    const t = messages("en");
    const at = [t.groupReported, t.groupSaid("Spotify"), t.groupPosition("Facebook")].map((h) =>
      text.indexOf(`**${h}**`),
    );
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    const quotes = text.split("\n").filter((l) => l.startsWith("> ")).length;
    const cites = text.match(/\*\*\[\d\]\*\*/g) ?? [];
    expect(cites.length).toBeGreaterThan(0);
    expect(cites.length).toBeLessThanOrEqual(quotes);
    const footer = questionView("did Spotify read messages?", kb, "en")[0]?.embeds[0]?.footer?.text;
    expect(footer).toMatch(/^\[1\] NU\.nl, Dec\u00a02018 · /);
  });

  it("a sentence about several companies shows once", () => {
    const text = descriptions(
      questionView("which companies could read private messages?", kb, "en"),
    );
    const counts = new Map<string, number>();
    for (const l of text.split("\n").filter((x) => x.startsWith("> "))) {
      counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it("a question's answer is one message within limits, with at most 3 buttons: Sources and All on X (N)", () => {
    const rendered = questionView("did spotify read messages?", kb, "en");
    expect(rendered).toHaveLength(1);
    expectWithinLimits(rendered);
    const buttons = rendered[0]?.components?.[0]?.components ?? [];
    expect(buttons.length).toBeLessThanOrEqual(3);
    const ids = buttons.map((b) => ("custom_id" in b ? b.custom_id : ""));
    expect(ids).toContain("receipts:v1:sources");
    const all = ids.map(parseCustomId).find((x) => x?.kind === "open");
    expect(all).toMatchObject({ kind: "open", of: { view: "company", id: "spotify" } });
    expect(all?.kind === "open" ? all.of.skip.length : 0).toBeGreaterThan(0);
  });

  it("a mention reply does not repeat the question", () => {
    const rendered = questionView("did spotify read messages?", kb, "en", { mention: true });
    expect(rendered[0]?.content ?? "").not.toContain(messages("en").youAsked);
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
      expectWithinLimits([rendered]);
      const embed = rendered.embeds[0];
      expect(embed?.title).toBe(messages(locale).notInSources);
      expect(embed?.description).toContain(escapeText(a.message ?? ""));
      for (const s of a.suggestions ?? []) expect(embed?.description).toContain(escapeText(s));
    }
  });
});

describe("answers too big for one pane", () => {
  it("show what fits and leave the rest to All on X, within limits", () => {
    const a = syntheticAnswer(3, 40, (i) => `Word ${i} `.repeat(110).trim());
    const rendered = renderAnswer(a, "en");
    expectWithinLimits([rendered]);
    expect(messageHeight(rendered)).toBeLessThanOrEqual(PANE * 1.5);
    const text = descriptions([rendered]);
    const all = a.companies.flatMap((c) => c.facts);
    const shown = all.filter((f) => text.includes(shownQuote(f))).length;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(all.length);
  });

  it("an absurdly long quote is shortened at a word boundary with a visible note", () => {
    const long = "verbatim words ".repeat(700).trim();
    const rendered = renderAnswer(
      syntheticAnswer(1, 1, () => long),
      "nl",
    );
    expectWithinLimits([rendered]);
    const text = descriptions([rendered]);
    expect(text).toContain(messages("nl").quoteShortened);
    expect(text).toMatch(/(verbatim|words) … \(citaat/);
  });

  it("a long unbroken quote is cut inside the word only with the note", () => {
    const rendered = renderAnswer(
      syntheticAnswer(1, 1, () => "x".repeat(9000)),
      "en",
    );
    expectWithinLimits([rendered]);
    expect(descriptions([rendered])).toContain(messages("en").quoteShortened);
  });

  it("a long company name keeps titles and button labels within limits; at most 3 buttons", () => {
    const a = syntheticAnswer(1, 2, (i) => `quote ${i}`);
    const named = {
      ...a,
      companies: a.companies.map((c) => ({ ...c, name: "Very Long Name ".repeat(30) })),
    };
    const rendered = renderAnswer(named, "en", {
      more: () =>
        Array.from({ length: 8 }, (_, i) => ({
          customId: `receipts:v1:x${i}`,
          label: "Long ".repeat(40),
        })),
    });
    expectWithinLimits([rendered]);
    expect(rendered.components?.[0]?.components).toHaveLength(3);
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
    const text = descriptions([rendered]);
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
    expect(rendered.content).toContain("\\_\\_under\\_\\_ \\`code\\`");
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
      for (const [i, s] of kb.sources.entries()) {
        // Numbered as answers cite them; our descriptive titles in the reader's language.
        const field = fields.find((f) => f.name.startsWith(`[${i + 1}] `));
        const title =
          s.titleKind === "article" ? `“${s.title}”` : locale === "nl" ? s.titleNl : s.title;
        expect(field?.name).toContain(escapeText(title ?? "?"));
        expect(field?.value).toContain(t.language[s.language]);
        expect(field?.value).toContain(escapeText(locale === "nl" ? s.coversNl : s.covers));
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
