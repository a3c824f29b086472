/** The checks that span files: ids, references, languages, quotes and coverage. */
import { coverageProblems } from "./coverage.js";
import { duplicateIds } from "./duplicates.js";
import { factLanguage } from "./fact-language.js";
import { lexiconProblems } from "./lexicon-checks.js";
import { nameClashes } from "./names.js";
import { flatMapPaced, type Pace, pacer } from "./pacer.js";
import type { Problem } from "./problem.js";
import { type Article, quoteProblems } from "./quote-checks.js";
import { normalizeForQuote } from "./quote-match.js";
import type { ParsedBase } from "./read-base.js";
import { factReferences, type KnownIds, questionReferences } from "./references.js";
import type { Organization, Source } from "./schema.js";
import { sourceTitleProblems, voiceProblems } from "./voice-checks.js";
import type { ListFile } from "./yaml-file.js";

/** Paced: a large base is checked in slices, so a bot reloading it keeps answering. */
export async function crossCheck(base: ParsedBase, pace: Pace = pacer()): Promise<Problem[]> {
  const facts = base.factFiles.flatMap((file) => file.entries);
  const known: KnownIds = {
    sources: idsOf(base.sources),
    organizations: idsOf(base.organizations),
    topics: idsOf(base.topics),
  };
  const sources = new Map(base.sources.entries.map((e) => [e.value.id, e.value]));
  const articles = await normalizedArticles(sources, base.texts, pace);
  const references = await flatMapPaced(facts, (fact) => factReferences(fact, known), pace);
  const languages = await flatMapPaced(facts, (fact) => factLanguage(fact, sources), pace);
  const quotes = await flatMapPaced(
    facts,
    (fact) => quoteProblems(fact, articles.get(fact.value.source)),
    pace,
  );
  const organizations = new Map<string, Organization>();
  for (const e of base.organizations.entries) {
    if (!organizations.has(e.value.id)) organizations.set(e.value.id, e.value);
  }
  const voices = await flatMapPaced(
    facts,
    (fact) => voiceProblems(fact, known.organizations, organizations),
    pace,
  );
  const titles = base.sources.entries.flatMap(sourceTitleProblems);
  const duplicates: Problem[] = [];
  for (const [kind, entries] of [
    ["source", base.sources.entries],
    ["organization", base.organizations.entries],
    ["topic", base.topics.entries],
    ["lexicon", base.lexicon.entries],
    ["question", base.questions.entries],
    ["fact", facts],
  ] as const) {
    duplicates.push(...(await duplicateIds(kind, entries, pace)));
  }
  return [
    ...duplicates,
    ...nameClashes(base.organizations.entries),
    ...lexiconProblems(base.lexicon.entries),
    ...base.questions.entries.flatMap((q) => questionReferences(q, known)),
    ...references,
    ...languages,
    ...quotes,
    ...voices,
    ...titles,
    ...(references.length === 0 ? await coverage(base, pace) : []),
  ];
}

/**
 * Coverage is only judged on sound facts: a fact that failed its schema or names a mistyped
 * organization may be the one that covers it, and a false "has no facts" would mislead.
 */
async function coverage(base: ParsedBase, pace: Pace): Promise<Problem[]> {
  if (!base.factsComplete || !base.organizations.parsed) return [];
  const facts = base.factFiles.flatMap((file) => file.entries.map((e) => e.value));
  return coverageProblems(base.organizations.entries, facts, pace);
}

function idsOf(file: ListFile<unknown>): ReadonlySet<string> | undefined {
  return file.parsed ? file.ids : undefined;
}

async function normalizedArticles(
  sources: ReadonlyMap<string, Source>,
  texts: ReadonlyMap<string, string>,
  pace: Pace,
): Promise<Map<string, Article>> {
  const articles = new Map<string, Article>();
  for (const [id, text] of texts) {
    const file = sources.get(id)?.file ?? id;
    articles.set(id, { file, normalized: normalizeForQuote(text) });
    await pace();
  }
  return articles;
}
