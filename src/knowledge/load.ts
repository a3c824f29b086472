/**
 * `loadKnowledge(dir)`: the one loader used by the CLI, the bot and the tests. It returns a frozen
 * knowledge base, or every problem found at once.
 */
import { readdir, readFile } from "node:fs/promises";
import type { Problem } from "./problem.js";
import {
  type Fact,
  FactsFileSchema,
  type KnowledgeBase,
  OrganizationsFileSchema,
  SourcesFileSchema,
  TopicsFileSchema,
} from "./schema.js";
import { readYamlFile } from "./yaml-file.js";

export type LoadResult =
  | { readonly ok: true; readonly kb: KnowledgeBase }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const problems: Problem[] = [];
  const sources = await readYamlFile(dir, "sources.yaml", SourcesFileSchema);
  const organizations = await readYamlFile(dir, "organizations.yaml", OrganizationsFileSchema);
  const topics = await readYamlFile(dir, "topics.yaml", TopicsFileSchema);
  problems.push(...sources.problems, ...organizations.problems, ...topics.problems);

  const texts = new Map<string, string>();
  for (const source of sources.value ?? []) {
    try {
      texts.set(source.id, await readFile(`${dir}/${source.file}`, "utf8"));
    } catch {
      problems.push({
        file: "sources.yaml",
        field: `file`,
        message: `article ${source.file} for source '${source.id}' cannot be read`,
      });
    }
  }

  const facts: Fact[] = [];
  for (const file of await factFiles(dir, problems)) {
    const parsed = await readYamlFile(dir, file, FactsFileSchema);
    problems.push(...parsed.problems);
    facts.push(...(parsed.value ?? []));
  }

  if (problems.length > 0 || !sources.value || !organizations.value || !topics.value) {
    return { ok: false, problems };
  }
  const kb: KnowledgeBase = {
    dir,
    sources: sources.value,
    texts,
    organizations: organizations.value,
    topics: topics.value,
    facts,
  };
  return { ok: true, kb: deepFreeze(kb) };
}

async function factFiles(dir: string, problems: Problem[]): Promise<string[]> {
  try {
    const names = await readdir(`${dir}/facts`);
    const files = names.filter((n) => n.endsWith(".yaml")).sort();
    if (files.length === 0) {
      problems.push({ file: "facts/", field: "", message: "no fact files (*.yaml) found" });
    }
    return files.map((n) => `facts/${n}`);
  } catch {
    problems.push({ file: "facts/", field: "", message: "folder is missing" });
    return [];
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (!(value instanceof Map)) for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
