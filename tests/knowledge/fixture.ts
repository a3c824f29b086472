/** Copies of the small fixture base, each broken in one place by a test. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { Problem } from "../../src/knowledge/problem.js";

export const FIXTURE_DIR = fileURLToPath(new URL("../fixtures/knowledge", import.meta.url));

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of the fixture in a temp folder, removed after the test file. */
export function fixtureCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "receipts-knowledge-"));
  made.push(dir);
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  return dir;
}

/** Replaces `from` by `to` in a file of the copy; fails if `from` is not there exactly once. */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, "utf8");
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`${file}: expected one ${String(from)}, found ${count}`);
  writeFileSync(path, text.replace(from, to));
}

/** Loads a copy of the fixture changed by `change`, expecting problems. */
export async function problemsAfter(change: (dir: string) => void): Promise<readonly Problem[]> {
  const dir = fixtureCopy();
  change(dir);
  const loaded = await loadKnowledge(dir);
  if (loaded.ok) throw new Error("expected the changed fixture to be rejected");
  return loaded.problems;
}

/** The 1-based line of the first line of a fixture file that contains `text`. */
export function lineWith(file: string, text: string): number {
  const lines = readFileSync(join(FIXTURE_DIR, file), "utf8").split("\n");
  const index = lines.findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`${file} has no line with ${text}`);
  return index + 1;
}
