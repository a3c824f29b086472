/** "did you mean 'netflix'?" for a mistyped id. */

export function didYouMean(id: string, known: Iterable<string>): string {
  let best: { id: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(id, candidate);
    if (!best || distance < best.distance) best = { id: candidate, distance };
  }
  const close = best && best.distance <= Math.max(2, Math.floor(id.length / 3));
  return close && best ? ` (did you mean '${best.id}'?)` : "";
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(substitute, (previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}
