/**
 * How sure the engine is that the facts shown answer the question, from 0 to 1, and the
 * threshold under which it says it does not know.
 */
import type { Understanding } from "./understand.js";

export const CONFIDENCE_THRESHOLD = 0.45;

/** A best fact scoring this much or more counts as a full match. */
const FULL_MATCH_SCORE = 0.8;

export interface ConfidenceInput {
  readonly understanding: Understanding;
  /** Best score among the facts shown (0 when none matched the question). */
  readonly bestScore: number;
}

/**
 * A weighted sum of four signals: an organization was named (less for a typo), the question's
 * words are words the fact base uses, the best fact matches them well, a topic was recognised.
 */
export function confidence({ understanding: u, bestScore }: ConfidenceInput): number {
  const org = u.organizations.length > 0 ? Math.max(...u.organizations.map(orgSignal)) : 0;
  const words = u.contentWords.length + u.unknownWords.length;
  const coverage = words > 0 ? u.contentWords.length / words : org > 0 ? 1 : 0;
  const match = Math.min(1, bestScore / FULL_MATCH_SCORE);
  const topic = u.topics.length > 0 ? 1 : 0;
  const value = 0.3 * org + 0.3 * coverage + 0.25 * match + 0.15 * topic;
  const penalty = u.unknownNames.length > 0 ? 0.5 : 1;
  return round(Math.max(0, Math.min(1, value * penalty)));
}

function orgSignal(m: { distance: number }): number {
  return m.distance === 0 ? 1 : Math.max(0.6, 1 - 0.15 * m.distance);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
