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
  if (allowed <= 0) return typed === target ? 0 : undefined;
  const d = editDistance(typed, target, allowed);
  return d <= allowed ? d : undefined;
}

/**
 * A 128-bit signature of the text's two-letter pieces (each hashed to one bit), to rule out most
 * names before computing an edit distance: a string within k edits of another keeps all but at
 * most 3k of its pieces (an edit touches at most three: a transposition), so a typed string
 * missing more than that from a name's signature cannot be k edits from it. Hash collisions
 * only let more names through, never fewer.
 */
export type Signature = readonly [number, number, number, number];

export function signature(text: string): Signature {
  const bits: [number, number, number, number] = [0, 0, 0, 0];
  for (let i = 0; i + 1 < text.length; i++) {
    const h = (text.charCodeAt(i) * 31 + text.charCodeAt(i + 1)) & 127;
    bits[h >> 5] = (bits[h >> 5] ?? 0) | (1 << (h & 31));
  }
  return bits;
}

/** Whether `typed` may be within `edits` edits of the text whose signature is `target`. */
export function mayBeWithin(typed: Signature, target: Signature, edits: number): boolean {
  let missing = 0;
  for (let i = 0; i < 4; i++) missing += bitCount((typed[i] ?? 0) & ~(target[i] ?? 0));
  return missing <= 3 * edits;
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
