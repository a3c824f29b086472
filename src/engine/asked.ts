/**
 * What a question asks beyond its words, worked out from its grammar words: whether a person or a
 * name is really asked for, which kind cues stand in a clause that asks nothing, which kind of
 * organization or whose own words it asks for, which organizations it names only to set them
 * aside, and which organizations the sources do not name it asks to have named. Used by
 * understand.ts.
 */
import type { InfoKind } from "../knowledge/schema.js";
import type { Token } from "./normalize.js";
import type { OrganizationMatch } from "./organizations.js";
import type { Prepared } from "./prepare.js";
import { isStopword, LIST_WORDS, PARTY_QUESTION_WORDS } from "./stopwords.js";
import { TUNING } from "./tuning.js";

/**
 * A person or a name is asked for with a question word shortly before the cue: "which
 * journalist", "who at Facebook", "what is the headline". Without one, "journalists" and "the
 * headline" are what the question talks about ("these are future journalists", "saw a headline
 * about it, what did Amazon get?").
 */
export function personAsked(
  asks: InfoKind[],
  typed: readonly Token[],
  cuesAt: ReadonlyMap<InfoKind, readonly number[]>,
): InfoKind[] {
  const has = (kind: InfoKind, words: ReadonlySet<string>) =>
    (cuesAt.get(kind) ?? []).some((at) =>
      typed
        .slice(Math.max(0, at - TUNING.questionWordReach), at + 1)
        .some((t) => words.has(t.text)),
    );
  const name = (asks.includes("name") && has("name", NAME_QUESTION_WORDS)) || namedAtTheEnd(typed);
  const person = asks.includes("person") && (has("person", PERSON_QUESTION_WORDS) || name);
  const all: InfoKind[] = name && !asks.includes("name") ? [...asks, "name"] : asks;
  return all.filter((k) => (k === "name" ? name : k === "person" ? person : true));
}

/**
 * "Loser buys pizza 🍕 who wins", "explain why… stay in character or ur fired": a kind cue in a
 * clause that asks nothing, beside one that asks, is chatter around the question. Clauses end at a
 * sentence's end or an emoji; a clause asks when it has a question word.
 */
export function kindsOfQuestionClauses(
  asks: InfoKind[],
  typed: readonly Token[],
  cuesAt: ReadonlyMap<InfoKind, readonly number[]>,
): InfoKind[] {
  const clause = clausesOf(typed);
  const asking = new Set<number>();
  let start = 0;
  typed.forEach((t, i) => {
    if (i > 0 && clause[i] !== clause[i - 1]) start = i;
    // "Was RBC able to look?" asks by its word order: an auxiliary leads the clause. Further in
    // ("the fees are insane") it says something.
    const leads = i - start < TUNING.auxiliaryLeads;
    if (CLAUSE_QUESTION_WORDS.has(t.text) || (leads && CLAUSE_AUXILIARIES.has(t.text))) {
      asking.add(clause[i] ?? -1);
    }
  });
  const n = (clause[clause.length - 1] ?? -1) + 1;
  if (asking.size === 0 || asking.size === n) return asks;
  return asks.filter((k) =>
    (cuesAt.get(k) ?? [-1]).some((at) => at < 0 || asking.has(clause[at] ?? -1)),
  );
}

/**
 * "Tell me a joke. Did Sony get data?": whether a kind's cues leave a clause of the message
 * without any of them (a question beside the request). "Would u delete fb if u were me" is one
 * clause: the opinion is what it asks.
 */
export function kindBesideOtherClauses(
  kind: InfoKind,
  typed: readonly Token[],
  cuesAt: ReadonlyMap<InfoKind, readonly number[]>,
): boolean {
  const clauses = clausesOf(typed);
  const withCue = new Set((cuesAt.get(kind) ?? []).map((at) => clauses[at] ?? -1));
  return clauses.some((c) => !withCue.has(c));
}

/** The clause of each token: a new one at a sentence's end or an emoji. */
function clausesOf(typed: readonly Token[]): number[] {
  const out: number[] = [];
  let n = -1;
  for (const t of typed) {
    if (t.clauseStart || n < 0) n++;
    out.push(n);
  }
  return out;
}

/**
 * "Act as my lawyer, can I sue… jk, just tell me what Amazon got": what came before a word that
 * takes it back (the lexicon's `retract` words) asks nothing, when a question follows it.
 */
export function kindsAfterRetraction(
  asks: InfoKind[],
  typed: readonly Token[],
  cuesAt: ReadonlyMap<InfoKind, readonly number[]>,
  retractWords: ReadonlySet<string>,
): InfoKind[] {
  let after = -1;
  for (let i = 0; i < typed.length - 1; i++) {
    const width = phraseWidth(typed, i, retractWords);
    if (width > 0 && i + width < typed.length) after = i + width;
  }
  if (after < 0) return asks;
  return asks.filter((k) => (cuesAt.get(k) ?? [-1]).some((at) => at < 0 || at >= after));
}

/**
 * "What could they do with it": a kind whose cues all come shortly after one of its `notAfter`
 * words ("could", "allowed") asks something else (what they were able to do), and is dropped.
 */
export function kindsNotAfter(
  asks: InfoKind[],
  typed: readonly Token[],
  cuesAt: ReadonlyMap<InfoKind, readonly number[]>,
  notAfter: ReadonlyMap<InfoKind, ReadonlySet<string>>,
): InfoKind[] {
  return asks.filter((k) => {
    const words = notAfter.get(k);
    if (!words) return true;
    return (cuesAt.get(k) ?? [-1]).some(
      (at) => !saidBefore(typed, at, TUNING.notAfterReach, words),
    );
  });
}

/**
 * "Which shows were shared most": a kind with `askedWith` words asks only where one of them
 * stands up to a few words before a cue ("the part that bugs me most" asks no ranking).
 */
export function kindsAskedWith(
  asks: InfoKind[],
  typed: readonly Token[],
  cuesAt: ReadonlyMap<InfoKind, readonly number[]>,
  askedWith: ReadonlyMap<InfoKind, ReadonlySet<string>>,
): InfoKind[] {
  return asks.filter((k) => {
    const words = askedWith.get(k);
    if (!words) return true;
    return (cuesAt.get(k) ?? []).some((at) =>
      saidBefore(typed, at, TUNING.questionWordReach, words),
    );
  });
}

/** Whether one of the words or two-word phrases stands up to `reach` words before token `at`. */
function saidBefore(
  typed: readonly Token[],
  at: number,
  reach: number,
  words: ReadonlySet<string>,
): boolean {
  for (let i = Math.max(0, at - reach); i < at; i++) {
    if (phraseWidth(typed, i, words) > 0) return true;
  }
  return false;
}

/** How many tokens from `i` are one of the words or two-word phrases of `set`: 2, 1 or 0. */
function phraseWidth(tokens: readonly Token[], i: number, set: ReadonlySet<string>): number {
  const one = tokens[i]?.text ?? "";
  if (i + 1 < tokens.length && set.has(`${one} ${tokens[i + 1]?.text}`)) return 2;
  return set.has(one) ? 1 : 0;
}

const CLAUSE_QUESTION_WORDS = new Set([
  "what",
  "whats",
  "wat",
  "who",
  "whos",
  "wie",
  "how",
  "hoe",
  "hoeveel",
  "when",
  "wanneer",
  "which",
  "welke",
  "welk",
  "why",
  "waarom",
  "where",
  "waar",
]);
const CLAUSE_AUXILIARIES = new Set([
  "did",
  "does",
  "do",
  "is",
  "was",
  "were",
  "are",
  "can",
  "could",
  "heeft",
  "hebben",
  "kan",
  "kon",
  "deed",
  "wil",
  "will",
]);

/**
 * "What was the feature called?", "hoe heet die app": a question word first and the naming verb
 * last ask for a name, whatever stands between them.
 */
function namedAtTheEnd(typed: readonly Token[]): boolean {
  // Each clause ("ok but what was the PR firm called?? nobody says"), after its connectives:
  // one pass, grouping the tokens as their clauses run.
  const clauses = clausesOf(typed);
  let start = 0;
  for (let i = 1; i <= typed.length; i++) {
    if (i < typed.length && clauses[i] === clauses[start]) continue;
    let from = start;
    while (from < i - 1 && CONNECTIVES.has(typed[from]?.text ?? "")) from++;
    if (namesAsked(typed.slice(from, i))) return true;
    start = i;
  }
  return false;
}

function namesAsked(clause: readonly Token[]): boolean {
  const first = clause[0]?.text ?? "";
  const last = clause[clause.length - 1]?.text ?? "";
  if (!NAME_QUESTION_WORDS.has(first)) return false;
  // "What's the spokesperson's name?" asks one; "which partners did the NYT name?" names them.
  const nounName = NAME_NOUNS.has(last) && !clause.some((t) => AUXILIARIES.has(t.text));
  // "What was the feature called that used the messages?": a relative clause may follow the verb.
  const beforeRelative = clause.some(
    (t, i) => NAMING_VERBS.has(t.text) && RELATIVES.has(clause[i + 1]?.text ?? ""),
  );
  return NAMING_VERBS.has(last) || nounName || beforeRelative;
}

const RELATIVES = new Set(["that", "which", "who", "die", "dat", "waarmee", "waarin"]);

/** Words that open a clause before its question word: "ok but what was it called". */
const CONNECTIVES = new Set(["ok", "okay", "but", "and", "so", "maar", "en", "dus", "oke", "wait"]);

const NAME_NOUNS = new Set(["name", "naam"]);
const AUXILIARIES = new Set(["did", "does", "do", "will", "would", "to", "deed", "deden"]);

const NAMING_VERBS = new Set(["called", "named", "heet", "heette", "genoemd"]);

// "Any": "did any exec comment?" asks whether there was one, which only a person named answers.
const PERSON_QUESTION_WORDS = new Set(["any", ...PARTY_QUESTION_WORDS, "wiens"]);
const NAME_QUESTION_WORDS = new Set([
  "what",
  "whats",
  "wats",
  "wut",
  "which",
  "who",
  "whos",
  "wat",
  "welke",
  "welk",
  "hoe",
  "wie",
]);

/** Words that ask which one a thing is when they come right before it: "which PR firm". */
const WHICH_ONE = new Set(["which", "what", "whats", "welk", "welke"]);

export function nameAskedOf(
  typed: readonly Token[],
  named: readonly OrganizationMatch[],
  p: Prepared,
) {
  return (
    named
      .filter((m) => p.organizations.byId.get(m.id)?.nameNotInSources)
      // "which PR firm", or a description read with its pointing word ("welk pr-bureau").
      .filter(
        (m) =>
          WHICH_ONE.has(typed[m.start - 1]?.text ?? "") ||
          WHICH_ONE.has(typed[m.start]?.text ?? ""),
      )
      .map((m) => m.id)
  );
}

/** The shortest class word read as the tail of a compound ("bank" is too short: "databank"). */
const COMPOUND_TAIL = 6;

/** A kind of organization asked to be named: its word, and after a qualifier the word it qualifies. */
export interface ClassAsked {
  /** The class word ("bank"), or the qualifier ("dutch" in "which dutch site"). */
  readonly word: string;
  /** After a qualifier, the next word: "site", "bedrijven". */
  readonly noun: string | undefined;
}

/**
 * The kind of organization a question asks to have named: "which bank", "welke concurrenten",
 * "which other banks" (a lexicon `class` word at most three words after which/welke), or one a
 * qualifier narrows: "the irish privacy regulator" (a qualifier at most two words before a kind).
 */
export function classAsked(
  typed: readonly Token[],
  classWords: ReadonlySet<string>,
  qualifierWords: ReadonlySet<string> = new Set(),
): ClassAsked | undefined {
  const at = (i: number) => typed[i]?.text ?? "";
  // Dutch joins words: "privacytoezichthouder" is a toezichthouder.
  const tails = [...classWords].filter((c) => c.length >= COMPOUND_TAIL);
  const isClass = (w: string) =>
    classWords.has(w) || tails.some((c) => w.length > c.length && w.endsWith(c));
  const asked = (i: number): ClassAsked => ({
    word: at(i),
    noun: qualifierWords.has(at(i)) && i + 1 < typed.length ? at(i + 1) : undefined,
  });
  for (let i = 0; i < typed.length; i++) {
    if (!WHICH_ONE.has(at(i))) continue;
    for (let j = i + 1; j <= i + 3 && j < typed.length; j++) {
      if (isClass(at(j))) return asked(j);
    }
  }
  for (let i = 0; i < typed.length; i++) {
    if (!qualifierWords.has(at(i))) continue;
    for (let j = i + 1; j <= i + 2 && j < typed.length; j++) {
      if (isClass(at(j)) && !qualifierWords.has(at(j))) return asked(i);
    }
  }
  return undefined;
}

/**
 * Organizations whose own words are asked for, with a question word: "what did Sony say", "wat
 * heeft Sony zelf gezegd", "what was the response from Sony". The organization stands right
 * before the cue (at most two words between) or right after it.
 */
export function statementAsked(
  typed: readonly Token[],
  named: readonly OrganizationMatch[],
  cuesAt: ReadonlyMap<InfoKind, readonly number[]>,
): string[] {
  const out = new Set<string>();
  for (const at of askedStatementCues(typed, cuesAt)) {
    for (const m of named) {
      // After a verb it is what was spoken about ("what did FB say about the PR agency").
      const after = STATEMENT_NOUNS.has(typed[at]?.text ?? "") && m.start > at && m.start - at <= 3;
      if ((m.end <= at && at - m.end <= 2) || after) out.add(m.id);
    }
  }
  return [...out];
}

/**
 * Names the sources do not cover whose own words are asked for ("what did the Canadian government
 * say about RBC"): the name stands at most two words before the cue, a question word before it.
 */
export function statementOfUnknown(
  typed: readonly Token[],
  cuesAt: ReadonlyMap<InfoKind, readonly number[]>,
  unknownNames: readonly string[],
): string[] {
  const out = new Set<string>();
  for (const at of askedStatementCues(typed, cuesAt)) {
    const near = new Set(typed.slice(Math.max(0, at - 3), at).map((t) => t.raw.toLowerCase()));
    for (const name of unknownNames) {
      const nameWords = name.toLowerCase().split(/\s+/);
      if (nameWords.some((w) => near.has(w))) out.add(name);
    }
  }
  return [...out];
}

/** Positions of statement cues with a question word shortly before them ("what did … say"). */
function askedStatementCues(
  typed: readonly Token[],
  cuesAt: ReadonlyMap<InfoKind, readonly number[]>,
): number[] {
  return (cuesAt.get("statement") ?? []).filter((at) =>
    typed
      .slice(Math.max(0, at - TUNING.questionWordReach), at)
      .some((t) => NAME_QUESTION_WORDS.has(t.text) || t.text === "how"),
  );
}

/** Cue words that name a statement, followed by whose it is ("the response from Sony"). */
const STATEMENT_NOUNS = new Set([
  "response",
  "responses",
  "spokesperson",
  "spokesman",
  "spokeswoman",
  "woordvoerder",
]);

/**
 * The organizations named right after "besides", "except", "behalve", "idc about" (the lexicon's
 * `except` words), and those listed with them.
 */
export function setAsideOrganizations(
  tokens: readonly Token[],
  orgs: readonly OrganizationMatch[],
  exceptWords: ReadonlySet<string>,
) {
  const out: string[] = [];
  const text = (i: number) => tokens[i]?.text ?? "";
  for (let i = 0; i < tokens.length; i++) {
    const width = phraseWidth(tokens, i, exceptWords);
    if (width === 0) continue;
    let j = i + width;
    for (let moved = true; moved; ) {
      moved = false;
      // A description may name several at once ("the streaming services").
      const at = orgs.filter((m) => m.start === j);
      if (at.length > 0) {
        out.push(...at.map((m) => m.id));
        j = Math.max(...at.map((m) => m.end));
        moved = true;
      } else if (LIST_WORDS.has(text(j))) {
        j++;
        moved = true;
      }
    }
  }
  return out;
}

/**
 * Words right before a message's last names that make them a follow-up: "…, and spotify?", "en
 * apple dan?", "what about the bank", "hoe zit het met apple". Not "about" or "met" alone: "what
 * did FB say about the PR agency", "wat had Cambridge Analytica met Facebook te maken".
 */
const FOLLOW_UP = ["and", "en", "plus", "what about", "how about", "whats about", "zit het met"];

/**
 * Organizations a message ends by asking about, after what it said before: "you said Netflix
 * denied it, and Spotify?", "what about the bank", "hoe zit het met Apple dan". The message's
 * last named organizations, right after a follow-up word, with nothing after them but stop
 * words; they lead over those named earlier, which set the scene.
 */
export function followedUp(
  typed: readonly Token[],
  named: readonly OrganizationMatch[],
): readonly string[] {
  if (named.length === 0) return [];
  // Back from the last name, over the names (and list words) before it, to where the run starts.
  let start = Math.max(...named.map((m) => m.start));
  for (;;) {
    const joined = LIST_WORDS.has(typed[start - 1]?.text ?? "") ? start - 1 : start;
    const before = named.find((m) => m.end === joined && m.start < start);
    if (!before) break;
    start = before.start;
  }
  const before = (n: number) =>
    typed
      .slice(Math.max(0, start - n), start)
      .map((t) => t.text)
      .join(" ");
  if (!FOLLOW_UP.some((cue) => before(cue.split(" ").length) === cue)) return [];
  const trailing = named.filter((m) => m.start >= start);
  const end = Math.max(...trailing.map((m) => m.end));
  if (!typed.slice(end).every((t) => isStopword(t.text))) return [];
  return [...new Set(trailing.map((m) => m.id))];
}
