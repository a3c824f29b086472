/** The project's fact base, loaded once per test file. */
import { fileURLToPath } from "node:url";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";

export const KNOWLEDGE_DIR = fileURLToPath(new URL("../../knowledge", import.meta.url));

export async function projectKnowledge(): Promise<KnowledgeBase> {
  const loaded = await loadKnowledge(KNOWLEDGE_DIR);
  if (!loaded.ok) {
    throw new Error(`knowledge/ has problems: ${JSON.stringify(loaded.problems, null, 2)}`);
  }
  return loaded.kb;
}
