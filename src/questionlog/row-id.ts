/**
 * Row ids of logged questions: time-ordered integers, so the retention purge is a range on the
 * primary key and a vote button's age is known from its custom id without a lookup. The low 12
 * bits are random (shards write to the same file without coordinating) and a process never
 * hands out the same id twice. Safe integers until 2093.
 */
const EPOCH_MS = Date.UTC(2024, 0, 1);
const LOW = 4096;

let last = 0;

/** A fresh id for a question asked at `ms`. */
export function newRowId(ms: number): number {
  // Not a secret, only spread between shards: Math.random is enough and ten times cheaper.
  const candidate = rowIdFloor(ms) + Math.floor(Math.random() * LOW);
  // Within a busy millisecond, the next free id; after the clock went back, the clock's.
  last = candidate > last || last - candidate > LOW * 1000 ? candidate : last + 1;
  return last;
}

/** The smallest id of a question asked at or after `ms`. */
export function rowIdFloor(ms: number): number {
  return Math.max(0, Math.floor(ms) - EPOCH_MS) * LOW;
}

/** When the question with this id was asked (to the millisecond). */
export function timeOfRowId(id: number): number {
  return Math.floor(id / LOW) + EPOCH_MS;
}

/** Whether a number can be a row id at all (a positive safe integer). */
export function isRowId(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}
