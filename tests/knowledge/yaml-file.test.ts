/**
 * A large list file is parsed and validated a slice of items at a time: the entries, problems,
 * paths and lines must be exactly those of reading it whole.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";
import { OrganizationsFileSchema } from "../../src/knowledge/schema.js";
import { readYamlList } from "../../src/knowledge/yaml-file.js";

const dir = mkdtempSync(join(tmpdir(), "receipts-yaml-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An organizations file of `n` entries, `change` applied to the lines of entry `i`. */
function organizations(n: number, change?: (i: number, lines: string[]) => string[]): string {
  const entries = Array.from({ length: n }, (_, i) => {
    const lines = [`- id: org-${i}`, `  name: "Org ${i} & Sons"`, "  role: other"];
    return (change?.(i, lines) ?? lines).join("\n");
  });
  return `# ${n} organizations\n${entries.join("\n")}\n`;
}

async function read(text: string) {
  writeFileSync(join(dir, "organizations.yaml"), text);
  return readYamlList(dir, "organizations.yaml", OrganizationsFileSchema);
}

describe("reading a large list file in slices", () => {
  it("gives every entry, in order, with its index and value as parsed whole", async () => {
    const text = organizations(950);
    const file = await read(text);
    expect(file.problems).toEqual([]);
    expect(file.entries).toHaveLength(950);
    expect(file.entries.map((e) => e.index)).toEqual([...Array(950).keys()]);
    const whole = load(text) as Array<{ id: string; name: string }>;
    expect(file.entries.map((e) => e.value.id)).toEqual(whole.map((o) => o.id));
    expect(file.entries[731]?.value).toEqual({
      id: "org-731",
      name: "Org 731 & Sons",
      aliases: [],
      descriptions: [],
      role: "other",
      noResponseInSources: false,
      nameNotInSources: false,
    });
    expect(file.ids.size).toBe(950);
  });

  it("reports a problem deep in the file with its path and line in the whole file", async () => {
    const text = organizations(700, (i, lines) =>
      i === 613 ? [lines[0] ?? "", lines[1] ?? "", "  role: partnr"] : lines,
    );
    const file = await read(text);
    const line = text.split("\n").indexOf("  role: partnr") + 1;
    expect(file.problems).toEqual([
      expect.objectContaining({ file: "organizations.yaml", field: "[613].role", line }),
    ]);
    // The other entries are kept for the checks that follow, with their own indexes.
    expect(file.entries).toHaveLength(699);
    expect(file.entries[613]?.index).toBe(614);
    expect(file.entries[613]?.lineOf([614, "id"])).toBe(line + 1);
  });

  it("reads a file whose aliases refer to an anchor in another slice, by parsing it whole", async () => {
    const text = organizations(500, (i, lines) => {
      if (i === 0) return [...lines, "  aliases: &same [Shared Name]"];
      if (i === 450) return [...lines, "  aliases: *same"];
      return lines;
    });
    const file = await read(text);
    expect(file.problems).toEqual([]);
    expect(file.entries[450]?.value.aliases).toEqual(["Shared Name"]);
  });

  it("explains a syntax error deep in a large file at its line", async () => {
    const text = organizations(600, (i, lines) =>
      i === 555 ? [lines[0] ?? "", '  name: "Unclosed', lines[2] ?? ""] : lines,
    );
    const file = await read(text);
    expect(file.entries).toEqual([]);
    expect(file.problems).toHaveLength(1);
    expect(file.problems[0]?.message).toMatch(/^not valid YAML/);
    const line = file.problems[0]?.line ?? 0;
    expect(line).toBeGreaterThan(text.split("\n").indexOf("- id: org-555"));
  });
});
