/**
 * Suggestions for a question the engine cannot answer, and organization look-up for
 * autocomplete: what the base covers, example questions, and "did you mean".
 */
import type { KnowledgeBase, Organization } from "../knowledge/schema.js";
import {
  letterCounts,
  letterMask,
  maxEdits,
  mayBeWithin,
  mayBeWithinMask,
  typoDistance,
} from "./fuzzy.js";
import { fold, words } from "./normalize.js";
import { type OrganizationName, type Prepared, prepare } from "./prepare.js";
import type { Understanding } from "./understand.js";

/** An organization guessed from a word typed one typo further than the engine accepts. */
export interface Guess {
  readonly org: Organization;
  /** The word as folded in the question ("sonu"). */
  readonly word: string;
}

/** Worked out once per question: declining and suggesting both ask. */
const guesses = new WeakMap<Understanding, Guess | undefined>();

/** An organization one typo further than the engine accepts ("sonu" → Sony). */
export function didYouMean(u: Understanding, p: Prepared): Organization | undefined {
  return guessOf(u, p)?.org;
}

/** The same, with the word it was guessed from. */
export function guessOf(u: Understanding, p: Prepared): Guess | undefined {
  if (guesses.has(u)) return guesses.get(u);
  const guess = guessName(u, p);
  guesses.set(u, guess);
  return guess;
}

function guessName(u: Understanding, p: Prepared): Guess | undefined {
  // A word typed again finds what it found the first time: nothing, or it would have returned.
  const typed = new Set([...u.unknownWords, ...u.unknownNames.map(fold)]);
  for (const word of typed) {
    const letters = letterCounts(word);
    const mask = letterMask(word);
    // typoDistance never accepts a different first letter: only those names are compared, in
    // the base's order, most ruled out by their length and letters alone (prepare.ts).
    const group = p.namesByInitial.get(word[0] ?? "");
    if (!group) continue;
    const { names, lengths, masks } = group;
    for (let k = 0; k < names.length; k++) {
      const length = lengths[k] ?? 0;
      if (length < 4) continue;
      const allowed = maxEdits(Math.max(word.length, length)) + 1;
      if (Math.abs(word.length - length) > allowed) continue;
      if (!mayBeWithinMask(mask, masks[k] ?? 0, allowed)) continue;
      const name = names[k] as OrganizationName;
      if (!mayBeWithin(letters, name.letters, allowed)) continue;
      if (typoDistance(word, name.joined, 1) !== undefined) return { org: name.org, word };
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

/** Organizations matching a partial, possibly misspelt name, best first (for autocomplete). */
export function matchOrganizations(text: string, kb: KnowledgeBase, limit: number): Organization[] {
  const max = Math.max(0, Math.floor(Number.isFinite(limit) ? limit : 25));
  const query = words(typeof text === "string" ? text.slice(0, 100) : "").join(" ");
  if (!query) return kb.organizations.slice(0, max);
  const best = new Map<Organization, { score: number; order: number }>();
  const typedInitials = query.split(" ").map((w) => w[0] ?? "");
  for (const { org, order, folded, joined, initials } of prepare(kb).names) {
    // Every way of matching needs the typed words' first letters among the name's (typos keep
    // them), the name's own first letter, or the text inside the name: most of a large base's
    // names are ruled out here, before any edit distance.
    const possible =
      typedInitials.every((c) => initials.includes(c)) ||
      joined[0] === query[0] ||
      folded.includes(query);
    if (!possible) continue;
    const score = nameScore(query, folded, joined);
    if (score < (best.get(org)?.score ?? Number.POSITIVE_INFINITY)) best.set(org, { score, order });
  }
  return [...best]
    .sort(([, a], [, b]) => a.score - b.score || a.order - b.order)
    .slice(0, max)
    .map(([org]) => org);
}

/** How well a typed (partial) name matches a folded name: 0 best, Infinity not at all. */
function nameScore(query: string, folded: string, joined: string): number {
  if (folded.startsWith(query)) return 0;
  if (folded.split(" ").some((w) => w.startsWith(query))) return 1;
  if (folded.includes(query)) return 2;
  const bare = query.replace(/ /g, "");
  const d = typoDistance(bare, joined.slice(0, bare.length), 1);
  if (d !== undefined && query.length >= 3) return 3 + d;
  return wordsStartLike(query, folded) ? 5 : Number.POSITIVE_INFINITY;
}
