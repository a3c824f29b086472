/**
 * Finds the organizations a question names, through names and aliases, tolerating typos
 * ("spotfy", "royl bank canda") without turning ordinary words into companies.
 */
import type { KnowledgeBase, Organization } from "../knowledge/schema.js";
import { isStopword as isListedStopword } from "./analysis/stopwords.js";
import {
  editDistance,
  type LetterCounts,
  letterCounts,
  letterMask,
  maxEdits,
  mayBeWithin,
  mayBeWithinMask,
  typoDistance,
} from "./fuzzy.js";
import { append } from "./multimap.js";
import { type Token, words } from "./normalize.js";
import { isStopword } from "./stopwords.js";
import type { Vocabulary } from "./vocabulary.js";

interface Variant {
  readonly orgId: string;
  readonly tokens: readonly string[];
  /** The tokens joined without spaces, compared against typed n-grams. */
  readonly joined: string;
  readonly letters: LetterCounts;
  /** When set, the alias only counts typed exactly like this ("NU", not the Dutch word "nu"). */
  readonly exactCase?: string;
  /**
   * Typed all in lower case, the alias counts in lower case too: a stop word of English alone
   * ("ms", "ca": abbreviations chat does not use), unlike the Dutch "nu" (now), an everyday word.
   */
  readonly lowerInChat?: boolean;
  /** An alias rather than the name: products like "Alexa" or "Bing" also say what is asked. */
  readonly alias: boolean;
  /** A description ("the music streamer"): it may stand for several organizations at once. */
  readonly description: boolean;
}

export interface OrganizationIndex {
  readonly byId: ReadonlyMap<string, Organization>;
  /** Exact phrases (space-joined folded tokens) to variants. */
  readonly phrases: ReadonlyMap<string, readonly Variant[]>;
  /** Variants long enough to match with typos. */
  readonly fuzzy: readonly Variant[];
  /** The same by first letter and length ("s7"): a typo never changes the first letter. */
  readonly fuzzyByShape: ReadonlyMap<string, Shape>;
  /** The same by organization. */
  readonly fuzzyByOrg: ReadonlyMap<string, readonly Variant[]>;
  /** Every token of every variant: such tokens are never "unknown words". */
  readonly nameWords: ReadonlySet<string>;
}

/**
 * Variants of one first letter and length, with the letters each holds (fuzzy.ts) in a typed
 * array beside them: a spelling is compared with every variant near its length, and most are
 * ruled out by that number alone, without reading the variant.
 */
interface Shape {
  readonly variants: readonly Variant[];
  readonly masks: Int32Array;
}

export interface OrganizationMatch {
  readonly id: string;
  /** Index of the first token of the match. */
  readonly start: number;
  readonly end: number;
  /** Edits between what was typed and the name; 0 for an exact match. */
  readonly distance: number;
  /** What was typed. */
  readonly typed: string;
  /** Matched through an alias ("Alexa", "RBC"), not the name. */
  readonly alias: boolean;
  /** Matched through a description ("the canadian bank"), which may fit several organizations. */
  readonly description: boolean;
}

const ARTICLES = new Set(["the", "de", "het"]);
const MAX_PHRASE = 4;

/** Organizations indexed between two chances to yield (for `prepareAsync`). */
const CHUNK = 50;

/** The index of every name and alias, built a chunk of organizations at a time. */
export function* organizationIndexSteps(kb: KnowledgeBase): Generator<void, OrganizationIndex> {
  const phrases = new Map<string, Variant[]>();
  const fuzzy: Variant[] = [];
  const nameWords = new Set<string>();
  for (const [i, org] of kb.organizations.entries()) {
    if (i % CHUNK === CHUNK - 1) yield;
    const texts = [org.name, ...org.aliases, ...org.descriptions];
    for (const [t, text] of texts.entries()) {
      const alias = t > 0 && t <= org.aliases.length;
      const description = t > org.aliases.length;
      for (const tokens of variantsOf(words(text), description)) {
        const single = tokens.length === 1 && isStopword(tokens[0] ?? "");
        const joined = tokens.join("");
        const variant: Variant = {
          orgId: org.id,
          tokens,
          joined,
          letters: letterCounts(joined),
          alias,
          description,
          ...(single
            ? { exactCase: text, lowerInChat: !isListedStopword(tokens[0] ?? "", "nl") }
            : {}),
        };
        const key = tokens.join(" ");
        // "The PR company" made "the PR firm" must not hide the alias "PR firm" as a description.
        const first = tokens[0] ?? "";
        const pointed = ARTICLES.has(first) || DETERMINERS.includes(first);
        const bare = pointed ? tokens.slice(1).join(" ") : key;
        const named = (k: string) =>
          phrases.get(k)?.some((v) => v.orgId === org.id && !v.description);
        if (description && (named(key) || named(bare))) continue;
        append(phrases, key, variant);
        // A description's words are ordinary words ("bank", "music"): only a name's are names, and
        // only a description long enough to be unmistakable is matched with typos.
        if (!single && variant.joined.length >= (description ? 10 : 5)) fuzzy.push(variant);
        if (!description) for (const t of tokens) nameWords.add(t);
      }
    }
  }
  const byShape = new Map<string, Variant[]>();
  const fuzzyByOrg = new Map<string, Variant[]>();
  for (const [i, v] of fuzzy.entries()) {
    append(byShape, shape(v.joined[0] ?? "", v.joined.length), v);
    append(fuzzyByOrg, v.orgId, v);
    if (i % CHUNK === CHUNK - 1) yield;
  }
  const fuzzyByShape = new Map<string, Shape>();
  for (const [key, variants] of byShape) {
    const masks = Int32Array.from(variants, (v) => letterMask(v.joined));
    fuzzyByShape.set(key, { variants, masks });
    if (fuzzyByShape.size % CHUNK === 0) yield;
  }
  const byId = new Map(kb.organizations.map((o) => [o.id, o]));
  return { byId, phrases, fuzzy, fuzzyByShape, fuzzyByOrg, nameWords };
}

/**
 * Words that point at a thing as "the" does: "die bank", "that bank", "which bank" name the bank
 * a description "the bank" / "de bank" names.
 */
const DETERMINERS = ["that", "this", "which", "die", "deze", "dat", "dit", "welke"];

/**
 * Nouns for a company in general that a description may end in, each standing for the others:
 * "the data firm" is also "the data company" and "the data outfit".
 */
const COMPANY_NOUNS: readonly (readonly string[])[] = [
  ["company", "firm", "outfit"],
  ["companies", "firms", "outfits"],
];

/** A description with its last noun swapped for the others of `COMPANY_NOUNS`. */
function withCompanyNouns(tokens: string[]): string[][] {
  const last = tokens[tokens.length - 1] ?? "";
  const nouns = COMPANY_NOUNS.find((list) => list.includes(last));
  if (!nouns || tokens.length < 2) return [tokens];
  return nouns.map((noun) => [...tokens.slice(0, -1), noun]);
}

/** A name as typed, without a leading article, and without inner stop words ("royal bank canada"). */
function variantsOf(tokens: string[], description = false): string[][] {
  if (tokens.length === 0) return [];
  if (description) return withCompanyNouns(tokens).flatMap((t) => namedVariants(t, true));
  return namedVariants(tokens, false);
}

function namedVariants(tokens: string[], description: boolean): string[][] {
  const out = [tokens];
  if (description && tokens.length >= 2 && ARTICLES.has(tokens[0] ?? "")) {
    for (const d of DETERMINERS) out.push([d, ...tokens.slice(1)]);
  }
  const bare = ARTICLES.has(tokens[0] ?? "") && tokens.length >= 3 ? tokens.slice(1) : tokens;
  if (bare !== tokens) out.push(bare);
  const content = bare.filter((t) => !isStopword(t));
  if (content.length >= 2 && content.length < bare.length) out.push(content);
  return out;
}

/** Organizations named in the question, in the order they appear. */
export function findOrganizations(
  tokens: readonly Token[],
  index: OrganizationIndex,
  vocab: Vocabulary,
): OrganizationMatch[] {
  const matches: OrganizationMatch[] = [];
  const used = new Array<boolean>(tokens.length).fill(false);
  // Case tells a name from a word ("MS", "CA") only where the writer uses capitals at all: typed
  // all in lower case ("wat deed ms met die data"), "ms" is as much the name as "MS" is (not "nu").
  const caseless = tokens.every((t) => t.raw === t.raw.toLowerCase());
  for (let i = 0; i < tokens.length; i++) {
    for (let n = Math.min(MAX_PHRASE, tokens.length - i); n >= 1; n--) {
      const slice = tokens.slice(i, i + n);
      const found = index.phrases.get(slice.map((t) => t.text).join(" "));
      const variant = found?.find(
        (v) =>
          !v.exactCase ||
          (caseless && v.lowerInChat === true) ||
          v.exactCase === slice.map((t) => t.raw).join(""),
      );
      if (variant?.description) {
        // "the tech companies" stands for every organization it describes, never silently one.
        for (const v of found ?? []) if (v.description) matches.push(match(v, slice, i, 0));
        used.fill(true, i, i + n);
        i += n - 1;
        break;
      }
      if (variant) {
        // "cambridge analitica": the exact alias "Cambridge" grows into the misspelt full name.
        const longer = longerVariant(variant, tokens, i, index);
        const end = i + (longer?.tokens.length ?? n);
        matches.push(match(longer ?? variant, tokens.slice(i, end), i, 0));
        used.fill(true, i, end);
        i = end - 1;
        break;
      }
    }
  }
  const closest = new Map<string, ReturnType<typeof closestVariant>>();
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    for (let n = Math.min(3, tokens.length - i); n >= 1; n--) {
      const slice = tokens.slice(i, i + n);
      if (used.slice(i, i + n).some(Boolean) || !fuzzyCandidate(slice, vocab, index)) continue;
      const typed = slice.map((t) => t.text).join("");
      // A long question may repeat its words: each spelling is compared with the names once.
      let found = closest.get(typed);
      if (!closest.has(typed)) {
        // Each spelling is compared with every name near its length: a question of hundreds of
        // near-names (every alias at once) is bounded here, and the words past it stay words.
        if (closest.size >= MAX_NAME_SPELLINGS) continue;
        found =
          (n === 1 ? shortName(typed, index) : undefined) ??
          closestVariant(typed, nearInLength(index, typed), slice);
        closest.set(typed, found);
      }
      if (found) {
        matches.push(match(found.variant, slice, i, found.distance));
        used.fill(true, i, i + n);
        i += n - 1;
        break;
      }
    }
  }
  return dedupe(matches.sort((a, b) => a.start - b.start));
}

/** A longer name of the same organization that the typed words after an exact match spell. */
function longerVariant(
  found: Variant,
  tokens: readonly Token[],
  start: number,
  index: OrganizationIndex,
): Variant | undefined {
  return (index.fuzzyByOrg.get(found.orgId) ?? []).find((v) => {
    const n = found.tokens.length;
    if (
      v.orgId !== found.orgId ||
      v.tokens.length <= n ||
      start + v.tokens.length > tokens.length
    ) {
      return false;
    }
    if (!found.tokens.every((t, j) => v.tokens[j] === t)) return false;
    const slice = tokens.slice(start, start + v.tokens.length);
    const typed = slice.map((t) => t.text);
    return (
      typed.every((t) => !isStopword(t)) &&
      typoDistance(typed.join(""), v.joined) !== undefined &&
      wordByWord(slice, v)
    );
  });
}

/** An n-gram worth comparing with names: no stop word at its edges, no known ordinary word alone. */
function fuzzyCandidate(slice: readonly Token[], vocab: Vocabulary, index: OrganizationIndex) {
  const first = slice[0]?.text ?? "";
  const last = slice[slice.length - 1]?.text ?? "";
  // A stop word may start a name of several words ("PR firm": "pr" is on the English list).
  const stop = (w: string) =>
    isStopword(w) && (slice.length === 1 || ARTICLES.has(w) || !index.nameWords.has(w));
  if (stop(first) || stop(last) || /\d/.test(first)) return false;
  if (slice.length === 1) {
    if (first.length < 4) return false;
    // A word the fact base uses for something else ("messages", "bank") is not a typo of a name.
    if (vocab.words.has(first) && !index.nameWords.has(first)) return false;
  }
  return true;
}

const shape = (initial: string, length: number) => `${initial}${length}`;

/** Variants a typo away could reach: same first letter, a length within the edits allowed. */
function nearInLength(index: OrganizationIndex, typed: string): Shape[] {
  const edits = maxEdits(typed.length + 3);
  const out: Shape[] = [];
  for (let n = typed.length - edits; n <= typed.length + edits; n++) {
    const found = index.fuzzyByShape.get(shape(typed[0] ?? "", n));
    if (found) out.push(found);
  }
  return out;
}

/**
 * A short name typed with one of the safe typos: names under five letters are too short for edit
 * distances, but a key pressed twice ("sonny", "metta"), two neighbouring letters swapped
 * ("cbnc") or a final y typed as i ("soni") keeps every letter where a reader still sees the name.
 */
function shortName(typed: string, index: OrganizationIndex) {
  if (typed.length > 5 || typed.length < 4) return undefined;
  const named = (name: string) =>
    index.phrases.get(name)?.find((v) => !v.exactCase && v.tokens.length === 1);
  const spellings: string[] = [];
  for (let i = 0; i + 1 < typed.length; i++) {
    if (typed[i] === typed[i + 1]) spellings.push(typed.slice(0, i) + typed.slice(i + 1));
    else spellings.push(typed.slice(0, i) + typed[i + 1] + typed[i] + typed.slice(i + 2));
  }
  if (typed.endsWith("i")) spellings.push(`${typed.slice(0, -1)}y`);
  for (const name of spellings) {
    const variant = named(name);
    if (variant) return { variant, distance: 1 };
  }
  return undefined;
}

/**
 * Distinct spellings of one question compared with the names (see tuning.ts): the question sets
 * need at most 19.
 */
export const MAX_NAME_SPELLINGS = 24;

function closestVariant(typed: string, shapes: readonly Shape[], slice?: readonly Token[]) {
  let best: { variant: Variant; distance: number } | undefined;
  const letters = letterCounts(typed);
  const mask = letterMask(typed);
  // Cheapest first; each test rules out only names no edit distance within reach would accept.
  for (const { variants, masks } of shapes) {
    const length = variants[0]?.joined.length ?? 0;
    const edits = maxEdits(Math.max(typed.length, length));
    if (Math.abs(typed.length - length) > edits) continue;
    for (let k = 0; k < variants.length; k++) {
      if (!mayBeWithinMask(mask, masks[k] ?? 0, edits)) continue;
      const variant = variants[k] as Variant;
      if (!mayBeWithin(letters, variant.letters, edits)) continue;
      const distance = typoDistance(typed, variant.joined);
      if (distance === undefined) continue;
      // "window" is a word of its own, not "Windows" mistyped: a plural name less its s.
      if (`${typed}s` === variant.joined) continue;
      // A description's words are ordinary words: a stop word typed among them that it lacks is
      // another phrase ("company, i zoned" is no typo of "company (that makes the) iphone").
      const strayStopword = (t: Token) => isStopword(t.text) && !variant.tokens.includes(t.text);
      if (variant.description && slice?.some(strayStopword)) continue;
      // Word by word only for a name already within reach as a whole (it is the dearer test).
      if (slice && !wordByWord(slice, variant)) continue;
      // Five-letter names ("apple", "alexa") accept a dropped or swapped letter, not a changed one:
      // "aple" and "appel" are Apple, "apply" is not.
      if (variant.joined.length <= 5 && typed.length === variant.joined.length) {
        if ([...typed].sort().join("") !== [...variant.joined].sort().join("")) continue;
      }
      if (!best || distance < best.distance) best = { variant, distance };
    }
  }
  return best;
}

/**
 * Typed as many words as the name has, each word must be the name's word or a typo of it:
 * "spotify pay" is Spotify and a word, not "Spotify AB" mistyped (the whole-string distance would
 * spend all its edits on the short word). Typed run together or split differently, the whole
 * string decides.
 */
function wordByWord(slice: readonly Token[], variant: Variant): boolean {
  if (slice.length < 2 || slice.length !== variant.tokens.length) return true;
  return slice.every((t, j) => {
    const word = variant.tokens[j] ?? "";
    if (t.text === word || typoDistance(t.text, word) !== undefined) return true;
    // A short word may lose or swap one letter ("royal bak of canada"), not become another word.
    return word.length >= 3 && t.text.length >= 3 && editDistance(t.text, word, 1) <= 1;
  });
}

function match(
  variant: Variant,
  slice: readonly Token[],
  start: number,
  distance: number,
): OrganizationMatch {
  const typed = slice.map((t) => t.raw).join(" ");
  return {
    id: variant.orgId,
    start,
    end: start + slice.length,
    distance,
    typed,
    alias: variant.alias,
    description: variant.description,
  };
}

function dedupe(matches: OrganizationMatch[]): OrganizationMatch[] {
  const seen = new Set<string>();
  return matches.filter((m) => !seen.has(m.id) && seen.add(m.id));
}
