/**
 * Stop words for English and Dutch: the stopwords-iso lists, folded as the engine folds text, less
 * the words the engine reads as signals or content.
 *
 * stopwords-iso is a union of many published lists, several made for web pages, so beside the
 * function words it holds words a question about the sources can turn on: question words
 * ("how many", "wie"), negations ("not", "geen"), the kind of thing asked for ("amount",
 * "million", "date") and ordinary content words ("used", "stop", "information", "microsoft").
 * Those are kept out here, each set with its reason, and exported so the engine can read them.
 * Chat fillers and question wrappers ("tbh", "tell me") are in no standard list: they are curated
 * data in knowledge/, not here.
 */
import { createRequire } from "node:module";
import { words } from "../normalize.js";

export type StopLanguage = "en" | "nl";

/** Words that say what is asked: who, when, how many. The question's shape, not filler. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  ...["how", "much", "many", "who", "whom", "whose", "which", "when", "where", "why", "what"],
  // Contracted forms, folded without their apostrophe ("what's" → "whats").
  ...["hows", "howd", "howll", "whats", "whatd", "whatll", "whatve", "whos", "whod", "wholl"],
  ...["wheres", "whered", "wherell", "whens", "whend", "whenll", "whys", "whyd", "whyll"],
  ...[
    "hoe",
    "hoeveel",
    "wie",
    "wiens",
    "wier",
    "welk",
    "welke",
    "wanneer",
    "waarom",
    "waar",
    "wat",
  ],
]);

/** Words that turn a statement around: "did not read" asks the opposite of "did read". */
export const NEGATIONS: ReadonlySet<string> = new Set([
  ...["not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "noone", "nowhere"],
  "without",
  // "n't" forms, folded without their apostrophe ("didn't" → "didnt").
  ...["cannot", "cant", "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "aint"],
  ...["havent", "hasnt", "hadnt", "wont", "wouldnt", "couldnt", "shouldnt", "mustnt", "mightnt"],
  ...["neednt", "shant", "darent", "oughtnt", "maynt"],
  ...["niet", "geen", "nooit", "niets", "niks", "niemand", "nergens", "noch", "zonder"],
]);

/**
 * Words naming the kind of information asked for, an amount, a count, a date: the engine needs
 * them to tell that a question asks for something the facts may not hold.
 */
export const KIND_WORDS: ReadonlySet<string> = new Set([
  ...["amount", "number", "numbers", "hundred", "thousand", "million", "mill", "billion"],
  ...["trillion", "date", "year", "years", "honderd", "duizend"],
]);

/**
 * Ordinary words with a meaning a question can turn on (a thing, an action, a time, a company),
 * which stopwords-iso holds because some of its sources were made for web pages. "still" and
 * "new" change what is asked ("is it still…", "what is new"); the verbs are things the story's
 * parties did.
 */
export const CONTENT_WORDS: ReadonlySet<string> = new Set([
  ...["still", "new", "newer", "newest", "old", "older", "oldest", "latest", "recent"],
  ...["recently", "today", "ago", "microsoft", "netscape", "information", "text", "words"],
  ...["web", "website", "webpage", "homepage", "page", "pages", "site", "computer", "system"],
  ...["use", "used", "uses", "using", "useful", "allow", "allows", "obtain", "obtained"],
  ...["provided", "provides", "sent", "stop", "open", "opened", "opening", "opens", "join"],
  ...["buy", "bill", "free", "test", "research", "problem", "problems", "interest", "interests"],
  ...["value", "member", "members", "group", "groups", "keys", "affected", "affecting"],
  ...["affects", "effect", "ignored", "changes", "show", "showed", "showing", "shown", "shows"],
  ...["announce", "adopted", "world", "home", "work", "worked", "working", "works", "help"],
  ...["name", "fact", "facts"],
  // What partners were given and what permission was needed or asked: the story's own verbs.
  ...["need", "needed", "needs", "give", "given", "gives", "gave", "ask", "asked", "asking"],
  ...["asks", "side", "sides"],
  // Beginnings, ends and orders: what a question about a company's history or a deal turns on
  // ("when was it founded", "who ordered the campaign", "when did it end").
  ...["found", "began", "begin", "beginning", "ended", "ending", "order", "ordered"],
  ...["ordering", "orders", "tried", "results", "resulted", "known", "important", "serious"],
  ...["available", "state", "states", "early", "later", "described", "believe", "thought"],
  // Dutch: "afgelopen" (past, as in "afgelopen jaar").
  "afgelopen",
]);

const KEPT: readonly ReadonlySet<string>[] = [QUESTION_WORDS, NEGATIONS, KIND_WORDS, CONTENT_WORDS];

/** The stopwords-iso list for a language, as published (read at load: the package is JSON). */
export function publishedStopwords(language: StopLanguage): readonly string[] {
  const lists: unknown = createRequire(import.meta.url)("stopwords-iso");
  const list = (lists as Record<string, unknown> | null)?.[language];
  if (!Array.isArray(list) || !list.every((w) => typeof w === "string")) {
    throw new Error(
      `stopwords-iso: no list of words for "${language}" in the installed package; reinstall it (npm ci)`,
    );
  }
  return list;
}

/**
 * The published list folded like the engine folds words: "don't" → "dont", "co." → "co". An entry
 * that is not one word once folded ("i.e.", "et-al") can never match a token and is left out, as
 * are numbers ("10", "39"), which are amounts, not filler.
 */
function foldedList(language: StopLanguage): ReadonlySet<string> {
  const out = new Set<string>();
  for (const entry of publishedStopwords(language)) {
    const folded = words(entry);
    const [word] = folded;
    if (folded.length !== 1 || word === undefined || /\d/.test(word)) continue;
    if (KEPT.some((kept) => kept.has(word))) continue;
    out.add(word);
  }
  return out;
}

export const STOPWORDS: Readonly<Record<StopLanguage, ReadonlySet<string>>> = {
  en: foldedList("en"),
  nl: foldedList("nl"),
};

/** A stop word of the language, or of either language when none is given. Input is folded. */
export function isStopword(folded: string, language?: StopLanguage): boolean {
  if (language !== undefined) return STOPWORDS[language].has(folded);
  return STOPWORDS.en.has(folded) || STOPWORDS.nl.has(folded);
}
