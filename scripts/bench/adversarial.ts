/**
 * Questions made to be expensive (the hardening issue, item 2), generated from the base itself so
 * they hit whatever is commonest in it at any size:
 * - its most frequent keyword and summary words, 10 to 120 words a question (long posting lists);
 * - every organization's name, aliases and descriptions at once (every organization a candidate);
 * - near-typos of its most frequent words (every word a fuzzy search);
 * - the two mixed.
 * Deterministic: the same base gives the same questions.
 */

import { prepare } from "../../src/engine/prepare.js";
import type { KnowledgeBase } from "../../src/knowledge/schema.js";
import { seededRandom } from "./generate.js";

export const ADVERSARIAL_KINDS = ["frequent", "names", "typos", "mixed"] as const;
export type AdversarialKind = (typeof ADVERSARIAL_KINDS)[number];

export interface AdversarialQuestion {
  readonly kind: AdversarialKind;
  readonly question: string;
}

/** Questions of each kind: 4 × 15 = 60, above the 50. */
const PER_KIND = 15;
/** The frequent words drawn from. */
const TOP_WORDS = 150;
const SEED = 12;

export function adversarialQuestions(kb: KnowledgeBase, perKind = PER_KIND): AdversarialQuestion[] {
  const p = prepare(kb);
  const random = seededRandom(SEED);
  const frequent = [...p.byWord]
    .filter(([w]) => w.length >= 3)
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP_WORDS)
    .map(([w]) => w);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  /** 10 to 120 words, spread evenly over the questions of a kind. */
  const length = (i: number) => 10 + Math.round((110 * i) / Math.max(1, perKind - 1));
  const names = kb.organizations.flatMap((o) => [o.name, ...o.aliases, ...o.descriptions]);

  const out: AdversarialQuestion[] = [];
  for (let i = 0; i < perKind; i++) {
    const n = length(i);
    out.push({ kind: "frequent", question: draw(n, () => pick(frequent)) });
    // Every name at once, in a different order each time, cut to the length as words.
    const shuffled = shuffle(names, random).join(" ").split(" ");
    out.push({ kind: "names", question: shuffled.slice(0, Math.max(n, 40)).join(" ") });
    out.push({ kind: "typos", question: draw(n, () => typo(pick(frequent), random)) });
    out.push({
      kind: "mixed",
      question: draw(n, () => {
        const r = random();
        return r < 0.4 ? pick(frequent) : r < 0.7 ? typo(pick(frequent), random) : pick(names);
      }),
    });
  }
  return out;
}

function draw(n: number, next: () => string): string {
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(next());
  return words.join(" ");
}

/** One edit: a letter dropped, doubled, swapped with the next, or replaced. */
function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * Math.max(1, word.length - 2));
  const kind = Math.floor(random() * 4);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word[at] + word.slice(at);
  if (kind === 2 && at + 1 < word.length) {
    return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
  const letter = "etaoinsrhl"[Math.floor(random() * 10)] ?? "e";
  return word.slice(0, at) + letter + word.slice(at + 1);
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
