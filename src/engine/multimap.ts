/** Maps of lists, as the engine's indexes are. */

export function append<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Items are visited in order: a list ending with the item already has it. */
export function addOnce<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}
