/** What `measure.ts` reports for one size, and the targets `npm run bench` checks. */
export interface SizeResult {
  /** "shipped" or the facts asked for. */
  readonly label: string;
  readonly facts: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** p99 of the first pass over the question set, before the warm-up (not a target). */
  readonly coldP99Ms: number;
  readonly naiveP50Ms: number;
  readonly naiveP99Ms: number;
  /** Questions the naive index was timed on (a sample on large bases). */
  readonly naiveQuestions: number;
  /** Ours on those same questions: the ratios to the naive index are taken on these. */
  readonly sampleP50Ms: number;
  readonly sampleP99Ms: number;
  /** Building the naive fuse.js index, against our `indexMs`. */
  readonly naiveIndexMs: number;
  /** MiniSearch (scripts/bench/peer.ts): per question, on the questions it was timed on. */
  readonly peerP50Ms: number;
  readonly peerP99Ms: number;
  readonly peerQuestions: number;
  /** Ours on those same questions: the ratios to MiniSearch are taken on these. */
  readonly peerSampleP50Ms: number;
  readonly peerSampleP99Ms: number;
  readonly peerIndexMs: number;
  /** The tuned set answered right by MiniSearch, judged as ours (`right`). */
  readonly peerRight: number;
  /** The members'-voice development set (chat-dev.yaml): in scope right, out of scope declined. */
  readonly chatInScope: Share;
  readonly chatOutOfScope: Share;
  readonly peerChatInScope: Share;
  readonly peerChatOutOfScope: Share;
  /** Questions made to be expensive (scripts/bench/adversarial.ts), timed over several passes. */
  readonly adversarialQuestions: number;
  readonly adversarialP50Ms: number;
  readonly adversarialP99Ms: number;
  readonly adversarialMaxMs: number;
  /** Share of the shipped question set answered right (see tests/questions). */
  readonly accuracy: number;
  readonly right: number;
  readonly questions: number;
  /** Read, validate and index. */
  readonly loadMs: number;
  /** Of which building the engine's indexes. */
  readonly indexMs: number;
  /** The same again while questions are being answered, until the new base is swapped in. */
  readonly reloadMs: number;
  /** The same after one fact file changed (a curator's edit), the rest unchanged; generated bases. */
  readonly reloadChangedMs?: number;
  /** The event loop's longest delay during those reloads. */
  readonly maxStallMs: number;
  readonly answeredDuringReload: number;
  /** After loading. */
  readonly rssMb: number;
  readonly heapMb: number;
}

export interface Share {
  readonly right: number;
  readonly of: number;
}

export interface Target {
  readonly name: string;
  readonly met: boolean;
  readonly detail: string;
}

/** The targets, for the sizes measured (a size not measured is not judged). */
export function checkTargets(results: readonly SizeResult[]): Target[] {
  const at = (facts: number) => results.find((r) => r.label === String(facts));
  const shipped = results.find((r) => r.label === "shipped");
  const targets: Target[] = [];
  const check = (name: string, met: boolean, detail: string) => targets.push({ name, met, detail });
  if (shipped) check("p99 on the shipped base < 1 ms", shipped.p99Ms < 1, ms(shipped.p99Ms));
  const k10 = at(10_000);
  if (k10) {
    check("p99 at 10,000 facts < 5 ms", k10.p99Ms < 5, ms(k10.p99Ms));
    // Unchanged, and after a curator's edit to one file: both must be in time.
    const slowest = Math.max(k10.reloadMs, k10.reloadChangedMs ?? 0);
    const changed =
      k10.reloadChangedMs === undefined ? "" : `, ${ms(k10.reloadChangedMs)} with one file changed`;
    check("reload of 10,000 facts < 1 s", slowest < 1000, `${ms(k10.reloadMs)}${changed}`);
  }
  const k100 = at(100_000);
  if (k100) {
    check("p99 at 100,000 facts < 25 ms", k100.p99Ms < 25, ms(k100.p99Ms));
    const ratio = k100.naiveP99Ms / k100.sampleP99Ms;
    check(
      "100,000 facts: ≥ 10× faster than naive (p99, same questions)",
      ratio >= 10,
      `${ratio.toFixed(0)}×`,
    );
    check(
      "p99 over adversarial questions at 100,000 facts ≤ 25 ms",
      k100.adversarialP99Ms <= 25,
      `${ms(k100.adversarialP99Ms)} over ${k100.adversarialQuestions} questions`,
    );
    check(
      "RSS after loading 100,000 facts < 500 MB",
      k100.rssMb < 500,
      `${k100.rssMb.toFixed(0)} MB`,
    );
  }
  for (const r of results) {
    check(`no event-loop stall > 50 ms reloading ${r.label}`, r.maxStallMs <= 50, ms(r.maxStallMs));
    if (shipped && r !== shipped) {
      check(
        `${r.label}: the shipped questions still answered right`,
        r.right >= shipped.right,
        `${r.right}/${r.questions} (shipped base: ${shipped.right})`,
      );
    }
  }
  return targets;
}

/**
 * "1.8×": how many times better the engine is, as `worse / better`: for a time, the peer's over
 * the engine's; for an accuracy, the engine's over the peer's (∞ when the peer got none right).
 */
export function ratio(theirs: number, ours: number): string {
  if (ours <= 0) return theirs > 0 ? "∞" : "–";
  const r = theirs / ours;
  return r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(1)}×`;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

export function ms(value: number): string {
  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`;
}

/** What `hostile.ts` reports for one hostile base reloaded by the bot's store. */
export interface HostileResult {
  /** `aliased`, `valid-<n>mb` or `broken-<n>mb`. */
  readonly label: string;
  readonly facts: number;
  /** The base's files together. */
  readonly bytes: number;
  /** Whether the reload swapped the base in (only the valid ones should). */
  readonly ok: boolean;
  readonly problems: number;
  readonly firstProblem?: string;
  /** From the request to the answer (refusal, or swap). */
  readonly reloadMs: number;
  /** The event loop's longest delay meanwhile, questions being answered every 5 ms. */
  readonly maxStallMs: number;
  readonly answeredDuringReload: number;
  /** The longest stall in 3 s of questions alone before the reload: the machine's own share. */
  readonly idleStallMs: number;
  readonly rssBeforeMb: number;
  /** The process's resident memory at its highest during the reload, sampled every 10 ms. */
  readonly peakRssMb: number;
}

/** The targets for hostile bases (a case not measured is not judged). */
export function checkHostileTargets(results: readonly HostileResult[]): Target[] {
  const targets: Target[] = [];
  const check = (name: string, met: boolean, detail: string) => targets.push({ name, met, detail });
  for (const r of results) {
    const broken = r.label !== "valid" && !r.label.startsWith("valid-");
    check(
      `${r.label}: ${broken ? "refused" : "swapped in"}`,
      r.ok === !broken,
      r.ok ? "swapped in" : `refused, ${r.problems} problem(s)`,
    );
    check(
      `${r.label}: no event-loop stall > 50 ms reloading it`,
      r.maxStallMs <= 50,
      `${ms(r.maxStallMs)} (${ms(r.idleStallMs)} with questions alone)`,
    );
    const size = /^broken-(\d+)mb$/.exec(r.label)?.[1];
    if (size === "50") {
      check("broken-50mb: refused within 30 s", r.reloadMs <= 30_000, ms(r.reloadMs));
    }
    const valid = size ? results.find((v) => v.label === `valid-${size}mb`) : undefined;
    if (valid) {
      check(
        `${r.label}: peak memory < twice that of valid-${size}mb`,
        r.peakRssMb < 2 * valid.peakRssMb,
        `${r.peakRssMb.toFixed(0)} MB against ${valid.peakRssMb.toFixed(0)} MB`,
      );
    }
  }
  return targets;
}
