/** Ids must be unique within their kind, across files too: a duplicate names both places. */
import { type Entry, placeOf, problemAt } from "./entry.js";
import { forEachPaced, type Pace } from "./pacer.js";
import type { Problem } from "./problem.js";

export async function duplicateIds(
  kind: string,
  entries: readonly Entry<{ readonly id: string }>[],
  pace: Pace,
): Promise<Problem[]> {
  const first = new Map<string, Entry<unknown>>();
  const problems: Problem[] = [];
  const check = (entry: Entry<{ readonly id: string }>) => {
    const { id } = entry.value;
    const earlier = first.get(id);
    if (!earlier) first.set(id, entry);
    else {
      const where = placeOf(earlier, ["id"]);
      const message = `duplicate ${kind} id '${id}', also at ${where}: give one of them another id`;
      problems.push(problemAt(entry, ["id"], message));
    }
  };
  await forEachPaced(entries, check, pace);
  return problems;
}
