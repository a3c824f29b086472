/**
 * Questions to offer when the engine asks back or declines: the curated questions of
 * `knowledge/questions.yaml` closest to what was asked, by organization first, then by topic.
 */
import type { Clarification } from "./answer-schema.js";
import type { Prepared } from "./prepare.js";
import { TUNING } from "./tuning.js";

export function clarifications(
  p: Prepared,
  organizations: readonly string[],
  topics: readonly string[],
): Clarification[] {
  const questions = p.kb.questions;
  const scored = questions.map((q, order) => {
    const org = organizations.indexOf(q.organization);
    const byOrg = org < 0 ? 0 : TUNING.clarifyOrganization / (1 + org);
    const byTopic = q.topics.filter((t) => topics.includes(t)).length;
    return { q, order, score: byOrg + byTopic };
  });
  const close = scored.filter((s) => s.score > 0);
  // Nothing close: the questions people start with, in the base's order.
  const chosen =
    close.length > 0 ? close.sort((a, b) => b.score - a.score || a.order - b.order) : scored;
  return chosen
    .slice(0, TUNING.maxClarifications)
    .map(({ q }) => ({ id: q.id, en: q.en, nl: q.nl }));
}
