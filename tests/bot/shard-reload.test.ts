import type { Client } from "discord.js";
import { describe, expect, it } from "vitest";
import type { KnowledgeCounts, ReloadResult } from "../../src/bot/knowledge-store.js";
import { messageProblems } from "../../src/bot/render/limits.js";
import { renderShardReloads } from "../../src/bot/render/pages.js";
import {
  evalReload,
  exposeReload,
  reloadShards,
  type ShardReload,
} from "../../src/bot/shard-reload.js";

const counts = (facts: number): KnowledgeCounts => ({ sources: 3, organizations: 16, facts });
const done: ReloadResult = { ok: true, before: counts(55), after: counts(56), ms: 12 };
const refused: ReloadResult = {
  ok: false,
  kept: counts(55),
  problems: [{ file: "facts/x.yaml", line: 4, field: "[0].quote", message: "not verbatim" }],
};

describe("evalReload", () => {
  it("finds the reload a shard exposed on its client, through the global symbol only", async () => {
    const client = {} as Client;
    const calls: string[] = [];
    exposeReload(client, async (by) => {
      calls.push(by);
      return done;
    });
    // broadcastEval runs the function's source in the shard: it must not need this module.
    const source = evalReload.toString();
    const rebuilt = new Function(`return (${source})`)() as typeof evalReload;
    await expect(rebuilt(client, { by: "user 1" })).resolves.toEqual(done);
    expect(calls).toEqual(["user 1"]);
  });

  it("rejects clearly on a client that exposed nothing", async () => {
    await expect(evalReload({} as Client, { by: "x" })).rejects.toThrow(/no fact base to reload/);
  });
});

describe("reloadShards", () => {
  it("reports every shard in order: reloaded, refused, or not answering", async () => {
    const results = await reloadShards(
      [0, 1, 2, 3],
      async (shard) => {
        if (shard === 2) throw new Error("Shard 2's process is not running");
        if (shard === 3) return new Promise(() => {});
        return shard === 0 ? done : refused;
      },
      50,
    );
    expect(results.map((r) => r.shard)).toEqual([0, 1, 2, 3]);
    expect(results[0]).toEqual({ shard: 0, result: done });
    expect(results[1]).toEqual({ shard: 1, result: refused });
    expect(results[2]).toEqual({ shard: 2, unreachable: "Shard 2's process is not running" });
    expect(results[3]).toMatchObject({ shard: 3, unreachable: expect.stringMatching(/50 ms/) });
  });
});

describe("renderShardReloads", () => {
  const reloads: ShardReload[] = [
    { shard: 0, result: done },
    { shard: 1, result: refused },
    { shard: 2, unreachable: "timed *out*" },
  ];

  it("gives each shard a line and lists the problems once", () => {
    const message = renderShardReloads(reloads, "en");
    expect(message.content?.split("\n")).toEqual([
      expect.stringMatching(/^Shard 0: reloaded, now .*56 facts/),
      expect.stringMatching(/^Shard 1: refused \(1 problem\); its old base .*55 facts/),
      expect.stringMatching(/^Shard 2: did not answer \(timed \\\*out\\\*\)/),
    ]);
    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]?.description).toContain("facts/x.yaml:4");
    expect(messageProblems(message)).toEqual([]);
  });

  it("speaks Dutch, and stays within Discord's limits for a thousand shards", () => {
    expect(renderShardReloads(reloads, "nl").content).toMatch(/^Shard 0: herladen/);
    const many = Array.from({ length: 1000 }, (_, shard) => ({ shard, result: done }));
    expect(messageProblems(renderShardReloads(many, "en"))).toEqual([]);
  });

  it("has no problem list when every shard reloaded", () => {
    expect(renderShardReloads([{ shard: 0, result: done }], "en").embeds).toEqual([]);
  });
});
