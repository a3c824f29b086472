// A copy of the shipped fact base that a test changes on disk the way a curator would.
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SHIPPED = fileURLToPath(new URL("../../knowledge", import.meta.url));
export const FACT_FILE = "techradar-facebook-responds.yaml";

/** A sentence of the TechRadar article that the shipped base does not hold as a fact. */
export const NEW_QUOTE =
  "Based in London, she's a popular music graduate who worked in the music industry before finding her calling in journalism.";
const NEW_FACT = `
- id: techradar-author-based-in-london
  about: [techradar]
  kind: context
  speaker: TechRadar
  voice: { how: article }
  quote: >-
    ${NEW_QUOTE}
  source: techradar-facebook-responds
  language: en
  summary: The author of TechRadar's article is based in London.
  summaryNl: De auteur van het artikel van TechRadar woont in Londen.
  topics: [investigation]
  keywords: [author, based, London, journalist]
`;
/** What the new fact answers. */
export const NEW_FACT_QUESTION = "Where is the TechRadar author based?";

export interface KnowledgeCopy {
  readonly dir: string;
  /** A good change: the new fact, appended to its source's fact file. */
  addFact(): Promise<void>;
  /** A curator's slip: the new fact's quote no longer matches the article word for word. */
  breakQuote(): Promise<void>;
  remove(): Promise<void>;
}

export async function copyKnowledge(): Promise<KnowledgeCopy> {
  const dir = await mkdtemp(join(tmpdir(), "receipts-knowledge-"));
  await cp(SHIPPED, dir, { recursive: true });
  const file = join(dir, "facts", FACT_FILE);
  return {
    dir,
    addFact: () => appendFile(file, NEW_FACT),
    breakQuote: async () => {
      const text = await readFile(file, "utf8");
      await writeFile(file, text.replace("popular music graduate", "popular film graduate"));
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
