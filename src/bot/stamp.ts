/**
 * A short stamp of a fact base (its facts' ids in order): buttons carry it, so a button that
 * points at facts by position is known to be stale after a /reload changed the base.
 */
import { createHash } from "node:crypto";
import type { KnowledgeBase } from "../knowledge/schema.js";

const stamps = new WeakMap<KnowledgeBase, string>();

export function baseStamp(kb: KnowledgeBase): string {
  const cached = stamps.get(kb);
  if (cached) return cached;
  const hash = createHash("sha256");
  for (const f of kb.facts) hash.update(`${f.id}\n`);
  // Six base-36 characters: 2 billion values, ample to tell one reload from the next.
  const stamp = BigInt(`0x${hash.digest("hex").slice(0, 12)}`)
    .toString(36)
    .padStart(6, "0")
    .slice(-6);
  stamps.set(kb, stamp);
  return stamp;
}
