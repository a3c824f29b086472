/**
 * A per-user cooldown: one answered request per user every `seconds`. Autocomplete and static
 * pages are not counted; questions, company views, buttons and mentions are.
 */
export type CooldownResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryAfterSeconds: number };

export class Cooldown {
  readonly #ms: number;
  readonly #now: () => number;
  readonly #last = new Map<string, number>();

  /** `seconds` 0 turns it off. `now` is injectable for tests. */
  constructor(seconds: number, now: () => number = Date.now) {
    this.#ms = Math.max(0, seconds) * 1000;
    this.#now = now;
  }

  /** Records a request from `userId` if its cooldown is over; otherwise says how long to wait. */
  take(userId: string): CooldownResult {
    if (this.#ms === 0) return { ok: true };
    const now = this.#now();
    const last = this.#last.get(userId);
    if (last !== undefined && now - last < this.#ms) {
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((last + this.#ms - now) / 1000)),
      };
    }
    this.#last.set(userId, now);
    if (this.#last.size > 10_000) this.#prune(now);
    return { ok: true };
  }

  /** Forgets users whose cooldown is over, so the map stays small on a busy server. */
  #prune(now: number): void {
    for (const [user, at] of this.#last) if (now - at >= this.#ms) this.#last.delete(user);
  }
}
