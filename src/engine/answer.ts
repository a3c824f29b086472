// PLACEHOLDER until the engine lands (issue 3): fixes the signatures the adapters code against.
import type { KnowledgeBase, Organization } from "../knowledge/schema.js";
import type { Answer } from "./answer-schema.js";

export interface AnswerOptions {
  /** Most facts in the whole answer. */
  readonly maxFacts?: number;
}

/** Answers a question from the knowledge base. Never throws on any input. */
export function answer(question: string, kb: KnowledgeBase, _options: AnswerOptions = {}): Answer {
  return {
    question,
    answered: false,
    confidence: 0,
    topics: [],
    companies: [],
    sources: [],
    message: `not implemented (${kb.facts.length} facts)`,
  };
}

/** Everything the base holds on one organization (for `/company`), or undefined for an unknown id. */
export function companyAnswer(organizationId: string, kb: KnowledgeBase): Answer | undefined {
  return kb.organizations.some((o) => o.id === organizationId)
    ? answer(organizationId, kb)
    : undefined;
}

/** Organizations matching a partial, possibly misspelt name, best first (for autocomplete). */
export function suggestOrganizations(text: string, kb: KnowledgeBase, limit = 25): Organization[] {
  const t = text.toLowerCase();
  return kb.organizations.filter((o) => o.name.toLowerCase().includes(t)).slice(0, limit);
}
