import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ApplicationCommandType, PermissionFlagsBits } from "discord.js";
import { describe, expect, it } from "vitest";
import { CATALOGUE, localeOf, type Messages } from "../../src/bot/i18n.js";
import { commandDefinitions, messageCommands, slashCommands } from "../../src/bot/registry.js";

const COMMANDS_DIR = fileURLToPath(new URL("../../commands", import.meta.url));
/** Discord's rule for slash command and option names (lower case where a case exists). */
const NAME = /^[-_\p{Ll}\p{Lm}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

interface Option {
  name: string;
  description: string;
  name_localizations?: Record<string, string> | null;
  description_localizations?: Record<string, string> | null;
  options?: Option[];
}

describe("command registry", () => {
  it("registers exactly the modules in commands/", async () => {
    const files = readdirSync(COMMANDS_DIR).filter((f) => f.endsWith(".ts"));
    const modules = await Promise.all(files.map((f) => import(`../../commands/${f}`)));
    const names = modules.map((m: { data: { name: string } }) => m.data.name).sort();
    expect(
      commandDefinitions()
        .map((c) => c.name)
        .sort(),
    ).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
    for (const m of modules) expect(typeof m.execute).toBe("function");
  });

  it("has the commands the bot answers to", () => {
    expect(slashCommands.map((c) => c.data.name)).toEqual([
      "ask",
      "company",
      "sources",
      "help",
      "reload",
      "privacy",
      "gaps",
    ]);
    expect(messageCommands.map((c) => c.data.toJSON())).toMatchObject([
      { name: "Ask Receipts", type: ApplicationCommandType.Message },
    ]);
  });

  it("gives every slash command and option a valid name, a description and Dutch localizations", () => {
    const check = (o: Option, path: string) => {
      expect(o.name, path).toMatch(NAME);
      expect(o.description.length, path).toBeGreaterThan(0);
      expect(o.description.length, path).toBeLessThanOrEqual(100);
      const nl = o.name_localizations?.nl;
      expect(nl, `${path} nl name`).toMatch(NAME);
      expect(o.description_localizations?.nl?.length, `${path} nl description`).toBeGreaterThan(0);
      expect(o.description_localizations?.nl?.length ?? 0).toBeLessThanOrEqual(100);
      for (const child of o.options ?? []) check(child, `${path}.${child.name}`);
    };
    for (const c of slashCommands) check(c.data.toJSON() as Option, c.data.name);
  });

  it("gives the message menu a Dutch name", () => {
    for (const c of messageCommands) {
      const json = c.data.toJSON();
      expect(json.name_localizations?.nl?.length).toBeGreaterThan(0);
      expect(json.name.length).toBeLessThanOrEqual(32);
    }
  });

  it("hides /reload and /gaps from members without Manage Server by default", () => {
    const admin = ["reload", "gaps"];
    for (const name of admin) {
      const json = slashCommands.find((c) => c.data.name === name)?.data.toJSON();
      expect(json?.default_member_permissions, name).toBe(String(PermissionFlagsBits.ManageGuild));
    }
    for (const c of slashCommands.filter((c) => !admin.includes(c.data.name))) {
      expect(c.data.toJSON().default_member_permissions ?? null).toBeNull();
    }
  });

  it("puts required options before optional ones", () => {
    for (const c of slashCommands) {
      const options = (c.data.toJSON().options ?? []) as { required?: boolean }[];
      const firstOptional = options.findIndex((o) => !o.required);
      if (firstOptional >= 0)
        expect(options.slice(firstOptional).every((o) => !o.required)).toBe(true);
    }
  });
});

describe("message catalogue", () => {
  const sample = { sources: 3, organizations: 16, facts: 55 };

  /** Arguments for the entries that take more than a name or a pair of counts. */
  const ARGS: Record<string, unknown[]> = {
    shardReloaded: [1, sample],
    shardRefused: [1, 2, sample],
    shardUnreachable: [1, "X"],
    voice: [{ who: "X", spokesperson: true, how: "statement-to", to: "Y" }],
    allOnButton: ["X", 2],
    pageOf: [1, 2],
  };

  /** Every entry as text: strings as they are, functions called with sample arguments. */
  function texts(m: Messages): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(m)) {
      if (typeof value === "string") out[key] = value;
      else if (typeof value === "function")
        out[key] = String(value(...(ARGS[key] ?? (value.length === 2 ? [sample, sample] : ["X"]))));
      else out[key] = JSON.stringify(value);
    }
    return out;
  }

  it("has every entry in English and Dutch, none empty, and they differ", () => {
    const en = texts(CATALOGUE.en);
    const nl = texts(CATALOGUE.nl);
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(nl)) {
      expect(value.trim().length, key).toBeGreaterThan(0);
    }
    const same = Object.keys(en).filter((k) => en[k] === nl[k]);
    // Only entries that are the same in both languages (the product name, "1/2") may match.
    expect(same.sort()).toEqual(["helpTitle", "pageOf"]);
  });

  it("picks Dutch for Discord's nl locale only", () => {
    expect(localeOf("nl")).toBe("nl");
    for (const other of ["en-US", "en-GB", "de", "fr", undefined, null, ""])
      expect(localeOf(other)).toBe("en");
  });

  it("words cooldowns and counts naturally", () => {
    expect(CATALOGUE.en.cooldown(1)).toMatch(/1 second\./);
    expect(CATALOGUE.en.cooldown(3)).toMatch(/3 seconds\./);
    expect(CATALOGUE.nl.cooldown(1)).toMatch(/1 seconde /);
    expect(CATALOGUE.nl.cooldown(3)).toMatch(/3 seconden /);
    expect(CATALOGUE.nl.counts(sample)).toBe("3 bronnen, 16 organisaties, 55 feiten");
  });
});
