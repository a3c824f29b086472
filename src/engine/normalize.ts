/**
 * Question clean-up and tokenisation. Discord messages carry mentions, markdown, emoji, control
 * characters and arbitrary length; the engine keeps a bounded, printable question for display
 * and a folded token list (lower case, no diacritics) for matching.
 */

/** Characters of the question kept for display and matching; longer input is cut. */
export const MAX_QUESTION_CHARS = 500;
/** Raw input beyond this is ignored before any regular expression runs over it. */
const MAX_RAW_CHARS = 4 * MAX_QUESTION_CHARS;
/** Tokens beyond this are ignored (a 500-character question has far fewer). */
const MAX_TOKENS = 120;

export interface Token {
  /** Folded form: lower case, diacritics removed, apostrophes dropped. */
  readonly text: string;
  /** The token as typed, for case-sensitive checks (short aliases, capitalised names). */
  readonly raw: string;
  /** True when the token opens a sentence, where capitals say nothing about names. */
  readonly sentenceStart: boolean;
  /** True when it opens a sentence or follows an emoji, which in chat closes a clause. */
  readonly clauseStart?: boolean;
}

/** Control characters (C0, C1): they separate words. */
const CONTROL = /\p{Cc}/gu;
/**
 * Invisible formatting characters (zero-width, soft hyphen, bidi marks): typed inside a word
 * ("w\u200bhat d\u200bid a\u200bpple s\u200bay") they hide it from a reader like this one, and
 * are no space, so they are removed, not turned into spaces.
 */
const INVISIBLE = /\p{Cf}/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing terminal escapes is the point.
const ANSI_ESCAPE = /\u001B\[[0-9;?]*[A-Za-z]/g;

/** The question as shown back to the user: printable, single-spaced, at most 500 characters. */
export function cleanQuestion(raw: unknown): string {
  if (typeof raw !== "string") return "";
  const text = raw
    .slice(0, MAX_RAW_CHARS)
    .replace(ANSI_ESCAPE, " ")
    .replace(INVISIBLE, "")
    .replace(CONTROL, " ")
    .replace(/\s+/g, " ")
    .trim();
  return cutAt(text, MAX_QUESTION_CHARS);
}

/** Cuts without leaving half of a surrogate pair at the end. */
function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Removes what Discord adds around words: mentions, custom emoji, links, code blocks, markdown. */
export function stripDiscord(text: string): string {
  return text
    .replace(/```[\s\S]*?(```|$)/g, " ")
    .replace(/<a?:\w+:\d+>/g, " ")
    .replace(/<(@[!&]?|#)\d+>/g, " ")
    .replace(/<\/[\w -]+:\d+>/g, " ")
    .replace(/<t:-?\d+(:\w)?>/g, " ")
    .replace(/@(everyone|here)\b/gi, " ")
    .replace(/\bhttps?:\/\/\S+/gi, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_~`|>#]+/g, " ");
}

/** Whether the text is plain ASCII (a loop: faster than a regular expression here). */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}
const ASCII_WORD = /[a-z0-9]+/g;

/** Lower case without diacritics: "Privéberichten" → "priveberichten". */
export function fold(text: string): string {
  // Most text is plain ASCII, which has no diacritics to strip.
  if (isAscii(text)) return text.toLowerCase();
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Splits text into folded word tokens; possessive 's and apostrophes inside words are dropped. */
export function tokenize(text: string): Token[] {
  const prepared = text.replace(/(\p{L})['’]s\b/gu, "$1").replace(/(\p{L})['’](\p{L})/gu, "$1$2");
  const tokens: Token[] = [];
  let lastEnd = 0;
  for (const match of prepared.matchAll(WORD)) {
    if (tokens.length >= MAX_TOKENS) break;
    const between = prepared.slice(lastEnd, match.index);
    const sentenceStart = tokens.length === 0 || /[.!?:\n]/.test(between);
    lastEnd = match.index + match[0].length;
    const folded = fold(match[0]);
    // Not the dot inside "nu.nl": a full stop is followed by a space.
    const clauseStart =
      tokens.length === 0 || /[!?\n]|[.:]\s|\p{Extended_Pictographic}/u.test(between);
    if (folded) tokens.push({ text: folded, raw: match[0], sentenceStart, clauseStart });
  }
  return tokens;
}

/**
 * Folded tokens of a text such as an alias, keyword or quote: "NU.nl" → ["nu", "nl"]. The same
 * words as `tokenize`, without its per-token bookkeeping: indexing a large base calls this a lot.
 */
export function words(text: string): string[] {
  if (isAscii(text)) {
    // The same steps with ASCII classes, several times faster than the Unicode ones.
    const plain = text.includes("'")
      ? text.replace(/([A-Za-z])'s\b/g, "$1").replace(/([A-Za-z])'([A-Za-z])/g, "$1$2")
      : text;
    return capped(plain.toLowerCase().match(ASCII_WORD) ?? []);
  }
  const prepared = text.replace(/(\p{L})['’]s\b/gu, "$1").replace(/(\p{L})['’](\p{L})/gu, "$1$2");
  return capped(fold(prepared).match(WORD) ?? []);
}

/** The words of texts in a row, as `words` gives them for the texts joined by line breaks. */
export function wordsOfParts(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    for (const w of words(part)) {
      if (out.length === MAX_TOKENS) return out;
      out.push(w);
    }
  }
  return out;
}

function capped(list: string[]): string[] {
  return list.length > MAX_TOKENS ? list.slice(0, MAX_TOKENS) : list;
}
