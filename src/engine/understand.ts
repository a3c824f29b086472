/**
 * Question understanding: from raw text to the organizations, topics and content words the rest
 * of the engine works with. Pure and bounded: any string in, a plain object out.
 */
import type { InfoKind } from "../knowledge/schema.js";
import {
  type ClassAsked,
  classAsked,
  followedUp,
  kindBesideOtherClauses,
  kindsAfterRetraction,
  kindsAskedWith,
  kindsNotAfter,
  kindsOfQuestionClauses,
  nameAskedOf,
  personAsked,
  setAsideOrganizations,
  statementAsked,
  statementOfUnknown,
} from "./asked.js";
import { countedNoun } from "./counted.js";
import { slipOf, typoDistance } from "./fuzzy.js";
import { readThroughLexicon } from "./lexicon.js";
import { cleanQuestion, stripDiscord, type Token, tokenize } from "./normalize.js";
import { findOrganizations, type OrganizationMatch } from "./organizations.js";
import type { Prepared } from "./prepare.js";
import { stemIn } from "./stem.js";
import { isStopword, WHICH_WORDS, WHO_WORDS } from "./stopwords.js";
import { findTopics, type TopicMatch } from "./topics.js";
import { TUNING } from "./tuning.js";
import { findUnknownNames } from "./unknown.js";
import { correctWord, isKnownWord } from "./vocabulary.js";

export interface Correction {
  readonly typed: string;
  readonly corrected: string;
}

export interface Understanding {
  /** The question for display: printable, at most 500 characters. */
  readonly question: string;
  readonly tokens: readonly Token[];
  /** Organizations named, in order of appearance. */
  readonly organizations: readonly OrganizationMatch[];
  /** Company or other names the fact base does not cover ("Twitter"). */
  readonly unknownNames: readonly string[];
  /** Words that carry the question's subject, typo-corrected: no stop words, no names. */
  readonly contentWords: readonly string[];
  /** Words of aliases typed ("alexa", "bing"): they name a company and also a subject. */
  readonly aliasWords: readonly string[];
  /** Content words the fact base does not know and could not correct. */
  readonly unknownWords: readonly string[];
  readonly corrections: readonly Correction[];
  /** Stems of every word of the question (corrected), for phrase matching. */
  readonly stems: readonly string[];
  /** The same stemmed in Dutch: a word's language is not known, so both are tried. */
  readonly stemsNl: readonly string[];
  readonly topics: readonly TopicMatch[];
  /** "which companies…", "who…", "compare…": the answer should cover several companies. */
  readonly asksWhich: boolean;
  /** A who-word that asks ("who got data?"), not one that relates ("people who use it"). */
  readonly asksWho: boolean;
  /** "how do I…", "should I…", "hoe kan ik…" (the lexicon's `advice`): news reports hold none. */
  readonly asksAdvice: boolean;
  /** Kinds of information asked for through the lexicon: "how much" (amount), "when" (date). */
  readonly asks: readonly InfoKind[];
  /** Organizations named only to be set aside ("besides Netflix, who else…"): not subjects. */
  readonly setAside: readonly string[];
  /** Organizations the message ends by asking about ("…, and Spotify?"): they lead. */
  readonly followUp: readonly string[];
  /** Organizations the sources do not name, asked which they are ("which PR firm was it?"). */
  readonly asksNameOf: readonly string[];
  /** A kind of organization asked to have named ("which bank"), as typed: see asked.ts. */
  readonly asksClass: ClassAsked | undefined;
  /** Organizations whose own words are asked for ("what did Sony say"): see asked.ts. */
  readonly asksStatementOf: readonly string[];
  /** Names the sources do not cover whose own words are asked for ("what did Google say"). */
  readonly asksStatementOfUnknown: readonly string[];
  /** An opinion asked in a clause of its own, beside others ("tell me a joke. did Sony…"). */
  readonly opinionBeside: boolean;
  /** What a count asked is of ("how many users" → "users"), as typed: see counted.ts. */
  readonly counted: string | undefined;
  /** Concepts the question names through a phrase of two words or more ("opt in"). */
  readonly conceptPhrases: number;
}

/**
 * "For people who still use FB Login", "the companies which got data": a who-word right after a
 * noun for people or organizations (the lexicon's counted nouns) or a pronoun relates a clause
 * to it; it asks no one.
 */
function relates(tokens: readonly Token[], i: number, p: Prepared): boolean {
  // "Apart from the chat partners, who else…" asks.
  if (tokens[i + 1]?.text === "else") return false;
  const before = tokens[i - 1]?.text ?? "";
  return ANTECEDENTS.has(before) || p.lexicon.countedKinds.some((kind) => kind.has(before));
}

const ANTECEDENTS: ReadonlySet<string> = new Set([
  "those",
  "someone",
  "somebody",
  "anyone",
  "anybody",
  "everyone",
  "everybody",
  "one",
  "ones",
]);

/** "js" is "just": chat's short form of a word, read as the word (the lexicon's `shorthand`). */
function inFull(token: Token, p: Prepared): Token {
  const word = p.lexicon.shorthand.get(token.text);
  return word === undefined ? token : { ...token, text: word };
}

/** "whcih" is "which": a question word typed with a typo still asks what it asks. */
function questionWordTypo(token: Token, p: Prepared): Token {
  const w = token.text;
  if (w.length < 4 || isStopword(w) || isKnownWord(p.vocabulary, w)) return token;
  for (const q of TYPED_QUESTION_WORDS) {
    if (typoDistance(w, q) !== undefined) return { ...token, text: q };
  }
  // A kind's own word as typed ("version") is no slip of another ("versions").
  if (p.lexicon.typoCues.has(w)) return token;
  for (const q of p.lexicon.typoCues) if (slipOf(w, q)) return { ...token, text: q };
  return token;
}

/**
 * The question words long enough to recognise misspelt; a rare one ("wiens") is one letter from
 * an ordinary word ("wins"), so only these.
 */
const TYPED_QUESTION_WORDS = [
  "what",
  "which",
  "where",
  "whose",
  "welke",
  "hoeveel",
  "waarom",
  "wanneer",
];

export function understand(raw: unknown, prepared: Prepared): Understanding {
  const question = cleanQuestion(raw);
  // Question words first: "wich bank" asks which bank, for every step that reads the words.
  const typed = tokenize(stripDiscord(question)).map((t) =>
    questionWordTypo(inFull(t, prepared), prepared),
  );
  const named = findOrganizations(typed, prepared.organizations, prepared.vocabulary);
  const names = new Set<number>();
  for (const m of named) for (let i = m.start; i < m.end; i++) names.add(i);
  // Names stay as typed; around them the lexicon drops chatter and turns people's words into
  // the articles' ("dms" → "messages").
  const reading = readThroughLexicon(typed, prepared.lexicon, (i) => names.has(i));
  const tokens = reading.tokens;
  const at = (i: number) => reading.positions[i] ?? i;
  const organizations = named.map((m) => ({ ...m, start: at(m.start), end: at(m.end - 1) + 1 }));
  const taken = new Set<number>();
  for (const m of organizations) for (let i = m.start; i < m.end; i++) taken.add(i);
  const unknownNames = [
    ...new Set([
      ...reading.outside,
      ...findUnknownNames({
        tokens,
        taken,
        vocab: prepared.vocabulary,
        orgs: prepared.organizations,
        outside: prepared.lexicon.outsideWords,
      }),
    ]),
  ];
  const unknownNameWords = new Set(unknownNames.map((n) => n.toLowerCase()));

  const contentWords: string[] = [];
  const unknownWords: string[] = [];
  const corrections: Correction[] = [];
  // Each correction searches the vocabulary: a question of near-typos only is bounded here.
  let attempts = 0;
  const corrected = tokens.map((token, i) => {
    if (taken.has(i) || isStopword(token.text)) return token.text;
    if (unknownNameWords.has(token.raw.toLowerCase())) return token.text;
    if (isKnownWord(prepared.vocabulary, token.text)) {
      contentWords.push(token.text);
      return token.text;
    }
    const fix =
      attempts++ < TUNING.maxCorrections ? correctWord(prepared.vocabulary, token.text) : undefined;
    if (fix) {
      corrections.push({ typed: token.raw, corrected: fix });
      contentWords.push(fix);
      return fix;
    }
    unknownWords.push(token.text);
    return token.text;
  });
  const stems = corrected.map((w) => stemIn(w, "en"));
  const stemsNl = corrected.map((w) => stemIn(w, "nl"));
  const aliasWords = organizations
    .filter((m) => m.alias)
    .flatMap((m) => tokens.slice(m.start, m.end).map((t) => t.text))
    .filter((w) => !isStopword(w));
  return {
    question,
    tokens,
    organizations,
    unknownNames,
    contentWords,
    aliasWords,
    unknownWords,
    corrections,
    stems,
    stemsNl,
    topics: findTopics([stems, stemsNl], prepared.topics),
    asksWhich: tokens.some(
      (t, i) => WHICH_WORDS.has(t.text) && !(WHO_WORDS.has(t.text) && relates(tokens, i, prepared)),
    ),
    asksWho: tokens.some((t, i) => WHO_WORDS.has(t.text) && !relates(tokens, i, prepared)),
    asksAdvice:
      reading.asks.has("advice") &&
      kindsAfterRetraction(["advice"], typed, reading.cuesAt, prepared.lexicon.retractWords)
        .length > 0,
    asks: personAsked(
      kindsAfterRetraction(
        kindsNotAfter(
          kindsAskedWith(
            kindsOfQuestionClauses(
              [...reading.asks].filter((k) => k !== "statement"),
              typed,
              reading.cuesAt,
            ),
            typed,
            reading.cuesAt,
            prepared.lexicon.askedWith,
          ),
          typed,
          reading.cuesAt,
          prepared.lexicon.notAfter,
        ),
        typed,
        reading.cuesAt,
        prepared.lexicon.retractWords,
      ),
      typed,
      reading.cuesAt,
    ),
    // Read as typed: "idc" is chatter to the lexicon, and a reason to set Netflix aside here.
    setAside: setAsideOrganizations(typed, named, prepared.lexicon.exceptWords),
    followUp: followedUp(typed, named),
    asksNameOf: nameAskedOf(typed, named, prepared),
    asksClass: classAsked(typed, prepared.lexicon.classWords, prepared.lexicon.qualifierWords),
    asksStatementOf: statementAsked(typed, named, reading.cuesAt),
    asksStatementOfUnknown: statementOfUnknown(typed, reading.cuesAt, unknownNames),
    opinionBeside: kindBesideOtherClauses("opinion", typed, reading.cuesAt),
    conceptPhrases: reading.phrases,
    counted: countedNoun(typed.length, reading.cuesAt.get("count")?.[0], (i) => {
      if (names.has(i)) return undefined;
      const at = reading.positions[i] ?? -1;
      return at >= 0 ? corrected[at] : typed[i]?.text;
    }),
  };
}
