// A copy of the shipped fact base that a test changes on disk the way a curator would.
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SHIPPED = fileURLToPath(new URL("../../knowledge", import.meta.url));
export const FACT_FILE = "techradar-facebook-responds.yaml";

/**
 * A sentence of the TechRadar article that the shipped base holds as a fact. The copy leaves
 * that fact out, so that adding it back, as the curator wrote it, is a change to the base.
 */
export const NEW_QUOTE =
  "Based in London, she's a popular music graduate who worked in the music industry before finding her calling in journalism.";
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
  const facts = (await readFile(file, "utf8")).split(/^(?=- id: )/m);
  const quotes = (fact: string) => fact.replace(/\s+/g, " ").includes(NEW_QUOTE);
  const newFact = facts.filter(quotes).join("");
  if (!newFact) throw new Error(`no fact in ${FACT_FILE} quotes "${NEW_QUOTE}" any more`);
  await writeFile(file, facts.filter((fact) => !quotes(fact)).join(""));
  return {
    dir,
    addFact: () => appendFile(file, `\n${newFact}`),
    breakQuote: async () => {
      const text = await readFile(file, "utf8");
      await writeFile(file, text.replace("popular music graduate", "popular film graduate"));
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
