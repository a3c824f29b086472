/**
 * The views the commands, buttons and mentions share: an answer to a question, everything on one
 * company. They call the engine with the base they are given and hand the result to the renderer.
 */
import { type Answer, answer, companyAnswer, suggestOrganizations } from "../engine/index.js";
import type { KnowledgeBase, Organization } from "../knowledge/schema.js";
import type { Locale } from "./i18n.js";
import { messages } from "./i18n.js";
import { type CompanyRef, renderAnswer } from "./render/answer.js";
import type { RenderedMessage } from "./render/limits.js";
import { escapeText } from "./render/text.js";

/** The answer to a question, with a "More from" button for each company it shows only part of. */
export function questionView(
  question: string,
  kb: KnowledgeBase,
  locale: Locale,
  /** Told the answer and the engine's time (the question log). */
  observe?: (answer: Answer, engineMs: number) => void,
): RenderedMessage[] {
  const started = performance.now();
  const a = answer(question, kb);
  observe?.(a, performance.now() - started);
  const moreFrom: CompanyRef[] = a.companies
    .filter((c) => totalFacts(c.id, kb) > c.facts.length)
    .map((c) => ({ id: c.id, name: c.name }));
  return renderAnswer(a, locale, { moreFrom });
}

/** Everything the base holds on one organization, or undefined for an unknown id. */
export function companyView(
  organizationId: string,
  kb: KnowledgeBase,
  locale: Locale,
): RenderedMessage[] | undefined {
  const a = companyAnswer(organizationId, kb);
  const own = a?.companies[0];
  if (!a || !own) return undefined;
  const title = messages(locale).companyTitle(escapeText(own.name));
  return renderAnswer(a, locale, { heading: `**${title}**` });
}

/** The organization a typed name means: an exact id (from autocomplete), else the best match. */
export function resolveOrganization(text: string, kb: KnowledgeBase): Organization | undefined {
  const trimmed = text.trim();
  return kb.organizations.find((o) => o.id === trimmed) ?? suggestOrganizations(trimmed, kb, 1)[0];
}

function totalFacts(organizationId: string, kb: KnowledgeBase): number {
  const all = companyAnswer(organizationId, kb);
  return all ? all.companies.reduce((n, c) => n + c.facts.length, 0) : 0;
}
