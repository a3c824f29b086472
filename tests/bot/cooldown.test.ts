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
});
