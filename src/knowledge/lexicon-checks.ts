/**
 * The lexicon's own checks: a word or phrase means one thing, so it may stand in one entry only
 * (a word in two concepts, or in a concept and the fillers, would make the engine guess), and
 * no entry lists the same word twice. Words are compared folded, as the engine reads them.
 * `counted`, `except` and `retract` entries are read in steps of their own, over the words as typed or
 * understood ("staff" is a concept's word and a counted noun): a word may be in one of each.
 */
import { words } from "../engine/normalize.js";
import { type Entry, placeOf, problemAt } from "./entry.js";
import type { Problem } from "./problem.js";
import type { LexiconEntry } from "./schema.js";

export function lexiconProblems(entries: readonly Entry<LexiconEntry>[]): Problem[] {
  const problems: Problem[] = [];
  type Owner = { entry: Entry<LexiconEntry>; field: (string | number)[] };
  const owners = new Map<string, Map<string, Owner>>();
  for (const entry of entries) {
    const value = entry.value;
    const reading = ["counted", "except", "retract"].includes(value.kind) ? value.kind : "phrases";
    const owner = owners.get(reading) ?? new Map<string, Owner>();
    owners.set(reading, owner);
    const [key, list] = value.kind === "info" ? ["asks", value.asks] : ["words", value.words];
    list.forEach((word, i) => {
      const folded = words(String(word)).join(" ");
      if (!folded) {
        problems.push(problemAt(entry, [key, i], "has no letters or digits: remove it"));
        return;
      }
      const earlier = owner.get(folded);
      if (!earlier) {
        owner.set(folded, { entry, field: [key, i] });
        return;
      }
      const where = placeOf(earlier.entry, earlier.field);
      const message =
        earlier.entry === entry
          ? `'${word}' is listed twice in '${value.id}' (also at ${where}): remove one`
          : `'${word}' is also in '${earlier.entry.value.id}' (${where}): a word may stand for one entry only; keep it in the one it means`;
      problems.push(problemAt(entry, [key, i], message));
    });
  }
  // An `unlike` word is read as itself: listed as some entry's word too, it would mean two things.
  const phrases = owners.get("phrases") ?? new Map<string, Owner>();
  for (const entry of entries) {
    const value = entry.value;
    if (value.kind !== "concept") continue;
    (value.unlike ?? []).forEach((word, i) => {
      const owner = phrases.get(words(String(word)).join(" "));
      if (!owner) return;
      const where = placeOf(owner.entry, owner.field);
      const message = `'${word}' is unlike '${value.id}' but a word of '${owner.entry.value.id}' (${where}): remove it from one of them`;
      problems.push(problemAt(entry, ["unlike", i], message));
    });
  }
  return problems;
}
