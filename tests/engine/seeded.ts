/** A seeded pseudo-random source for tests (a linear congruential generator): a failure replays. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2 ** 31;
    return a / 2 ** 31;
  };
}
