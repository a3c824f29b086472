/**
 * The text form on real answers: laid out as the bot lays them out (the short answer first,
 * labelled as ours; the receipts grouped; [n] citations; one key to the sources at the end), and
 * never a terminal escape, whatever the answer holds.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type Locale, messages } from "../../src/bot/i18n.js";
import { groupHeading, layoutGroups, shortSummaries } from "../../src/bot/render/layout.js";
import { renderText } from "../../src/cli/render-text.js";
import { type Answer, answer } from "../../src/engine/index.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { load } from "../bot/helpers.js";
import { KNOWLEDGE_DIR } from "../engine/knowledge.js";

const QUESTIONS = fileURLToPath(new URL("../questions/", import.meta.url));

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await load(KNOWLEDGE_DIR);
});

/** The questions of the sets that may be read (the sealed ones are not), by where they are. */
function questions(): Array<{ where: string; q: string }> {
  const out: Array<{ where: string; q: string }> = [];
  for (const file of readdirSync(QUESTIONS).filter((f) => f.endsWith(".yaml"))) {
    if (file.includes("sealed")) continue;
    const entries: unknown = parse(readFileSync(`${QUESTIONS}${file}`, "utf8"));
    if (!Array.isArray(entries)) continue;
    entries.forEach((e: unknown, i) => {
      if (typeof e === "object" && e !== null && "q" in e && typeof e.q === "string") {
        out.push({ where: `${file}#${i + 1}`, q: e.q });
      }
    });
  }
  return out;
}

const words = (text: string) =>
  text
    .split(/[ \t\r\n]+/)
    .filter(Boolean)
    .join(" ");

/**
 * Wrapped items: each from a line `starts` accepts (given the line before it) through the lines
 * after it that `continues` accepts, without their leading `strip`, joined into one.
 */
function items(
  lines: readonly string[],
  starts: (line: string, before: string | undefined) => boolean,
  continues: (line: string) => boolean,
  strip: RegExp,
): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!starts(line, lines[i - 1])) return;
    const parts = [line];
    for (let j = i + 1; j < lines.length && continues(lines[j] ?? ""); j++)
      parts.push(lines[j] ?? "");
    out.push(words(parts.map((p) => p.replace(strip, "")).join(" ")));
  });
  return out;
}

/** What an answer's text must hold, checked line by line. */
function checkLayout(a: Answer, locale: Locale, where: string): void {
  const t = messages(locale);
  const text = renderText(a, locale);
  const lines = text.split("\n");
  const groups = layoutGroups(a, locale);
  const headings = groups.map((g) => groupHeading(g.group, g.role, t));
  const at = (line: string) => lines.indexOf(line);

  // The short answer first, labelled as ours, then the groups in reading order.
  const short = shortSummaries(a, locale);
  if (short.length > 0) {
    expect(at(t.shortLabel), where).toBeGreaterThan(0);
    expect(at(t.shortLabel), where).toBeLessThan(at(headings[0] ?? "?"));
    const bullets = items(
      lines,
      (l) => l.startsWith("  • "),
      (l) => l.startsWith("    "),
      /^ {2}• | {4}/,
    );
    expect(bullets.slice(0, short.length), where).toEqual(short.map(words));
  }
  const order = headings.map(at);
  expect(
    order.every((n) => n > 0),
    where,
  ).toBe(true);
  expect(
    [...order].sort((x, y) => x - y),
    where,
  ).toEqual(order);

  // Every fact once, in order, its quote verbatim behind the bar; Dutch after our translation
  // for an English reader.
  const facts = groups.flatMap((g) => g.facts);
  const bar = (l: string | undefined) => l?.startsWith("    > ") ?? false;
  const quoted = items(lines, (l, before) => bar(l) && !bar(before), bar, /^ {4}> /);
  expect(quoted, where).toEqual(facts.map((f) => words(f.fact.quote)));
  for (const f of facts) {
    const translated = locale === "en" && f.fact.language === "nl";
    expect(f.translation !== undefined, where).toBe(translated);
    if (translated) expect(text, where).toContain(`${t.ourTranslation}: `);
  }
  if (locale === "nl") expect(text, where).not.toContain(t.ourTranslation);

  // The citations [n] on the speakers' lines; one key at the end with each source cited once.
  const cited = new Set(facts.map((f) => f.n));
  const key = lines.slice(at(t.sourcesTitle) + 1);
  expect(at(t.sourcesTitle), where).toBeGreaterThan(Math.max(...order));
  const entries = items(
    key,
    (l) => /^ {2}\[\d+\] /.test(l),
    (l) => l.startsWith("      "),
    /^ +/,
  );
  expect(
    entries.map((e) => Number(/^\[(\d+)\]/.exec(e)?.[1])),
    where,
  ).toEqual([...cited].sort((x, y) => (x ?? 0) - (y ?? 0)));
  for (const s of a.sources.filter((x) => cited.has(x.n))) {
    const entry = entries.find((e) => e.startsWith(`[${s.n}] `)) ?? "";
    expect(entry, where).toContain(s.publisher ?? t.publisherUnnamed);
    // The article's own headline in quote marks; our description of it not at all.
    expect(entry.includes(`“${words(s.title)}”`), where).toBe(s.titleKind === "article");
    expect(entry.includes(words(s.title)), where).toBe(s.titleKind === "article");
    expect(entry, where).toMatch(/\d{4}$/);
  }
  // Wrapped to the terminal's width, a word longer than a line excepted.
  for (const line of lines) {
    if (line.length > 90) expect(line.trim().split(" ").length, where).toBe(1);
  }
}

describe("renderText", () => {
  it("lays out every answer of the question sets as the bot does, in English and Dutch", () => {
    const asked = questions();
    expect(asked.length).toBeGreaterThan(300);
    let answered = 0;
    for (const { where, q } of asked) {
      const a = answer(q, kb);
      if (!a.answered) continue;
      answered++;
      for (const locale of ["en", "nl"] as const) checkLayout(a, locale, `${where} (${locale})`);
    }
    expect(answered).toBeGreaterThan(300);
  });

  it("shows did Spotify read messages? as the presentation issue lays it out", () => {
    const text = renderText(answer("did spotify read messages?", kb));
    const lines = text.split("\n");
    const t = messages("en");
    expect(lines.slice(0, 3)).toEqual(["Q: did spotify read messages?", "", t.shortLabel]);
    const heads = ["What was reported", "What Spotify said", "Facebook's position", "Sources"];
    const at = heads.map((h) => lines.indexOf(h));
    expect(at.every((n) => n > 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(text).toMatch(/^ {2}Spotify, as reported \[3\]$/m);
    expect(text).toMatch(/^ {4}> But after Facebook detailed its Spotify relationship/m);
    const key = lines.slice(lines.indexOf("Sources") + 1).join("\n");
    expect(key).toContain("[1] NU.nl, Dec\u00a02018");
    expect(key).toMatch(
      /\[2\] TechRadar, “Facebook responds to claims that it shared users' private messages”,\s+Dec\u00a02018/,
    );
    expect(key).toContain("[3] publisher not named, Dec\u00a02018");
    expect(lines.at(-2)).toBe(`(${t.answerFooter})`);
  });

  it("strips escape sequences and control characters from every text it prints", () => {
    const plain = answer("did Spotify read messages?", kb);
    const hostile = JSON.parse(JSON.stringify(plain)) as Answer;
    const company = hostile.companies[0];
    const fact = company?.facts[0];
    if (!company || !fact) throw new Error("expected an answer about Spotify");
    const escapes = "\u001b]0;owned\u0007\u001b[2J\u009b31m\u0000";
    Object.assign(company, { name: `${company.name}${escapes}` });
    for (const g of hostile.groups)
      Object.assign(g.company, { name: `${g.company.name}${escapes}` });
    Object.assign(fact, { quote: `${escapes}${fact.quote}`, summary: `${fact.summary}${escapes}` });
    const who = fact.voice.who[0];
    if (who) Object.assign(who, { name: `${who.name}${escapes}` });
    const text = renderText(hostile);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point.
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).not.toContain("owned");
    expect(text).toContain(fact.quote.replace(escapes, "").split(" ").slice(0, 4).join(" "));
  });
});
