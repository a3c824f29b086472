/**
 * The fields readers see in their own language: a fact's structured `voice` must name known
 * organizations and agree with its `speaker` (which the engine matches), and a source's title is
 * given in Dutch too when it is our description rather than the article's own headline.
 */
import { type Entry, problemAt } from "./entry.js";
import type { Problem } from "./problem.js";
import type { Fact, Organization, Source } from "./schema.js";

/**
 * `known`: the ids organizations.yaml defines (undefined when it could not be read: nothing is
 * checked); `organizations`: its valid entries, first of each id, for the speaker's names.
 */
export function voiceProblems(
  fact: Entry<Fact>,
  known: ReadonlySet<string> | undefined,
  organizations: ReadonlyMap<string, Organization>,
): Problem[] {
  const { who, how, to } = fact.value.voice;
  const problems: Problem[] = [];
  const at = (field: readonly PropertyKey[], message: string) =>
    problems.push(problemAt(fact, ["voice", ...field], message));
  if (how === "article" && who)
    at(
      ["who"],
      "is set, but how: article means the article's own words: remove who, or choose another how",
    );
  if (how !== "article" && !who)
    at(["how"], `is '${how}' but who is missing: add who: [organization ids] of the speakers`);
  if (how === "statement-to" && !to)
    at(["to"], "is missing: add to: <organization id of the outlet it was told to>");
  if (how !== "statement-to" && to)
    at(["to"], `only goes with how: statement-to, not '${how}': remove it`);
  if (!known) return problems;
  const ids: [readonly PropertyKey[], string][] = [
    ...(who ?? []).map((id, i): [readonly PropertyKey[], string] => [["who", i], id]),
    ...(to ? [[["to"], to] as [readonly PropertyKey[], string]] : []),
  ];
  for (const [field, id] of ids) {
    const org = organizations.get(id);
    if (!known.has(id)) {
      at(field, `unknown organization '${id}': use an id from organizations.yaml`);
    } else if (org && field[0] === "who" && !namesOrg(fact.value.speaker, org)) {
      at(
        field,
        `'${id}' is not named in speaker '${fact.value.speaker}': the two must say the same`,
      );
    }
  }
  return problems;
}

export function sourceTitleProblems(source: Entry<Source>): Problem[] {
  const { titleKind, titleNl } = source.value;
  if (titleKind === "descriptive" && titleNl === undefined) {
    return [
      problemAt(source, ["titleNl"], "is missing: a descriptive title needs our Dutch wording too"),
    ];
  }
  if (titleKind === "article" && titleNl !== undefined) {
    return [
      problemAt(
        source,
        ["titleNl"],
        "is set, but the article's own headline is shown as it is: remove titleNl",
      ),
    ];
  }
  return [];
}

function namesOrg(speaker: string, org: Organization): boolean {
  const text = speaker.toLowerCase();
  return [org.name, ...org.aliases].some((name) => text.includes(name.toLowerCase()));
}
