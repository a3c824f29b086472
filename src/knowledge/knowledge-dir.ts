/** The knowledge folder itself and its list of fact files. */
import { readdir, stat } from "node:fs/promises";
import type { Problem } from "./problem.js";

const LAYOUT = "sources.yaml, organizations.yaml, topics.yaml, articles/ and facts/*.yaml";

/** One clear problem when the folder is missing, not a folder, or empty; else none. */
export async function checkKnowledgeDir(dir: string): Promise<Problem | undefined> {
  const problem = (message: string): Problem => ({ file: ".", field: "", message });
  try {
    if (!(await stat(dir)).isDirectory()) return problem(`${dir} is a file, not a folder`);
    const names = await readdir(dir);
    if (names.length === 0)
      return problem(`knowledge folder ${dir} is empty: it should hold ${LAYOUT}`);
  } catch {
    return problem(`knowledge folder ${dir} does not exist: give the folder that holds ${LAYOUT}`);
  }
  return undefined;
}

/** `facts/*.yaml`, sorted so problems come out in a stable order. */
export async function listFactFiles(
  dir: string,
): Promise<{ files: string[]; problems: Problem[] }> {
  let names: string[];
  try {
    names = await readdir(`${dir}/facts`);
  } catch {
    const message = "folder is missing: create facts/ and put the fact files (*.yaml) in it";
    return { files: [], problems: [{ file: "facts/", field: "", message }] };
  }
  const files = names.filter((n) => n.endsWith(".yaml")).sort();
  const problems: Problem[] = names
    .filter((n) => n.endsWith(".yml"))
    .map((n) => ({ file: `facts/${n}`, field: "", message: "is not read: rename it to .yaml" }));
  if (files.length === 0) {
    problems.push({ file: "facts/", field: "", message: "holds no fact files (*.yaml): add one" });
  }
  return { files: files.map((n) => `facts/${n}`), problems };
}
