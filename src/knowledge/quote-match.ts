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
 * The passage of the article most like the quote, for the message of a quote not found
 * verbatim. Bounded work whatever the sizes (comparing every window of the article with the
 * quote cost article size × quote size: a minute for one 5 KB quote in an 800 KB article):
 * runs of three words of the quote found in the article vote for where the quote would start,
 * single longer words when no run is found, and common runs are not followed. `index`: the
 * article's, built once for all of its quotes.
 */
export function closestPassage(
  quote: string,
  article: string,
  index = passageIndex(article),
  work: { votes: number } = { votes: 0 },
): string {
  const start = bestStart(wordsOf(quote), index, work);
  return widenToWords(article, start, start + quote.length);
}

/** Runs of words followed from the quote, and article places per run followed. */
const MAX_QUOTE_RUNS = 400;
const MAX_PLACES = 32;
const RUN = 3;

export interface PassageIndex {
  /** Where each word of the article starts. */
  readonly starts: readonly number[];
  /** Article word positions of each run of `RUN` words, and of each single word. */
  readonly runs: ReadonlyMap<string, readonly number[]>;
  readonly singles: ReadonlyMap<string, readonly number[]>;
}

interface Word {
  readonly text: string;
  readonly at: number;
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const match of text.toLowerCase().matchAll(/\S+/g))
    out.push({ text: match[0], at: match.index });
  return out;
}

export function passageIndex(article: string): PassageIndex {
  const words = wordsOf(article);
  const runs = new Map<string, number[]>();
  const singles = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (list.length <= MAX_PLACES) list.push(i);
  };
  words.forEach((word, i) => {
    if (word.text.length >= 4) add(singles, word.text, i);
    if (i + RUN <= words.length) add(runs, runKey(words, i), i);
  });
  return { starts: words.map((w) => w.at), runs, singles };
}

function runKey(words: readonly Word[], i: number): string {
  return words
    .slice(i, i + RUN)
    .map((w) => w.text)
    .join(" ");
}

/** The article offset where the quote most likely starts (0 when nothing matches). */
function bestStart(quote: readonly Word[], index: PassageIndex, work: { votes: number }): number {
  const votes = new Map<number, number>();
  const vote = (map: ReadonlyMap<string, readonly number[]>, key: string, offset: number) => {
    const places = map.get(key);
    // A run found in many places says little about where this quote is.
    if (!places || places.length > MAX_PLACES) return;
    for (const place of places) {
      const start = place - offset;
      votes.set(start, (votes.get(start) ?? 0) + 1);
      work.votes++;
    }
  };
  const runCount = Math.max(0, quote.length - RUN + 1);
  const step = Math.max(1, Math.ceil(runCount / MAX_QUOTE_RUNS));
  for (let i = 0; i < runCount; i += step) vote(index.runs, runKey(quote, i), i);
  if (votes.size === 0) {
    const wordStep = Math.max(1, Math.ceil(quote.length / MAX_QUOTE_RUNS));
    for (let i = 0; i < quote.length; i += wordStep) {
      const word = quote[i];
      if (word && word.text.length >= 4) vote(index.singles, word.text, i);
    }
  }
  let best: { start: number; votes: number } | undefined;
  for (const [start, n] of votes) {
    if (!best || n > best.votes || (n === best.votes && start < best.start))
      best = { start, votes: n };
  }
  const word = Math.min(Math.max(0, best?.start ?? 0), Math.max(0, index.starts.length - 1));
  return index.starts[word] ?? 0;
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

function widenToWords(text: string, start: number, end: number): string {
  let stop = Math.min(end, text.length);
  while (stop < text.length && text[stop] !== " ") stop++;
  return text.slice(start, stop).trim();
}
