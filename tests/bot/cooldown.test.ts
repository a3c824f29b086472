import { describe, expect, it } from "vitest";
import { Cooldown } from "../../src/bot/cooldown.js";

describe("per-user cooldown", () => {
  it("lets a user ask once per window and says how long to wait", () => {
    let now = 1_000_000;
    const cooldown = new Cooldown(3, () => now);
    expect(cooldown.take("ann")).toEqual({ ok: true });
    now += 500;
    expect(cooldown.take("ann")).toEqual({ ok: false, retryAfterSeconds: 3 });
    now += 1600;
    expect(cooldown.take("ann")).toEqual({ ok: false, retryAfterSeconds: 1 });
    now += 900;
    expect(cooldown.take("ann")).toEqual({ ok: true });
  });

  it("keeps users apart", () => {
    const now = 5_000;
    const cooldown = new Cooldown(10, () => now);
    expect(cooldown.take("ann").ok).toBe(true);
    expect(cooldown.take("bob").ok).toBe(true);
    expect(cooldown.take("ann").ok).toBe(false);
  });

  it("a refused request does not extend the wait", () => {
    let now = 0;
    const cooldown = new Cooldown(2, () => now);
    cooldown.take("ann");
    now = 1500;
    expect(cooldown.take("ann").ok).toBe(false);
    now = 2000;
    expect(cooldown.take("ann").ok).toBe(true);
  });

  it("is off at 0 seconds", () => {
    const cooldown = new Cooldown(0, () => 0);
    for (let i = 0; i < 5; i++) expect(cooldown.take("ann").ok).toBe(true);
  });

  it("stays correct when it forgets old entries on a busy server", () => {
    let now = 0;
    const cooldown = new Cooldown(1, () => now);
    for (let i = 0; i < 10_050; i++) cooldown.take(`user${i}`);
    now = 500;
    expect(cooldown.take("user10049").ok).toBe(false);
    now = 1500;
    expect(cooldown.take("user0").ok).toBe(true);
  });

  it("does constant work per request with 40,000 users in one window", () => {
    let now = 0;
    const cooldown = new Cooldown(60, () => now);
    let most = 0;
    let answered = 0;
    for (let i = 0; i < 40_000; i++) {
      now = i; // one request a millisecond: all 40,000 inside the 60 s window
      const before = cooldown.examined;
      if (cooldown.take(`user${i}`).ok) answered++;
      most = Math.max(most, cooldown.examined - before);
    }
    expect(answered).toBe(40_000);
    expect(cooldown.size).toBe(40_000);
    expect(most).toBeLessThanOrEqual(2);
    // Everyone is still in their window: refused, and still no scan.
    const before = cooldown.examined;
    expect(cooldown.take("user0").ok).toBe(false);
    expect(cooldown.examined - before).toBeLessThanOrEqual(2);
  });

  it("forgets users whose window is over as new requests come in", () => {
    let now = 0;
    const cooldown = new Cooldown(1, () => now);
    for (let i = 0; i < 20_000; i++) cooldown.take(`early${i}`);
    now = 5000;
    for (let i = 0; i < 10_000; i++) cooldown.take(`late${i}`);
    // Each request forgot up to two early users: all early users are gone.
    expect(cooldown.size).toBe(10_000);
    expect(cooldown.take("early0").ok).toBe(true);
  });

  it("a user counted again keeps their newest time when the old entry is forgotten", () => {
    let now = 0;
    const cooldown = new Cooldown(2, () => now);
    for (const user of ["x", "y", "z", "ann"]) cooldown.take(user);
    now = 3000;
    expect(cooldown.take("ann").ok).toBe(true); // forgets x and y; ann's old entry is still queued
    cooldown.take("bob"); // forgets z, then reaches ann's old entry: her newer time must stay
    now = 4000;
    expect(cooldown.take("ann")).toEqual({ ok: false, retryAfterSeconds: 1 });
  });
});
