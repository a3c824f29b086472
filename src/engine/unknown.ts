/**
 * Names the fact base does not cover. A question about Twitter must not be answered with
 * Facebook's partners' facts, so the engine looks for company names it does not know: well-known
 * companies outside the story, and capitalised words mid-sentence that no fact uses.
 */
import { typoDistance } from "./fuzzy.js";
import type { Token } from "./normalize.js";
import type { OrganizationIndex } from "./organizations.js";
import { isStopword } from "./stopwords.js";
import { correctWord, isKnownWord, type Vocabulary } from "./vocabulary.js";

/** Companies and products people may ask about that the three articles never mention. */
const OTHER_COMPANIES = `twitter google alphabet youtube gmail tiktok bytedance instagram whatsapp
snapchat linkedin reddit pinterest tumblr yahoo uber lyft airbnb tesla spacex samsung huawei xiaomi
nvidia intel ibm oracle adobe paypal ebay disney hulu hbo deezer soundcloud telegram discord skype
tinder bumble openai chatgpt yandex baidu alibaba tencent wechat kindle audible playstation xbox
myspace quora twitch nintendo dropbox shopify mastercard barclays hsbc santander rabobank kpn
vodafone verizon comcast bbc cnn reuters bloomberg zuckerberg sandberg musk bezos`
  .split(/\s+/)
  .filter(Boolean);

const OTHER_PHRASES = [
  "bank of america",
  "wells fargo",
  "washington post",
  "wall street journal",
  "abn amro",
];

export interface UnknownNamesInput {
  readonly tokens: readonly Token[];
  /** Token positions already taken by known organizations. */
  readonly taken: ReadonlySet<number>;
  readonly vocab: Vocabulary;
  readonly orgs: OrganizationIndex;
}

/** Names in the question that the fact base does not cover, as typed. */
export function findUnknownNames({ tokens, taken, vocab, orgs }: UnknownNamesInput): string[] {
  const found: string[] = [];
  const text = tokens.map((t) => t.text).join(" ");
  for (const phrase of OTHER_PHRASES) {
    if (` ${text} `.includes(` ${phrase} `)) found.push(phrase);
  }
  const shouting = tokens.filter((t) => /\p{Ll}/u.test(t.raw)).length < tokens.length / 2;
  tokens.forEach((token, i) => {
    if (taken.has(i) || isStopword(token.text) || orgs.nameWords.has(token.text)) return;
    const other = otherCompany(token.text);
    if (other) {
      // As typed when spelt right ("TikTok"), else the name it stands for ("twiter" → Twitter).
      found.push(other === token.text ? token.raw : other[0]?.toUpperCase() + other.slice(1));
      return;
    }
    const capitalised = /^\p{Lu}/u.test(token.raw) && !token.sentenceStart && !shouting;
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

function otherCompany(word: string): string | undefined {
  if (word.length < 3) return undefined;
  return OTHER_COMPANIES.find((name) =>
    name.length >= 6 ? typoDistance(word, name) !== undefined : word === name,
  );
}
