/**
 * `/reload` under the ShardingManager: each shard is its own process with its own fact base, so
 * a reload asks every shard (broadcastEval, one shard at a time so one failure cannot hide the
 * others' results) and reports each. A shard whose reload fails keeps its old base, as any store
 * does.
 */
import type { Client } from "discord.js";
import type { ReloadResult } from "./knowledge-store.js";
import { withTimeout } from "./timeout.js";

/** How long one shard may take to reload before it is reported as not answering. */
export const SHARD_RELOAD_TIMEOUT_MS = 30_000;

export type ShardReload =
  | { readonly shard: number; readonly result: ReloadResult }
  | { readonly shard: number; readonly unreachable: string };

type Reload = (by: string) => Promise<ReloadResult>;

/** Puts the shard's reload where `evalReload` finds it: a global symbol on its client. */
export function exposeReload(client: Client, reload: Reload): void {
  Object.defineProperty(client, Symbol.for("receipts.reload"), { value: reload });
}

/**
 * Runs inside a shard: broadcastEval sends this function's source, so only its arguments and
 * globals are in scope here (hence the symbol, not an import).
 */
export function evalReload(client: Client, context: { by: string }): Promise<ReloadResult> {
  const holder = client as unknown as Record<symbol, Reload | undefined>;
  const reload = holder[Symbol.for("receipts.reload")];
  if (!reload) return Promise.reject(new Error("this shard has no fact base to reload"));
  return reload(context.by);
}

/** Every shard's result, in shard order; `evaluate(shard)` runs evalReload on that shard. */
export async function reloadShards(
  shardIds: readonly number[],
  evaluate: (shard: number) => Promise<unknown>,
  timeoutMs = SHARD_RELOAD_TIMEOUT_MS,
): Promise<ShardReload[]> {
  return Promise.all(
    shardIds.map(async (shard): Promise<ShardReload> => {
      try {
        const result = await withTimeout(evaluate(shard), timeoutMs, `shard ${shard}'s reload`);
        // broadcastEval returns what the shard's evalReload resolved to, through JSON.
        return { shard, result: result as ReloadResult };
      } catch (error) {
        return { shard, unreachable: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}

/** From inside a shard: reload every shard, this one included. */
export function reloadEveryShard(client: Client, by: string): Promise<ShardReload[]> | undefined {
  const util = client.shard;
  if (!util) return undefined;
  const ids = Array.from({ length: util.count }, (_, i) => i);
  return reloadShards(ids, (shard) => util.broadcastEval(evalReload, { shard, context: { by } }));
}
