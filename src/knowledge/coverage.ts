/**
 * Every organization has facts, and every partner has its own response or is marked as having
 * none, so the bot can always say what each company said, or that it said nothing.
 */
import { type Entry, problemAt } from "./entry.js";
import type { Problem } from "./problem.js";
import type { Fact, Organization } from "./schema.js";

export function organizationsWithoutFacts(
  organizations: readonly Entry<Organization>[],
  facts: readonly Fact[],
): Problem[] {
  const covered = new Set(facts.flatMap((f) => f.about));
  return organizations
    .filter((org) => !covered.has(org.value.id))
    .map((org) => {
      const message = `organization '${org.value.id}' has no facts: list it in the about of the facts that concern it, or remove it`;
      return problemAt(org, [], message);
    });
}

export function partnerResponses(
  organizations: readonly Entry<Organization>[],
  facts: readonly Fact[],
): Problem[] {
  return organizations
    .filter((org) => org.value.role === "partner")
    .flatMap((org) => partnerResponse(org, facts));
}

function partnerResponse(org: Entry<Organization>, facts: readonly Fact[]): Problem[] {
  const { id, noResponseInSources } = org.value;
  const own = facts.find((f) => isOwnResponse(f, org.value));
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
