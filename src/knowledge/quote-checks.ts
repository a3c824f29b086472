/** Every quote must be a verbatim span of its article; an ellipsis may not stand for a cut. */
import { type Entry, problemAt } from "./entry.js";
import type { Problem } from "./problem.js";
import {
  closestPassage,
  cutWord,
  firstDifference,
  hasEllipsis,
  isTrimmedWithEllipsis,
  normalizeForQuote,
  type PassageIndex,
  passageIndex,
  verbatimAt,
} from "./quote-match.js";
import type { Fact } from "./schema.js";

/** An article, normalised once for all of its facts. */
export interface Article {
  readonly file: string;
  readonly normalized: string;
}

const NO_ELLIPSIS = "quotes must not be trimmed with an ellipsis: split it into two facts";

export function quoteProblems(fact: Entry<Fact>, article: Article | undefined): Problem[] {
  if (!article) return []; // unknown or unreadable source: reported elsewhere
  const quote = normalizeForQuote(fact.value.quote);
  const found = verbatimAt(quote, article.normalized);
  if (found === "whole") return [];
  if (found === "inside-word") {
    const word = JSON.stringify(cutWord(quote, article.normalized));
    const message = `begins or ends inside a word of ${article.file} (${word}), which can change its meaning: quote whole words`;
    return [problemAt(fact, ["quote"], message)];
  }
  if (isTrimmedWithEllipsis(quote, article.normalized)) {
    const message = `${NO_ELLIPSIS}, each quoting one part whole (the article has no ellipsis there)`;
    return [problemAt(fact, ["quote"], message)];
  }
  const { file, field, line } = problemAt(fact, ["quote"], "");
  // Finding the closest passage is the dearest step of any check, and a broken base may have
  // thousands of such quotes of which only the first are shown (MAX_PROBLEMS): it is found
  // when the message is first read.
  let message: string | undefined;
  const problem: Problem = {
    file,
    field,
    line,
    get message() {
      message ??= notFound(quote, article);
      return message;
    },
  };
  return [problem];
}

const indexes = new WeakMap<Article, PassageIndex>();

function notFound(quote: string, article: Article): string {
  let index = indexes.get(article);
  if (!index) {
    index = passageIndex(article.normalized);
    indexes.set(article, index);
  }
  const passage = closestPassage(quote, article.normalized, index);
  const parts = [
    `not found verbatim in ${article.file}: copy it character for character from the article`,
    firstDifference(quote, passage),
    `the closest passage there reads: ${JSON.stringify(passage)}`,
  ];
  if (hasEllipsis(quote)) parts.push(NO_ELLIPSIS);
  return parts.join("; ");
}
