/**
 * Lets long work give the event loop a turn: `pace()` returns nothing until the work has run for
 * a slice, then a promise of the next turn. A bot reloading a large base keeps answering
 * meanwhile. Loops over every fact (`forEachPaced`) await only that promise: awaiting on every
 * item would allocate and suspend a hundred thousand times.
 */
export type Pace = () => Promise<void> | undefined;

export function pacer(sliceMs = 8): Pace {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}

/** `f` on every item, with a chance to pace after each. */
export async function forEachPaced<T>(
  items: Iterable<T>,
  f: (item: T) => void,
  pace: Pace,
): Promise<void> {
  for (const item of items) {
    f(item);
    const turn = pace();
    if (turn) await turn;
  }
}

/** `f` over every item, with a chance to pace between items. */
export async function flatMapPaced<T, U>(
  items: readonly T[],
  f: (item: T) => readonly U[],
  pace: Pace,
): Promise<U[]> {
  const out: U[] = [];
  await forEachPaced(
    items,
    (item) => {
      for (const u of f(item)) out.push(u);
    },
    pace,
  );
  return out;
}
