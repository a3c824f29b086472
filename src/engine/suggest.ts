/**
 * Suggestions for a question the engine cannot answer, and organization look-up for
 * autocomplete: what the base covers, example questions, and "did you mean".
 */
import type { KnowledgeBase, Organization } from "../knowledge/schema.js";
import { typoDistance } from "./fuzzy.js";
import { fold, words } from "./normalize.js";
import type { Prepared } from "./prepare.js";
import type { Understanding } from "./understand.js";

/** Organizations people ask about: the platform and its partners, in file order. */
function mainOrganizations(kb: KnowledgeBase): Organization[] {
  return kb.organizations.filter((o) => o.role === "platform" || o.role === "partner");
}

export function suggestions(u: Understanding, p: Prepared): string[] {
  const out: string[] = [];
  const guess = didYouMean(u, p);
  if (guess) out.push(`Did you mean ${guess.name}?`);
  const main = mainOrganizations(p.kb);
  if (main.length > 0) out.push(`Ask about: ${main.map((o) => o.name).join(", ")}.`);
  out.push(...exampleQuestions(p.kb));
  return out;
}

/** An organization one typo further than the engine accepts ("sonny" → Sony). */
export function didYouMean(u: Understanding, p: Prepared): Organization | undefined {
  const typed = [...u.unknownWords, ...u.unknownNames.map(fold)];
  for (const word of typed) {
    for (const org of p.kb.organizations) {
      for (const name of [org.name, ...org.aliases]) {
        const joined = words(name).join("");
        if (joined.length >= 4 && typoDistance(word, joined, 1) !== undefined) return org;
      }
    }
  }
  return undefined;
}

/**
 * Every typed word begins a word of the name, one typo allowed per word of three or more
 * letters: "royl bnk" → Royal Bank of Canada (autocomplete sees half-typed, misspelt words).
 */
function wordsStartLike(query: string, name: string): boolean {
  const nameWords = name.split(" ");
  return query.split(" ").every((typed) =>
    nameWords.some((word) => {
      if (word.startsWith(typed)) return true;
      if (typed.length < 3) return false;
      return [typed.length - 1, typed.length, typed.length + 1].some(
        (n) => n <= word.length && typoDistance(typed, word.slice(0, n), 1) !== undefined,
      );
    }),
  );
}

/** Example questions built from the base itself, so they hold for any fact base. */
export function exampleQuestions(kb: KnowledgeBase): string[] {
  const platform = kb.organizations.find((o) => o.role === "platform");
  const partners = kb.organizations.filter((o) => o.role === "partner");
  const examples: string[] = [];
  if (partners[0]) examples.push(`What was reported about ${partners[0].name}?`);
  if (platform) examples.push(`How did ${platform.name} respond?`);
  if (partners[1]) examples.push(`Wat zei ${partners[1].name}?`);
  return examples.map((q) => `Try: "${q}"`);
}

/** Organizations matching a partial, possibly misspelt name, best first (for autocomplete). */
export function matchOrganizations(text: string, kb: KnowledgeBase, limit: number): Organization[] {
  const max = Math.max(0, Math.floor(Number.isFinite(limit) ? limit : 25));
  const query = words(typeof text === "string" ? text.slice(0, 100) : "").join(" ");
  if (!query) return kb.organizations.slice(0, max);
  const scored: Array<{ org: Organization; score: number; order: number }> = [];
  kb.organizations.forEach((org, order) => {
    let score = Number.POSITIVE_INFINITY;
    for (const name of [org.name, ...org.aliases]) {
      const folded = words(name).join(" ");
      if (folded.startsWith(query)) score = Math.min(score, 0);
      else if (folded.split(" ").some((w) => w.startsWith(query))) score = Math.min(score, 1);
      else if (folded.includes(query)) score = Math.min(score, 2);
      else {
        const prefix = folded.replace(/ /g, "").slice(0, query.replace(/ /g, "").length);
        const d = typoDistance(query.replace(/ /g, ""), prefix, 1);
        if (d !== undefined && query.length >= 3) score = Math.min(score, 3 + d);
        else if (wordsStartLike(query, folded)) score = Math.min(score, 5);
      }
    }
    if (Number.isFinite(score)) scored.push({ org, score, order });
  });
  return scored
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, max)
    .map((s) => s.org);
}
