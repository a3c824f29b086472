/**
 * The gaps report: for a period, the totals and the questions curators should look at first
 * (declined, asked back, or voted down), grouped when they are the same question in other
 * words. One server's report holds only that server's questions; the operator's (the CLI) all.
 */
import type { KnowledgeBase } from "../knowledge/schema.js";
import { analyzeQuestion } from "./analysis.js";
import type { DB } from "./open.js";
import type { Decision } from "./row.js";
import { rowIdFloor } from "./row-id.js";

export interface GapsQuery {
  /** Only this server's questions; undefined: every server's and direct messages (the CLI). */
  readonly guildId?: string | undefined;
  readonly days: number;
  readonly now: number;
  /** Problem questions read at most (the most recent first). */
  readonly maxRows?: number;
}

export interface GapsTotals {
  readonly questions: number;
  /** Answered, with or without a note. */
  readonly answered: number;
  readonly askedBack: number;
  readonly declined: number;
  readonly up: number;
  readonly down: number;
}

export interface GapGroup {
  readonly key: string;
  /** The latest wording. */
  readonly question: string;
  /** Other wordings, most recent first (at most 4). */
  readonly otherWordings: readonly string[];
  readonly count: number;
  readonly askers: number;
  readonly lastAsked: number;
  /** The latest decision and its reason. */
  readonly decision: Decision;
  readonly reason: string | null;
  readonly up: number;
  readonly down: number;
  /** Facts shown, or else the closest the engine finds in the current base. */
  readonly closestFacts: readonly string[];
  /** Words the base does not know (for `--suggest`). */
  readonly unknownWords: readonly string[];
}

export interface GapsReport {
  readonly days: number;
  readonly since: number;
  readonly until: number;
  readonly totals: GapsTotals;
  readonly groups: readonly GapGroup[];
}

interface ProblemRow {
  readonly asked_at: number;
  readonly asker: string;
  readonly question: string;
  readonly decision: Decision;
  readonly reason: string | null;
  readonly fact_ids: string;
  readonly up: number;
  readonly down: number;
}

const DAY_MS = 86_400_000;

export function gapsReport(db: DB, kb: KnowledgeBase, query: GapsQuery): GapsReport {
  const since = query.now - query.days * DAY_MS;
  const from = rowIdFloor(since);
  const guild = query.guildId !== undefined;
  const where = guild ? "q.guild_id = @guild AND q.id >= @from" : "q.id >= @from";
  const params = guild ? { guild: query.guildId, from } : { from };
  const decisions = db
    .prepare(
      `SELECT q.decision AS decision, count(*) AS n FROM questions q WHERE ${where} GROUP BY q.decision`,
    )
    .all(params) as { decision: Decision; n: number }[];
  const votes = db
    .prepare(
      `SELECT v.value AS value, count(*) AS n FROM votes v JOIN questions q ON q.id = v.question_id
       WHERE ${where} GROUP BY v.value`,
    )
    .all(params) as { value: number; n: number }[];
  const n = (d: Decision) => decisions.find((r) => r.decision === d)?.n ?? 0;
  const totals: GapsTotals = {
    questions: decisions.reduce((sum, r) => sum + r.n, 0),
    answered: n("answered") + n("noted"),
    askedBack: n("asked-back"),
    declined: n("declined"),
    up: votes.find((v) => v.value === 1)?.n ?? 0,
    down: votes.find((v) => v.value === -1)?.n ?? 0,
  };
  const rows = db
    .prepare(
      `SELECT q.asked_at, q.asker, q.question, q.decision, q.reason, q.fact_ids,
         (SELECT count(*) FROM votes v WHERE v.question_id = q.id AND v.value = 1) AS up,
         (SELECT count(*) FROM votes v WHERE v.question_id = q.id AND v.value = -1) AS down
       FROM questions q
       WHERE ${where} AND (q.decision IN ('declined', 'asked-back')
         OR EXISTS (SELECT 1 FROM votes v WHERE v.question_id = q.id AND v.value = -1))
       ORDER BY q.id DESC LIMIT @limit`,
    )
    .all({ ...params, limit: query.maxRows ?? 20_000 }) as ProblemRow[];
  return { days: query.days, since, until: query.now, totals, groups: group(rows, kb) };
}

interface Building {
  key: string;
  rows: ProblemRow[];
}

function group(rows: readonly ProblemRow[], kb: KnowledgeBase): GapGroup[] {
  const byKey = new Map<string, Building>();
  const analyses = new Map<string, ReturnType<typeof analyzeQuestion>>();
  for (const row of rows) {
    let a = analyses.get(row.question);
    if (!a) {
      a = analyzeQuestion(row.question, kb);
      analyses.set(row.question, a);
    }
    const g = byKey.get(a.key) ?? { key: a.key, rows: [] };
    g.rows.push(row);
    byKey.set(a.key, g);
  }
  const groups = [...byKey.values()].map((g): GapGroup => {
    // Rows come newest first.
    const latest = g.rows[0] as ProblemRow;
    const wordings = [...new Set(g.rows.map((r) => r.question))];
    const shown = g.rows.flatMap((r) => JSON.parse(r.fact_ids) as string[]);
    const analysis = analyses.get(latest.question);
    return {
      key: g.key,
      question: latest.question,
      otherWordings: wordings.slice(1, 5),
      count: g.rows.length,
      askers: new Set(g.rows.map((r) => r.asker)).size,
      lastAsked: latest.asked_at,
      decision: latest.decision,
      reason: latest.reason,
      up: g.rows.reduce((s, r) => s + r.up, 0),
      down: g.rows.reduce((s, r) => s + r.down, 0),
      closestFacts: shown.length > 0 ? mostCommon(shown, 3) : (analysis?.closestFacts ?? []),
      unknownWords: [
        ...new Set(g.rows.flatMap((r) => analyses.get(r.question)?.unknownWords ?? [])),
      ],
    };
  });
  // The most asked first; then the most voted down; then the most recent.
  return groups.sort((a, b) => b.count - a.count || b.down - a.down || b.lastAsked - a.lastAsked);
}

function mostCommon(ids: readonly string[], n: number): string[] {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([id]) => id);
}
