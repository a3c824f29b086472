/** The question log's targets for `npm run bench` (issue 14), from question-log.ts's result. */
import type { QuestionLogResult } from "./question-log.js";
import { ms, type Target } from "./result.js";

export function questionLogTargets(r: QuestionLogResult): Target[] {
  return [
    {
      name: `logging ${r.logged.toLocaleString("en")} questions as the bot does ≤ 1 s`,
      met: r.totalMs <= 1000,
      detail: `${ms(r.totalMs)} (record ${ms(r.recordMs)}, longest stall while writing ${ms(r.maxStallMs)})`,
    },
    {
      name: "p99 on the shipped base with the log on < 1 ms",
      met: r.answerP99OnMs < 1,
      detail: `${ms(r.answerP99OnMs)} (log off: ${ms(r.answerP99OffMs)})`,
    },
  ];
}
