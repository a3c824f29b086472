/**
 * Is a quote a verbatim span of its article? The articles keep typographic quote marks and their
 * own line breaks, so both sides are compared after normalising white space runs to one space and
 * curly quote marks to straight ones, and nothing else.
 */

const ELLIPSIS = /\.\.\.|…/;
/** What normalising changes: white space other than one space, and curly quote marks. */
const TO_NORMALIZE = /[^\S ]\s*| \s+|[‘’‚‛“”„]/g;
const NEEDS_NORMALIZING = /[^\S ]| \s|[‘’‚‛“”„]/;

export function normalizeForQuote(text: string): string {
  // Most quotes are already normal: checked first, since every fact of the base is normalised.
  if (!NEEDS_NORMALIZING.test(text)) return text;
  return text.replace(TO_NORMALIZE, (found) => {
    if (/\s/.test(found[0] ?? "")) return " ";
    return "‘’‚‛".includes(found) ? "'" : '"';
  });
}

/** Both arguments normalised with `normalizeForQuote`. */
export function isVerbatim(quote: string, article: string): boolean {
  return verbatimAt(quote, article) === "whole";
}

/**
 * Where the quote is in the article: as a span of whole words, only inside a longer word at its
 * start or end ("acceptable" of "unacceptable" reverses the meaning), or not at all.
 */
export function verbatimAt(quote: string, article: string): "whole" | "inside-word" | "absent" {
  let found = false;
  for (let at = article.indexOf(quote); at !== -1; at = article.indexOf(quote, at + 1)) {
    found = true;
    if (
      !cutsWord(article, at, quote[0], -1) &&
      !cutsWord(article, at + quote.length, quote.at(-1), 1)
    ) {
      return "whole";
    }
  }
  return found ? "inside-word" : "absent";
}

/** The longer word a quote found "inside-word" cuts into (at its first place), for a message. */
export function cutWord(quote: string, article: string): string {
  const at = article.indexOf(quote);
  const edge = cutsWord(article, at, quote[0], -1) ? at : at + quote.length;
  let from = edge;
  let to = edge;
  while (from > 0 && (isWordChar(article[from - 1]) || APOSTROPHE.test(article[from - 1] ?? "")))
    from--;
  while (to < article.length && (isWordChar(article[to]) || APOSTROPHE.test(article[to] ?? "")))
    to++;
  return article.slice(from, to);
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const APOSTROPHE = /^['’]$/;

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c);
}

/**
 * Does a boundary of the quote fall inside a word of the article? `at`: the quote's start
 * (`side` -1, looking left) or end (`side` 1, looking right); `edge`: the quote's character
 * there. It does when a letter of the quote touches a letter of the article, or an apostrophe
 * with a letter beyond it ("s over" out of "It's over").
 */
function cutsWord(article: string, at: number, edge: string | undefined, side: -1 | 1): boolean {
  if (!isWordChar(edge)) return false;
  const next = side === -1 ? at - 1 : at;
  const outside = article[next];
  if (isWordChar(outside)) return true;
  return APOSTROPHE.test(outside ?? "") && isWordChar(article[next + side]);
}

export function hasEllipsis(quote: string): boolean {
  return ELLIPSIS.test(quote);
}

/**
 * True when every piece of the quote between ellipses is in the article: the curator trimmed a
 * passage with "..." instead of quoting it whole.
 */
export function isTrimmedWithEllipsis(quote: string, article: string): boolean {
  const parts = quote
    .split(ELLIPSIS)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return hasEllipsis(quote) && parts.length > 0 && parts.every((p) => article.includes(p));
}

/**
 * The passage of the article most like the quote: of the windows of the quote's length starting
 * at a word, the one sharing the most character pairs with it (Dice coefficient), widened to
 * whole words. Only run for quotes that failed, so plain and simple beats fast.
 */
export function closestPassage(quote: string, article: string): string {
  const target = bigrams(quote.toLowerCase());
  let best = { start: 0, score: -1 };
  for (const start of wordStarts(article)) {
    const window = article.slice(start, start + quote.length).toLowerCase();
    const score = dice(target, bigrams(window));
    if (score > best.score) best = { start, score };
  }
  return widenToWords(article, best.start, best.start + quote.length);
}

/** A short pointer to where two texts first differ, like `after "had accessed": ...`. */
export function firstDifference(quote: string, passage: string): string {
  let i = 0;
  while (i < quote.length && quote[i] === passage[i]) i++;
  const said = (s: string) => JSON.stringify(s.slice(i, i + 20));
  const before =
    i === 0 ? "at the start" : `after ${JSON.stringify(quote.slice(Math.max(0, i - 30), i))}`;
  return `they first differ ${before}: the quote has ${said(quote)}, the article has ${said(passage)}`;
}

function wordStarts(text: string): number[] {
  const starts = [0];
  for (let i = 1; i < text.length; i++) if (text[i - 1] === " ") starts.push(i);
  return starts;
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const pair = text.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [pair, n] of a) {
    shared += Math.min(n, b.get(pair) ?? 0);
    total += n;
  }
  for (const n of b.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

function widenToWords(text: string, start: number, end: number): string {
  let stop = Math.min(end, text.length);
  while (stop < text.length && text[stop] !== " ") stop++;
  return text.slice(start, stop).trim();
}
