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
  return article.includes(quote);
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
