/** Reloads the fact base and logs the outcome; used by `/reload` and by SIGHUP. */
import { formatProblem, omittedLine } from "../knowledge/problem.js";
import type { KnowledgeStore, ReloadResult } from "./knowledge-store.js";
import type { Logger } from "./logger.js";

export async function reloadKnowledge(
  store: KnowledgeStore,
  logger: Logger,
  by: string,
): Promise<ReloadResult> {
  const result = await store.reload();
  if (result.ok) {
    logger.info("fact base reloaded", {
      by,
      dir: store.dir,
      before: result.before,
      after: result.after,
      ms: Math.round(result.ms),
    });
  } else {
    logger.warn("fact base reload refused; the old base keeps answering", {
      by,
      dir: store.dir,
      problems: result.problems.length + (result.omitted ?? 0),
    });
    for (const p of result.problems) logger.warn(`  ${formatProblem(p)}`);
    const more = omittedLine(result.omitted ?? 0);
    if (more) logger.warn(`  ${more}`);
  }
  return result;
}
