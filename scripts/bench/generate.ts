/**
 * Generates a fact base of a given size for `npm run bench`: the shipped base, whole, plus
 * generated organizations, articles and facts drawn from a fixed seed. Generated facts quote
 * their generated articles verbatim, so the loader checks them as it checks real ones, and use
 * made-up words that no shipped word is a typo away from, so the search does real work (long
 * posting lists, a large vocabulary to correct typos against) while the shipped questions keep
 * their right answers.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { typoDistance } from "../../src/engine/fuzzy.js";
import { words } from "../../src/engine/normalize.js";
import { isStopword } from "../../src/engine/stopwords.js";

export const SHIPPED_DIR = fileURLToPath(new URL("../../knowledge", import.meta.url));
const QUESTIONS_DIR = fileURLToPath(new URL("../../tests/questions", import.meta.url));
export const DEFAULT_SEED = 20181218;

const FACTS_PER_ARTICLE = 100;
const FACTS_PER_FILE = 500;
const FACTS_PER_ORGANIZATION = 10;
const POOL_SIZE = 6000;
const KINDS = ["reported", "response", "context"] as const;
/** Company-name endings; any the shipped base uses is dropped, as pool words are. */
const SUFFIXES = ["Labs", "Media", "Group", "Systems", "Holdings", "Ventures", "Studios", "Works"];

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedBase {
  readonly dir: string;
  /** Facts in the base, shipped ones included. */
  readonly facts: number;
  readonly generatedFacts: number;
  readonly organizations: number;
  readonly articles: number;
  remove(): Promise<void>;
}

/** Writes a base of `totalFacts` facts (at least the shipped ones) into a new temporary folder. */
export async function generateBase(
  totalFacts: number,
  seed = DEFAULT_SEED,
  shippedDir = SHIPPED_DIR,
): Promise<GeneratedBase> {
  const dir = await mkdtemp(join(tmpdir(), `receipts-bench-${totalFacts}-`));
  await cp(shippedDir, dir, { recursive: true });
  const shippedFacts = await countFacts(dir);
  const count = Math.max(0, totalFacts - shippedFacts);
  const random = seededRandom(seed);
  const shipped = await shippedWords(dir);
  const pool = wordPool(random, shipped);
  const known = new Set(shipped);
  const suffixes = SUFFIXES.filter((s) => !known.has(s.toLowerCase()));
  const pick = zipf(random, pool);

  const orgCount = Math.ceil(count / FACTS_PER_ORGANIZATION);
  const orgs = Array.from({ length: orgCount }, (_, i) => organization(i, pool, suffixes, random));
  const articleCount = Math.ceil(count / FACTS_PER_ARTICLE);
  const sources: string[] = [];
  const facts: string[] = [];
  await mkdir(join(dir, "articles"), { recursive: true });
  for (let a = 0; a < articleCount; a++) {
    const id = `gen-article-${a}`;
    const n = Math.min(FACTS_PER_ARTICLE, count - a * FACTS_PER_ARTICLE);
    const sentences: string[] = [];
    for (let i = 0; i < n; i++) {
      const index = a * FACTS_PER_ARTICLE + i;
      const org = orgs[index % orgCount] ?? orgs[0];
      if (!org) break;
      const sentence = `${org.name} ${phrase(pick, random, 8, 14)}.`;
      sentences.push(sentence);
      facts.push(factYaml(index, org, sentence, id, pick, random));
    }
    await writeFile(join(dir, "articles", `${id}.txt`), `${sentences.join(" ")}\n`);
    sources.push(sourceYaml(id, pick, random));
  }
  await appendList(join(dir, "sources.yaml"), sources);
  await appendList(
    join(dir, "organizations.yaml"),
    orgs.map((o) => o.yaml),
  );
  for (let f = 0; f * FACTS_PER_FILE < facts.length; f++) {
    const chunk = facts.slice(f * FACTS_PER_FILE, (f + 1) * FACTS_PER_FILE);
    await writeFile(join(dir, "facts", `gen-${String(f).padStart(4, "0")}.yaml`), chunk.join(""));
  }
  return {
    dir,
    facts: shippedFacts + count,
    generatedFacts: count,
    organizations: orgCount,
    articles: articleCount,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

async function countFacts(dir: string): Promise<number> {
  const { readdir } = await import("node:fs/promises");
  let n = 0;
  for (const file of await readdir(join(dir, "facts"))) {
    const text = await readFile(join(dir, "facts", file), "utf8");
    n += text.match(/^- id:/gm)?.length ?? 0;
  }
  return n;
}

/**
 * Every word of the shipped base's YAML and articles, and of the question sets: generated words
 * must keep clear of them. A made-up word a typo away from a word of a question ("mone" and
 * "money") would turn an off-topic question into a typo of the generated base.
 */
async function shippedWords(dir: string): Promise<string[]> {
  const { readdir } = await import("node:fs/promises");
  const files = [
    "sources.yaml",
    "organizations.yaml",
    "topics.yaml",
    ...(await readdir(join(dir, "facts"))).map((f) => `facts/${f}`),
    ...(await readdir(join(dir, "articles"))).map((f) => `articles/${f}`),
  ].map((f) => join(dir, f));
  const questions = (await readdir(QUESTIONS_DIR)).filter((f) => f.endsWith(".yaml"));
  files.push(...questions.map((f) => join(QUESTIONS_DIR, f)));
  const all = new Set<string>();
  for (const file of files) {
    // Piece by piece: `words` keeps the first 120 words of a text, as it does for a question.
    for (const piece of (await readFile(file, "utf8")).split(/\s+/)) {
      for (const w of words(piece)) all.add(w);
    }
  }
  return [...all];
}

/**
 * Made-up words (consonant-vowel syllables), none a stop word and none within two typos of a
 * shipped word, so a typo of a shipped word is never corrected towards one of them.
 */
function wordPool(random: () => number, shipped: readonly string[]): string[] {
  const consonants = "bdfgklmnprstvz";
  const vowels = "aeiou";
  const byInitial = new Map<string, string[]>();
  for (const w of shipped) byInitial.set(w[0] ?? "", [...(byInitial.get(w[0] ?? "") ?? []), w]);
  const pool = new Set<string>();
  while (pool.size < POOL_SIZE) {
    const syllables = 2 + Math.floor(random() * 2);
    let word = "";
    for (let s = 0; s < syllables; s++) {
      word += consonants[Math.floor(random() * consonants.length)];
      word += vowels[Math.floor(random() * vowels.length)];
    }
    if (Math.floor(random() * 3) === 0)
      word += consonants[Math.floor(random() * consonants.length)];
    if (pool.has(word) || isStopword(word)) continue;
    const near = (byInitial.get(word[0] ?? "") ?? []).some(
      (w) => typoDistance(word, w, 1) !== undefined,
    );
    if (!near) pool.add(word);
  }
  return [...pool];
}

/** Draws words with a Zipf-like skew: a few very common (long posting lists), most rare. */
function zipf(random: () => number, pool: readonly string[]): () => string {
  return () => pool[Math.floor(pool.length * random() ** 3)] ?? pool[0] ?? "word";
}

function phrase(pick: () => string, random: () => number, min: number, max: number): string {
  const n = min + Math.floor(random() * (max - min + 1));
  return Array.from({ length: n }, pick).join(" ");
}

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

interface GeneratedOrganization {
  readonly id: string;
  readonly name: string;
  readonly yaml: string;
}

function organization(
  i: number,
  pool: readonly string[],
  suffixes: readonly string[],
  random: () => number,
): GeneratedOrganization {
  // Two pool words make a name that is unique per index (pool² ≫ organizations).
  const first = pool[i % pool.length] ?? "org";
  const second = pool[Math.floor(i / pool.length) % pool.length] ?? "org";
  const suffix = suffixes[Math.floor(random() * suffixes.length)] ?? "Labs";
  const name = `${capital(first)} ${capital(second)} ${suffix}`;
  const id = `gen-org-${i}`;
  const yaml = `- id: ${id}\n  name: ${JSON.stringify(name)}\n  aliases: [${JSON.stringify(`${capital(first)} ${capital(second)}`)}]\n  role: other\n`;
  return { id, name, yaml };
}

function factYaml(
  index: number,
  org: GeneratedOrganization,
  sentence: string,
  source: string,
  pick: () => string,
  random: () => number,
): string {
  const kind = KINDS[index % KINDS.length] ?? "reported";
  const keywords = Array.from({ length: 3 + Math.floor(random() * 3) }, pick);
  return [
    `- id: gen-fact-${index}`,
    `  about: [${org.id}]`,
    `  kind: ${kind}`,
    `  speaker: ${JSON.stringify(org.name)}`,
    `  voice: { who: [${org.id}], how: statement }`,
    `  quote: ${JSON.stringify(sentence)}`,
    `  source: ${source}`,
    "  language: en",
    `  summary: ${JSON.stringify(`${org.name}: ${phrase(pick, random, 4, 7)}`)}`,
    // Generated words stand in for Dutch too: the benchmark measures size, not language.
    `  summaryNl: ${JSON.stringify(`${org.name}: ${phrase(pick, random, 4, 7)}`)}`,
    `  keywords: [${keywords.map((k) => JSON.stringify(k)).join(", ")}]`,
    "",
  ].join("\n");
}

function sourceYaml(id: string, pick: () => string, random: () => number): string {
  return [
    `- id: ${id}`,
    `  file: articles/${id}.txt`,
    "  language: en",
    "  date: 2018-12",
    `  title: ${JSON.stringify(capital(phrase(pick, random, 4, 8)))}`,
    "  titleKind: descriptive",
    `  titleNl: ${JSON.stringify(capital(phrase(pick, random, 4, 8)))}`,
    `  covers: ${JSON.stringify(`Generated for the benchmark: ${phrase(pick, random, 4, 8)}`)}`,
    `  coversNl: ${JSON.stringify(`Gemaakt voor de benchmark: ${phrase(pick, random, 4, 8)}`)}`,
    "",
  ].join("\n");
}

async function appendList(file: string, items: readonly string[]): Promise<void> {
  if (items.length === 0) return;
  const text = await readFile(file, "utf8");
  await writeFile(file, `${text.replace(/\s*$/, "\n")}${items.join("")}`);
}
