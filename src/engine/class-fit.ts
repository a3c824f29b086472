/**
 * Whether an organization is of a kind a question asks for ("which bank": the Royal *Bank* of
 * Canada), by the words of its name, aliases and descriptions, stemmed both ways.
 */
import { words } from "./normalize.js";
import type { Prepared } from "./prepare.js";
import { stemsOf } from "./stem.js";

const classCache = new WeakMap<Prepared, Map<string, ReadonlySet<string>>>();

/** Whether an organization's name, aliases or descriptions use the word ("Royal Bank": bank). */
export function fitsClass(p: Prepared, id: string, word: string): boolean {
  let byId = classCache.get(p);
  if (!byId) {
    byId = new Map();
    classCache.set(p, byId);
  }
  let stems = byId.get(id);
  if (!stems) {
    const org = p.organizations.byId.get(id);
    const texts = org ? [org.name, ...org.aliases, ...org.descriptions] : [];
    stems = new Set(texts.flatMap((t) => words(t)).flatMap((w) => stemsOf(w)));
    byId.set(id, stems);
  }
  const set = stems;
  return stemsOf(word).some((s) => set.has(s));
}
