/**
 * Names and aliases lead to one organization: if Netflix listed "Spotify" as an alias, "did
 * Spotify read messages?" would answer about Netflix. Compared after the engine's own folding
 * (its `words`: case, diacritics, punctuation), so two spellings the engine cannot tell apart
 * clash here too.
 */
import { words } from "../engine/normalize.js";
import { type Entry, placeOf, problemAt } from "./entry.js";
import type { Problem } from "./problem.js";
import type { Organization } from "./schema.js";

interface Place {
  readonly org: Entry<Organization>;
  readonly field: readonly PropertyKey[];
}

export function nameClashes(organizations: readonly Entry<Organization>[]): Problem[] {
  const first = new Map<string, Place>();
  const problems: Problem[] = [];
  for (const org of organizations) {
    const { name, aliases } = org.value;
    const names: [string, PropertyKey[]][] = [
      [name, ["name"]],
      ...aliases.map((alias, i): [string, PropertyKey[]] => [alias, ["aliases", i]]),
    ];
    for (const [text, field] of names) {
      const key = words(text).join(" ");
      if (key === "") continue;
      const earlier = first.get(key);
      if (!earlier) first.set(key, { org, field });
      else if (earlier.org.value.id !== org.value.id) {
        // At the alias when the other is a name: the alias is the likelier slip.
        const [at, other] =
          field[0] === "name" ? [earlier, { org, field }] : [{ org, field }, earlier];
        const said = at === earlier ? textAt(earlier) : text;
        problems.push(problemAt(at.org, at.field, clash(said, other)));
      }
    }
  }
  return problems;
}

function textAt(place: Place): string {
  const [field, i] = place.field;
  return field === "name" ? place.org.value.name : (place.org.value.aliases[Number(i)] ?? "");
}

function clash(text: string, earlier: Place): string {
  const what = earlier.field[0] === "name" ? "the name" : "an alias";
  const where = placeOf(earlier.org, earlier.field);
  return `'${text}' is also ${what} of organization '${earlier.org.value.id}' (${where}): a name or alias must lead to one organization; remove or change one of them`;
}
