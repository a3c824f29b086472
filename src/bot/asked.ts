/**
 * A question asked through the bot (slash, mention, menu, button): the answer's messages, the
 * question logged (queued: the reply goes out before anything is written) and the 👍/👎 row
 * under it while the log is working. The one place the question log meets the answering path.
 */

import type { Answer } from "../engine/index.js";
import type { Via } from "../questionlog/row.js";
import type { BotServices } from "./command.js";
import { logError } from "./errors.js";
import type { Locale } from "./i18n.js";
import type { RenderedMessage } from "./render/limits.js";
import { questionView } from "./views.js";
import { withVoteRow } from "./vote-buttons.js";

export interface Asker {
  readonly via: Via;
  readonly userId: string;
  readonly guildId: string | null;
  readonly locale: Locale;
}

export function askedView(
  question: string,
  services: Pick<BotServices, "store" | "questionLog" | "logger">,
  asker: Asker,
): RenderedMessage[] {
  const log = services.questionLog;
  let rowId: number | undefined;
  const observe = (answer: Answer, engineMs: number) => {
    try {
      rowId = log?.record({ ...asker, answer, engineMs });
    } catch (error) {
      // Logging must never break an answer.
      logError(services.logger, "question log: could not queue a question", error);
    }
  };
  // A mention reply sits right under the question: it is not repeated.
  const view = questionView(question, services.store.current, asker.locale, {
    observe,
    mention: asker.via === "mention",
  });
  return rowId !== undefined && log?.working ? withVoteRow(view, rowId) : view;
}
