/**
 * The 👍/👎 row under an answer, and its custom ids: `receipts:v1:vote:up:<row id>`, versioned
 * and validated like the other buttons (custom-id.ts), so a forged one is rejected, not trusted.
 * The row id is the logged question's (that is what identifies an answer).
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import { z } from "zod";
import type { VoteValue } from "../questionlog/question-log.js";
import { isRowId } from "../questionlog/row-id.js";
import { LIMITS, type RenderedMessage } from "./render/limits.js";

const PREFIX = "receipts:v1:vote:";

export interface VoteAction {
  readonly questionId: number;
  readonly value: VoteValue;
}

const VoteSchema = z.tuple([
  z.enum(["up", "down"]),
  z
    .string()
    .regex(/^[1-9]\d{0,15}$/)
    .transform(Number)
    .refine(isRowId),
]);

export function voteCustomId(questionId: number, value: VoteValue): string {
  return `${PREFIX}${value === 1 ? "up" : "down"}:${questionId}`;
}

/** The vote a custom id stands for, or undefined when it is not a (valid) vote button. */
export function parseVoteId(customId: unknown): VoteAction | undefined {
  if (typeof customId !== "string" || customId.length > LIMITS.customId) return undefined;
  if (!customId.startsWith(PREFIX)) return undefined;
  const parsed = VoteSchema.safeParse(customId.slice(PREFIX.length).split(":"));
  if (!parsed.success) return undefined;
  const [direction, questionId] = parsed.data;
  return { questionId, value: direction === "up" ? 1 : -1 };
}

/** Whether the custom id is meant as a vote (valid or not): votes skip the cooldown. */
export function looksLikeVote(customId: string): boolean {
  return customId.startsWith(PREFIX);
}

function voteButton(questionId: number, value: VoteValue): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: voteCustomId(questionId, value),
    emoji: { name: value === 1 ? "👍" : "👎" },
  };
}

/** The messages with the 👍/👎 row appended to the last one (when it has room for a row). */
export function withVoteRow(
  messages: readonly RenderedMessage[],
  questionId: number,
): RenderedMessage[] {
  const out = [...messages];
  const last = out.at(-1);
  if (!last || (last.components?.length ?? 0) >= LIMITS.actionRows) return out;
  const row: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [voteButton(questionId, 1), voteButton(questionId, -1)],
  };
  out[out.length - 1] = { ...last, components: [...(last.components ?? []), row] };
  return out;
}
