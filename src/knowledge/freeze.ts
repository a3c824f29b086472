/** Makes the loaded base immutable, Maps included (Object.freeze alone leaves Map.set working). */

export function deepFreeze<T>(value: T): T {
  if (!value || typeof value !== "object" || Object.isFrozen(value)) return value;
  if (value instanceof Map) freezeMap(value);
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}

function freezeMap(map: Map<unknown, unknown>): void {
  for (const v of map.values()) deepFreeze(v);
  const refuse = () => {
    throw new TypeError("the knowledge base is read-only");
  };
  for (const method of ["set", "delete", "clear"]) {
    Object.defineProperty(map, method, { value: refuse });
  }
}
