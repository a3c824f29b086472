/**
 * What one logged question holds, and the one function that maps the engine's Answer to it.
 * When the engine's reason codes land, `answerToRow` is the only place that changes.
 */
import type { Answer } from "../engine/index.js";

export const VIAS = ["slash", "mention", "menu", "button"] as const;
export type Via = (typeof VIAS)[number];

export const DECISIONS = ["answered", "noted", "asked-back", "declined"] as const;
/** answered; answered with a note; asked back (a clarification); declined. */
export type Decision = (typeof DECISIONS)[number];

/** The part of a row the answer decides. */
export interface AnswerRow {
  readonly decision: Decision;
  /** The engine's reason code; today the engine has none, so its message stands in. */
  readonly reason: string | null;
  readonly confidence: number;
  /** The facts shown, most relevant first, each once. */
  readonly factIds: readonly string[];
}

export interface QuestionRow extends AnswerRow {
  readonly id: number;
  readonly askedAt: number;
  readonly guildId: string | null;
  /** The asker's pseudonym (secret.ts), never the user id. */
  readonly asker: string;
  readonly via: Via;
  readonly locale: string;
  readonly question: string;
  readonly engineMs: number;
}

const DECISION: Record<Answer["decision"], Decision> = {
  answer: "answered",
  "answer-with-note": "noted",
  "ask-back": "asked-back",
  decline: "declined",
};

export function answerToRow(answer: Answer): AnswerRow {
  // The facts shown, in reading order.
  const factIds = [...new Set(answer.groups.flatMap((g) => g.facts))];
  return {
    decision: DECISION[answer.decision],
    // The engine's reason code (the first note's for an answer with notes), never a sentence.
    reason: answer.reason?.code ?? answer.notes[0]?.code ?? null,
    confidence: answer.confidence,
    factIds,
  };
}

/** User, role and channel mentions, slash command mentions: ids, so never kept. */
const MENTION = /<(@[!&]?|#)\d+>|<\/[\w -]+:\d+>/g;

/** The question as kept: the engine's cleaned, capped text without mentions. */
export function keptQuestion(answer: Answer): string {
  return answer.question.replace(MENTION, " ").replace(/\s+/g, " ").trim();
}
