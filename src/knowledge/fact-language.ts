/** A fact's language is its source's, and a non-English quote carries our English rendering. */
import { type Entry, problemAt } from "./entry.js";
import type { Problem } from "./problem.js";
import type { Fact, Source } from "./schema.js";

export function factLanguage(fact: Entry<Fact>, sources: ReadonlyMap<string, Source>): Problem[] {
  const { language, translation, source } = fact.value;
  const problems: Problem[] = [];
  const sourceLanguage = sources.get(source)?.language;
  if (sourceLanguage && sourceLanguage !== language) {
    const message = `is '${language}' but source '${source}' is in '${sourceLanguage}': set language: ${sourceLanguage}`;
    problems.push(problemAt(fact, ["language"], message));
  }
  if (language !== "en" && translation === undefined) {
    const message = `the quote is in '${language}', so it needs a translation: add our own English rendering`;
    problems.push(problemAt(fact, ["translation"], message));
  }
  return problems;
}
