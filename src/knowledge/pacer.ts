/**
 * Lets long work give the event loop a turn: `await pace()` costs nothing until the work has run
 * for a slice, then waits one turn. A bot reloading a large base keeps answering meanwhile.
 */
export type Pace = () => Promise<void>;

export function pacer(sliceMs = 8): Pace {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

/** `f` over every item, with a chance to pace between items. */
export async function flatMapPaced<T, U>(
  items: readonly T[],
  f: (item: T) => readonly U[],
  pace: Pace,
): Promise<U[]> {
  const out: U[] = [];
  for (const item of items) {
    out.push(...f(item));
    await pace();
  }
  return out;
}
