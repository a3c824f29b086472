/**
 * Whether an organization is of a kind a question asks for ("which bank": the Royal *Bank* of
 * Canada), by the words of its name, aliases and descriptions, stemmed both ways; and whether an
 * answer shows one (an organization, or the outlet that reported its facts).
 */
import type { ClassAsked } from "./asked.js";
import type { Composition } from "./compose.js";
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

/**
 * Whether an organization shown is of the class asked, or an outlet that reported a fact shown is
 * described by the qualifier and the word it qualifies ("which dutch site": "the dutch site").
 */
export function shownFit(p: Prepared, c: Composition, asked: ClassAsked): boolean {
  if (c.companies.some((co) => fitsClass(p, co.id, asked.word))) return true;
  const { noun } = asked;
  if (noun === undefined) return false;
  const outlets = outletsBySource(p);
  const sources = new Set(c.companies.flatMap((co) => co.facts.map((f) => f.source)));
  return [...sources].some((s) =>
    (outlets.get(s) ?? []).some((id) => fitsClass(p, id, asked.word) && fitsClass(p, id, noun)),
  );
}

// Worked out once per base, on the first question that asks for a kind (one pass over its facts).
const outletCache = new WeakMap<Prepared, ReadonlyMap<string, readonly string[]>>();

/** The organizations that reported each source's facts (the publisher, a speaker's outlet). */
function outletsBySource(p: Prepared): ReadonlyMap<string, readonly string[]> {
  let bySource = outletCache.get(p);
  if (!bySource) {
    const sets = new Map<string, Set<string>>();
    for (const pf of p.facts) {
      const set = sets.get(pf.fact.source) ?? new Set<string>();
      for (const id of pf.reportedBy) set.add(id);
      sets.set(pf.fact.source, set);
    }
    bySource = new Map([...sets].map(([s, ids]) => [s, [...ids]]));
    outletCache.set(p, bySource);
  }
  return bySource;
}
