/**
 * Every organization has facts, and every partner has its own response or is marked as having
 * none, so the bot can always say what each company said, or that it said nothing.
 */
import { type Entry, problemAt } from "./entry.js";
import { forEachPaced, type Pace } from "./pacer.js";
import type { Problem } from "./problem.js";
import type { Fact, Organization } from "./schema.js";

/**
 * Both checks from one paced pass over the facts: which organizations they are about, and each
 * partner's responses (only those are searched for its own; a scan per partner was quadratic).
 */
export async function coverageProblems(
  organizations: readonly Entry<Organization>[],
  facts: readonly Fact[],
  pace: Pace,
): Promise<Problem[]> {
  const partners = new Set(
    organizations.filter((o) => o.value.role === "partner").map((o) => o.value.id),
  );
  const covered = new Set<string>();
  const responses = new Map<string, Fact[]>();
  const tally = (fact: Fact) => {
    for (const id of fact.about) {
      covered.add(id);
      if (fact.kind !== "response" || !partners.has(id)) continue;
      const list = responses.get(id);
      if (list) list.push(fact);
      else responses.set(id, [fact]);
    }
  };
  await forEachPaced(facts, tally, pace);
  return [
    ...organizations.filter((org) => !covered.has(org.value.id)).map(withoutFacts),
    ...organizations
      .filter((org) => org.value.role === "partner")
      .flatMap((org) => partnerResponse(org, responses.get(org.value.id) ?? [])),
  ];
}

function withoutFacts(org: Entry<Organization>): Problem {
  const message = `organization '${org.value.id}' has no facts: list it in the about of the facts that concern it, or remove it`;
  return problemAt(org, [], message);
}

/** `responses`: the response facts about the partner. */
function partnerResponse(org: Entry<Organization>, responses: readonly Fact[]): Problem[] {
  const { id, noResponseInSources } = org.value;
  const own = responses.find((f) => isOwnResponse(f, org.value));
  if (!own && !noResponseInSources) {
    const message = `partner '${id}' has no response: add a fact of kind response about it whose speaker names it, or set noResponseInSources: true if the articles quote none`;
    return [problemAt(org, [], message)];
  }
  if (own && noResponseInSources) {
    const message = `is true but fact '${own.id}' is ${id}'s response: remove noResponseInSources`;
    return [problemAt(org, ["noResponseInSources"], message)];
  }
  return [];
}

/**
 * A response about the organization that it speaks itself: its name or an alias is in the
 * speaker. Facebook's statements are about the partners too, but they are not the partners' word.
 */
export function isOwnResponse(fact: Fact, org: Organization): boolean {
  if (fact.kind !== "response" || !fact.about.includes(org.id)) return false;
  return [org.name, ...org.aliases].some((name) => namesIn(fact.speaker, name));
}

// Compiling a Unicode regular expression per call dominated reload time, so they are cached.
const namePatterns = new Map<string, RegExp>();

function namesIn(text: string, name: string): boolean {
  let pattern = namePatterns.get(name);
  if (!pattern) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu");
    namePatterns.set(name, pattern);
  }
  return pattern.test(text);
}
