/** The knowledge folder itself and its list of fact files. */
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Problem } from "./problem.js";
import { isInside } from "./read-file.js";

const LAYOUT = "sources.yaml, organizations.yaml, topics.yaml, articles/ and facts/*.yaml";

/**
 * The folder resolved through any symbolic links (a deployment often links it), which every
 * file read must stay inside; or one clear problem when it is missing, not a folder, or empty.
 */
export async function openKnowledgeDir(
  dir: string,
): Promise<{ readonly root: string } | { readonly problem: Problem }> {
  const problem = (message: string) => ({ problem: { file: ".", field: "", message } });
  try {
    const root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) return problem(`${dir} is a file, not a folder`);
    const names = await readdir(root);
    if (names.length === 0)
      return problem(`knowledge folder ${dir} is empty: it should hold ${LAYOUT}`);
    return { root };
  } catch {
    return problem(`knowledge folder ${dir} does not exist: give the folder that holds ${LAYOUT}`);
  }
}

/** `facts/*.yaml`, sorted so problems come out in a stable order. `root`: resolved. */
export async function listFactFiles(
  root: string,
): Promise<{ files: string[]; problems: Problem[] }> {
  let names: string[];
  const fail = (message: string) => ({
    files: [],
    problems: [{ file: "facts/", field: "", message }],
  });
  try {
    const facts = await realpath(join(root, "facts"));
    if (!isInside(root, facts)) {
      return fail("is a link that leads outside the knowledge folder: make facts/ a folder in it");
    }
    names = await readdir(facts);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") {
      return fail("is a file, not a folder: facts/ should hold the fact files (*.yaml)");
    }
    return fail("folder is missing: create facts/ and put the fact files (*.yaml) in it");
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
