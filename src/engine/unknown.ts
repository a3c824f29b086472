/**
 * Names the fact base does not cover. A question about Twitter must not be answered with
 * Facebook's partners' facts, so the engine looks for company names it does not know: the
 * lexicon's names outside the story, and capitalised words mid-sentence that no fact uses.
 */
import { typoDistance } from "./fuzzy.js";
import type { Token } from "./normalize.js";
import type { OrganizationIndex } from "./organizations.js";
import { isStopword } from "./stopwords.js";
import { correctWord, isKnownWord, type Vocabulary } from "./vocabulary.js";

export interface UnknownNamesInput {
  readonly tokens: readonly Token[];
  /** Token positions already taken by known organizations. */
  readonly taken: ReadonlySet<number>;
  readonly vocab: Vocabulary;
  readonly orgs: OrganizationIndex;
  /** One-word names outside the story, from the lexicon. */
  readonly outside: ReadonlySet<string>;
}

/** Names in the question that the fact base does not cover, as typed. */
export function findUnknownNames({
  tokens,
  taken,
  vocab,
  orgs,
  outside,
}: UnknownNamesInput): string[] {
  const found: string[] = [];
  const shouting = tokens.filter((t) => /\p{Ll}/u.test(t.raw)).length < tokens.length / 2;
  tokens.forEach((token, i) => {
    if (taken.has(i) || isStopword(token.text) || orgs.nameWords.has(token.text)) return;
    const other = otherCompany(token.text, outside);
    if (other) {
      // As typed when spelt right ("TikTok"), else the name it stands for ("twiter" → Twitter).
      found.push(other === token.text ? token.raw : other[0]?.toUpperCase() + other.slice(1));
      return;
    }
    // A long word in capitals is shouting ("OVERRIDE"), not a name: acronyms are short.
    const shouted = token.raw.length >= 5 && token.raw === token.raw.toUpperCase();
    const capitalised = /^\p{Lu}/u.test(token.raw) && !token.sentenceStart && !shouting && !shouted;
    if (
      capitalised &&
      /^\p{L}{3,}$/u.test(token.raw) &&
      !isKnownWord(vocab, token.text) &&
      !correctWord(vocab, token.text)
    ) {
      found.push(token.raw);
    }
  });
  return [...new Set(found)];
}

/** A one-word name outside the story, typed as it is or, for a long one, with a typo. */
function otherCompany(word: string, outside: ReadonlySet<string>): string | undefined {
  if (word.length < 3) return undefined;
  if (outside.has(word)) return word;
  if (word.length < 6) return undefined;
  for (const name of outside) {
    if (name.length >= 6 && name[0] === word[0] && typoDistance(word, name) !== undefined)
      return name;
  }
  return undefined;
}
