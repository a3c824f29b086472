/**
 * A per-user cooldown: one answered request per user every `seconds`. Autocomplete and static
 * pages are not counted; questions, company views, buttons and mentions are.
 *
 * Constant work per request however many users are in a window: besides the map of users to their
 * last counted request, a queue holds every counted request in time order, and each request looks
 * at no more than two entries at its front, forgetting the users whose cooldown is over. A request
 * adds one entry and looks at up to two, so the queue and the map stay close to the number of
 * requests counted in one window. (Iterating the map itself from the front would not do: a Map
 * keeps deleted slots until it is rehashed, and every new iteration walks over them.)
 */
export type CooldownResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryAfterSeconds: number };

/** Queue entries looked at per request: more than the one a request adds. */
const FORGET_PER_REQUEST = 2;

export class Cooldown {
  readonly #ms: number;
  readonly #now: () => number;
  /** User → when their last counted request was. */
  readonly #last = new Map<string, number>();
  /** Counted requests, oldest first, from #head on; a user appears once per counted request. */
  #queue: Array<{ readonly user: string; readonly at: number }> = [];
  #head = 0;
  #examined = 0;

  /** `seconds` 0 turns it off. `now` is injectable for tests. */
  constructor(seconds: number, now: () => number = Date.now) {
    this.#ms = Math.max(0, seconds) * 1000;
    this.#now = now;
  }

  /** Records a request from `userId` if its cooldown is over; otherwise says how long to wait. */
  take(userId: string): CooldownResult {
    if (this.#ms === 0) return { ok: true };
    const now = this.#now();
    this.#forgetExpired(now);
    const last = this.#last.get(userId);
    if (last !== undefined && now - last < this.#ms) {
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((last + this.#ms - now) / 1000)),
      };
    }
    this.#last.set(userId, now);
    this.#queue.push({ user: userId, at: now });
    return { ok: true };
  }

  /** Users remembered now: those in their cooldown, and a few whose cooldown just ended. */
  get size(): number {
    return this.#last.size;
  }

  /** Queue entries looked at so far, in all (a work counter for tests). */
  get examined(): number {
    return this.#examined;
  }

  /** Looks at up to FORGET_PER_REQUEST entries at the front, dropping those whose time is over. */
  #forgetExpired(now: number): void {
    for (let i = 0; i < FORGET_PER_REQUEST && this.#head < this.#queue.length; i++) {
      const oldest = this.#queue[this.#head];
      if (!oldest) break;
      this.#examined++;
      if (now - oldest.at < this.#ms) break;
      this.#head++;
      // The user may have been counted again since: only their latest request holds the entry.
      if (this.#last.get(oldest.user) === oldest.at) this.#last.delete(oldest.user);
    }
    // Drop the consumed front now and then (each entry is copied at most once on average).
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }
}
