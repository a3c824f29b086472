/** Reads and schema-checks every file of a knowledge folder, all at once. */
import { readArticles } from "./articles.js";
import { listFactFiles } from "./knowledge-dir.js";
import { pacer } from "./pacer.js";
import type { Problem } from "./problem.js";
import {
  type Fact,
  FactsFileSchema,
  type Organization,
  OrganizationsFileSchema,
  type Source,
  SourcesFileSchema,
  type Topic,
  TopicsFileSchema,
} from "./schema.js";
import { type ListFile, readYamlList } from "./yaml-file.js";

export interface ParsedBase {
  readonly sources: ListFile<Source>;
  readonly organizations: ListFile<Organization>;
  readonly topics: ListFile<Topic>;
  /** One per file in facts/. */
  readonly factFiles: readonly ListFile<Fact>[];
  /** Article text by source id, for the sources whose article could be read. */
  readonly texts: ReadonlyMap<string, string>;
  /** True when facts/ and every fact file in it were read and valid: no fact is missing. */
  readonly factsComplete: boolean;
  /** Problems reading the files and with their schemas. */
  readonly problems: readonly Problem[];
}

/**
 * One file after another, with a turn of the event loop between: read all at once, their parses
 * would run back to back in one turn and stall a bot reloading a large base.
 */
async function readEach<T>(files: readonly string[], read: (file: string) => Promise<T>) {
  const pace = pacer();
  const out: T[] = [];
  for (const file of files) {
    out.push(await read(file));
    await pace();
  }
  return out;
}

export async function readBase(dir: string): Promise<ParsedBase> {
  const [sources, organizations, topics, listed] = await Promise.all([
    readYamlList(dir, "sources.yaml", SourcesFileSchema),
    readYamlList(dir, "organizations.yaml", OrganizationsFileSchema),
    readYamlList(dir, "topics.yaml", TopicsFileSchema),
    listFactFiles(dir),
  ]);
  const [factFiles, articles] = await Promise.all([
    readEach(listed.files, (file) => readYamlList(dir, file, FactsFileSchema)),
    readArticles(dir, sources.entries),
  ]);
  const problems = [sources, organizations, topics, listed, ...factFiles, articles].flatMap(
    (part) => part.problems,
  );
  const factsComplete = [listed, ...factFiles].every((part) => part.problems.length === 0);
  return {
    sources,
    organizations,
    topics,
    factFiles,
    factsComplete,
    texts: articles.texts,
    problems,
  };
}
