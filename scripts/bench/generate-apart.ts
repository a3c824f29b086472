/**
 * `tsx scripts/bench/generate-apart.ts <facts>`: writes a generated base (generate.ts) and prints
 * its folder. The bench generates its bases in a process of their own: writing 100,000 facts
 * takes about 190 MB, which the measuring process would otherwise count in its memory figures.
 */
import { generateBase } from "./generate.js";

const generated = await generateBase(Number(process.argv[2]));
console.log(generated.dir);
