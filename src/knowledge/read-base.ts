/** Reads and schema-checks every file of a knowledge folder, one after another. */
import { access } from "node:fs/promises";
import { readArticles } from "./articles.js";
import { listFactFiles } from "./knowledge-dir.js";
import { type Pace, pacer } from "./pacer.js";
import type { Problem } from "./problem.js";
import { baseBudget } from "./read-file.js";
import {
  type ExampleQuestion,
  ExampleQuestionsFileSchema,
  type Fact,
  FactsFileSchema,
  type LexiconEntry,
  LexiconFileSchema,
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
  /** Empty when the folder has no lexicon.yaml: a lexicon is optional. */
  readonly lexicon: ListFile<LexiconEntry>;
  /** Empty when the folder has no questions.yaml. */
  readonly questions: ListFile<ExampleQuestion>;
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
 * Every file, one after another and with one pacer: readers running side by side would each take
 * a slice of work per turn of the event loop, and a bot reloading a large base would wait for
 * all of them between two questions.
 */
export async function readBase(
  dir: string,
  pace: Pace = pacer(),
  // Every file counts against one limit for the whole base (MAX_BASE_BYTES).
  budget = baseBudget(),
): Promise<ParsedBase> {
  const sources = await readYamlList(dir, "sources.yaml", SourcesFileSchema, pace, budget);
  const organizations = await readYamlList(
    dir,
    "organizations.yaml",
    OrganizationsFileSchema,
    pace,
    budget,
  );
  const topics = await readYamlList(dir, "topics.yaml", TopicsFileSchema, pace, budget);
  const lexicon = (await exists(`${dir}/lexicon.yaml`))
    ? await readYamlList(dir, "lexicon.yaml", LexiconFileSchema, pace, budget)
    : none<LexiconEntry>();
  const questions = (await exists(`${dir}/questions.yaml`))
    ? await readYamlList(dir, "questions.yaml", ExampleQuestionsFileSchema, pace, budget)
    : none<ExampleQuestion>();
  const listed = await listFactFiles(dir);
  const factFiles: ListFile<Fact>[] = [];
  for (const file of listed.files) {
    factFiles.push(await readYamlList(dir, file, FactsFileSchema, pace, budget));
    await pace();
  }
  const articles = await readArticles(dir, sources.entries, budget);
  const problems = [
    sources,
    organizations,
    topics,
    lexicon,
    listed,
    ...factFiles,
    articles,
  ].flatMap((part) => part.problems);
  const factsComplete = [listed, ...factFiles].every((part) => part.problems.length === 0);
  return {
    sources,
    organizations,
    topics,
    lexicon,
    questions,
    factFiles,
    factsComplete,
    texts: articles.texts,
    problems,
  };
}

/** An optional file that is not there: nothing in it, nothing wrong. */
function none<T>(): ListFile<T> {
  return { entries: [], problems: [], ids: new Set(), parsed: true };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
