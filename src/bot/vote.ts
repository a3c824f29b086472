/** A click on 👍 or 👎: the vote queued (one per person per answer), a quiet private thanks. */
import type { ButtonInteraction } from "discord.js";
import type { CommandContext } from "./command.js";
import { questionLogMessages } from "./question-log-messages.js";
import type { VoteAction } from "./vote-buttons.js";

export async function executeVote(
  interaction: ButtonInteraction,
  ctx: CommandContext,
  vote: VoteAction,
): Promise<void> {
  const t = questionLogMessages(ctx.locale);
  const log = ctx.questionLog;
  const result = log ? log.vote(vote.questionId, interaction.user.id, vote.value) : "unavailable";
  ctx.logger.debug("vote", { result, value: vote.value });
  if (result === "ok") return ctx.respond.notice(t.voteNoted(vote.value === 1));
  if (result === "expired") return ctx.respond.notice(t.voteExpired(log?.config.days ?? 0));
  if (result === "unknown") return ctx.respond.notice(t.voteUnknown);
  await ctx.respond.notice(t.voteUnavailable);
}
