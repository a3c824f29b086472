/** A fact's ids must name a source, organizations and topics that exist. */
import { didYouMean } from "./closest-id.js";
import { type Entry, problemAt } from "./entry.js";
import type { Problem } from "./problem.js";
import type { ExampleQuestion, Fact } from "./schema.js";

/** Ids defined in each file; undefined when the file could not be read, so nothing is checked. */
export interface KnownIds {
  readonly sources?: ReadonlySet<string>;
  readonly organizations?: ReadonlySet<string>;
  readonly topics?: ReadonlySet<string>;
}

export function factReferences(fact: Entry<Fact>, known: KnownIds): Problem[] {
  const { source, about, topics } = fact.value;
  return [
    ...unknown(fact, ["source"], source, known.sources, "source", "sources.yaml"),
    ...about.flatMap((id, i) =>
      unknown(fact, ["about", i], id, known.organizations, "organization", "organizations.yaml"),
    ),
    ...topics.flatMap((id, i) =>
      unknown(fact, ["topics", i], id, known.topics, "topic", "topics.yaml"),
    ),
  ];
}

/** An example question's organization and topics must exist too. */
export function questionReferences(q: Entry<ExampleQuestion>, known: KnownIds): Problem[] {
  const { organization, topics } = q.value;
  return [
    ...unknown(
      q,
      ["organization"],
      organization,
      known.organizations,
      "organization",
      "organizations.yaml",
    ),
    ...topics.flatMap((id, i) =>
      unknown(q, ["topics", i], id, known.topics, "topic", "topics.yaml"),
    ),
  ];
}

function unknown(
  fact: Entry<unknown>,
  field: readonly PropertyKey[],
  id: string,
  known: ReadonlySet<string> | undefined,
  kind: string,
  file: string,
): Problem[] {
  if (!known || known.has(id)) return [];
  const message = `unknown ${kind} '${id}'${didYouMean(id, known)}: use an id from ${file}, or add it there`;
  return [problemAt(fact, field, message)];
}
