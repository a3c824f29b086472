/**
 * Bounded edit distance for typo tolerance. Thresholds grow with word length so "spotfy" finds
 * Spotify while short words ("can", "read", "nu") never drift into a name.
 */

/** Edits allowed for a word of this length (the longer of typed and target). */
export function maxEdits(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  if (length <= 12) return 2;
  return 3;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), or `max + 1`
 * as soon as the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return Math.min(prev[b.length] ?? max + 1, max + 1);
}

/**
 * The edit distance when `typed` is a plausible misspelling of `target` (same first letter, few
 * edits for the length), else undefined. `extra` loosens the bound, for "did you mean".
 */
export function typoDistance(typed: string, target: string, extra = 0): number | undefined {
  if (typed[0] !== target[0]) return undefined;
  const allowed = maxEdits(Math.max(typed.length, target.length)) + extra;
  if (allowed <= 0) return typed === target ? 0 : swapped(typed, target) ? 1 : undefined;
  const d = editDistance(typed, target, allowed);
  return d <= allowed ? d : undefined;
}

/**
 * A letter left out, typed twice or two letters swapped ("aplogize", "apologgize", "apolgoize"),
 * never one letter for another: "charged" and "changed" are both words.
 */
export function slipOf(typed: string, target: string): boolean {
  if (typed.length === target.length) return swapped(typed, target);
  const [short, long] = typed.length < target.length ? [typed, target] : [target, typed];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

/**
 * Two neighbouring letters swapped ("raed", "waht"), the one typo a word of four letters may
 * have: every letter is still there, so a reader still sees the word.
 */
function swapped(typed: string, target: string): boolean {
  if (typed.length !== target.length || typed.length < 4) return false;
  const i = [...typed].findIndex((c, k) => c !== target[k]);
  return (
    i >= 0 &&
    typed[i] === target[i + 1] &&
    typed[i + 1] === target[i] &&
    typed.slice(i + 2) === target.slice(i + 2)
  );
}

/**
 * How many times each letter occurs in a text (a to z, and one count for anything else), to rule
 * out most names before computing an edit distance: a substitution changes two counts by one, an
 * insertion or deletion one, a swap none, so texts within k edits differ by at most 2k in all.
 */
export type LetterCounts = Uint8Array;

const OTHER = 26;

export function letterCounts(text: string): LetterCounts {
  const counts = new Uint8Array(OTHER + 1);
  for (let i = 0; i < text.length; i++) {
    const letter = text.charCodeAt(i) - 97;
    const slot = letter >= 0 && letter < OTHER ? letter : OTHER;
    if (counts[slot] !== 255) counts[slot] = (counts[slot] ?? 0) + 1;
  }
  return counts;
}

/** Whether texts with these letter counts may be within `edits` edits of each other. */
export function mayBeWithin(a: LetterCounts, b: LetterCounts, edits: number): boolean {
  let apart = 0;
  for (let i = 0; i <= OTHER; i++) {
    apart += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
    if (apart > 2 * edits) return false;
  }
  return true;
}

/**
 * Which letters a text holds (bit i for letter i, a to z, bit 26 for anything else): a cheaper
 * test than the counts to run first. A letter one text has and the other lacks differs by at least
 * one in its count, so texts within k edits have at most 2k such letters (`mayBeWithinMask`): it
 * rules out only what `mayBeWithin` would.
 */
export function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const letter = text.charCodeAt(i) - 97;
    mask |= 1 << (letter >= 0 && letter < OTHER ? letter : OTHER);
  }
  return mask;
}

/** Whether texts with these letter masks may be within `edits` edits of each other. */
export function mayBeWithinMask(a: number, b: number, edits: number): boolean {
  return bitCount(a ^ b) <= 2 * edits;
}

function bitCount(n: number): number {
  let x = n - ((n >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
