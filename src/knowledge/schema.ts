/**
 * The shape of every file in `knowledge/`, and the TypeScript types derived from it.
 * These zod schemas are the single source of truth: the loader validates with them and the
 * rest of the code uses the inferred types.
 */
import { z } from "zod";
import { CONTROL_CHARACTER, describeControl } from "./control-characters.js";

/** Lower-case words joined by dashes: stable, readable ids that survive a diff. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by dashes, like 'netflix'");

/**
 * No control characters in a value, escaped ones included ("\e[2J" in double quotes): the file's
 * raw text is checked too, but YAML escapes only show once parsed.
 */
const clean = (value: string, ctx: z.RefinementCtx) => {
  const found = CONTROL_CHARACTER.exec(value);
  if (found) ctx.addIssue({ code: "custom", message: `${describeControl(found[0])}: remove it` });
};

const Text = z.string().trim().min(1, "must not be empty").superRefine(clean);

/** A search keyword; YAML reads a bare year like 2014 as a number, so numbers are accepted too. */
const Keyword = z.union([Text, z.number().transform(String)]);

export const Language = z.enum(["nl", "en"]);
export type Language = z.infer<typeof Language>;

/** `knowledge/sources.yaml`: one entry per article in `knowledge/articles/`. */
export const SourceSchema = z.strictObject({
  id: Id,
  /** Path of the article text, relative to the knowledge folder. */
  file: z
    .string()
    .regex(/^articles\/[^/]+\.txt$/, "must be a file in articles/, like 'articles/x.txt'")
    .superRefine(clean),
  language: Language,
  /** Only when the article text itself names the publisher. */
  publisher: Text.optional(),
  /** Only when the article text itself names the author. */
  author: Text.optional(),
  /** Year and month, as the articles give it. */
  date: z.string().regex(/^\d{4}-\d{2}$/, "must be year and month, like '2018-12'"),
  /** The article's own headline (`titleKind: article`), or our English description of it. */
  title: Text,
  /** `article`: the article's own headline; `descriptive`: ours, because the text has none. */
  titleKind: z.enum(["article", "descriptive"]),
  /** Our Dutch description; only for a descriptive title (a headline is shown as it is). */
  titleNl: Text.optional(),
  /** What the article covers, in a line, for `/sources`. */
  covers: Text,
  /** The same line in Dutch. */
  coversNl: Text,
});
export type Source = z.infer<typeof SourceSchema>;
export const SourcesFileSchema = z.array(SourceSchema).min(1, "must list at least one source");

export const Role = z.enum(["platform", "partner", "news-outlet", "regulator", "other"]);
export type Role = z.infer<typeof Role>;

/** `knowledge/organizations.yaml`. */
export const OrganizationSchema = z.strictObject({
  id: Id,
  name: Text,
  /** Other names people type: abbreviations, former or later names, products. */
  aliases: z.array(Text).default([]),
  role: Role,
  /**
   * How the articles and people describe it without naming it ("the music streamer", "de
   * webwinkelgigant"). Unlike a name, a description may fit several organizations ("the tech
   * companies"): it then stands for all of them.
   */
  descriptions: z.array(Text).default([]),
  /** Set when the sources quote no response from this organization. */
  noResponseInSources: z.boolean().default(false),
  /**
   * Set when the sources do not give its name ("een pr-bureau"): "which PR firm was it?" is then
   * declined, the name not being in the sources.
   */
  nameNotInSources: z.boolean().default(false),
});
export type Organization = z.infer<typeof OrganizationSchema>;
export const OrganizationsFileSchema = z
  .array(OrganizationSchema)
  .min(1, "must list at least one organization");

/** `knowledge/topics.yaml`: what questions are about, with the words people use for it. */
export const TopicSchema = z.strictObject({
  id: Id,
  name: Text,
  /** English and Dutch words and phrasings that signal the topic in a question. */
  keywords: z.array(Keyword).min(1, "needs at least one keyword"),
  /** A topic about who got access to what: a partner's answer then calls for the platform's position. */
  access: z.boolean().default(false),
});
export type Topic = z.infer<typeof TopicSchema>;
export const TopicsFileSchema = z.array(TopicSchema).min(1, "must list at least one topic");

export const FactKind = z.enum(["reported", "response", "context"]);
export type FactKind = z.infer<typeof FactKind>;

/**
 * How a speaker's words reached the article: `article` (the article's own words), `statement`
 * (the speaker's statement, quoted), `statement-to` (told to the outlet in `to`), `blog-post`,
 * `reported-by`, `cited-by` and `paraphrased-by` (the article relays another's words; the article's
 * publisher is the one relaying them, or not named).
 */
export const VoiceHow = z.enum([
  "article",
  "statement",
  "statement-to",
  "blog-post",
  "reported-by",
  "cited-by",
  "paraphrased-by",
]);
export type VoiceHow = z.infer<typeof VoiceHow>;

/** Who spoke, structured so the bot can word it in English and Dutch. */
export const VoiceSchema = z.strictObject({
  /** Organization ids of the speakers; omitted only for `how: article`. */
  who: z.array(Id).min(1, "must name at least one organization").optional(),
  /** A spokesperson of `who` spoke, not the organization as such. */
  spokesperson: z.boolean().default(false),
  how: VoiceHow,
  /** For `statement-to`: the organization id of the outlet it was told to. */
  to: Id.optional(),
});
export type Voice = z.infer<typeof VoiceSchema>;

/** `knowledge/facts/*.yaml`: one claim or statement each, quoted verbatim from its source. */
export const FactSchema = z.strictObject({
  id: Id,
  /** Organization ids this fact is about, most central first. */
  about: z.array(Id).min(1, "must name at least one organization"),
  kind: FactKind,
  /** Who says it, for example "Netflix, statement to NU.nl" (what the engine matches). */
  speaker: Text,
  /** The same, structured: shown to readers in their language. */
  voice: VoiceSchema,
  /** A contiguous span of the source, character for character. */
  quote: Text,
  source: Id,
  language: Language,
  /** Our own English rendering; required when the quote is not English. */
  translation: Text.optional(),
  /** One short line in plain English, our own words. */
  summary: Text,
  /** The same line in Dutch, our own words, drawn only from the quote and its article. */
  summaryNl: Text,
  /** Topic ids from topics.yaml. */
  topics: z.array(Id).default([]),
  /** English and Dutch words a person would use to ask for this fact. */
  keywords: z.array(Keyword).min(1, "needs at least one keyword"),
});
export type Fact = z.infer<typeof FactSchema>;
export const FactsFileSchema = z.array(FactSchema).min(1, "must hold at least one fact");

/**
 * `knowledge/lexicon.yaml`: the story's vocabulary as people type it, in English, Dutch and chat.
 * - `concept`: words and phrases that mean the same as `canonical` (the articles' own words):
 *   "dms", "texts", "group chats" → "messages". Questions and facts are both read through it.
 * - `filler`: chatter and question wrappers that carry no subject ("tbh", "so like").
 * - `info`: a kind of information a question may ask for (an amount, a count, a person, a date, a
 *   consequence, the reporting itself): `asks` are the question's cues, `holds` the words of a
 *   fact that gives it, `answeredBy` the role of the organizations that answer it, if any.
 * - `outside`: names of companies and people the story does not cover ("Twitter").
 * - `class`: kinds of organization a question asks to have named ("which bank", "welke
 *   concurrenten"): an answer must lead with one whose name, aliases or descriptions use the word.
 */
const LexiconWords = z.array(Keyword).min(1, "needs at least one word");
export const InfoKind = z.enum([
  "amount",
  "count",
  "person",
  "date",
  "duration",
  "consequence",
  "aftermath",
  "opinion",
  "reporting",
  "apology",
  "name",
  "advice",
  "requirement",
  "statement",
  "future",
  "use",
  "ranking",
  "ability",
]);
export type InfoKind = z.infer<typeof InfoKind>;
export const LexiconEntrySchema = z.discriminatedUnion("kind", [
  z.strictObject({
    id: Id,
    kind: z.literal("concept"),
    canonical: LexiconWords,
    words: LexiconWords,
    /**
     * Words that share a stem with the concept's but mean something else, read as themselves:
     * the Dutch stemmer makes "vergelijkbare" (similar) "vergelijk", as it does "vergelijking"
     * (comparison).
     */
    unlike: LexiconWords.optional(),
    /**
     * Met a few words after who, which or wie, the concept also asks this kind, with the kind's
     * canonical words: "who were the former employees?" asks for people, "wie heeft dat
     * onderzoek gedaan?" who reported. "What did the former employees say?" asks neither.
     */
    cues: InfoKind.optional(),
  }),
  z.strictObject({ id: Id, kind: z.literal("filler"), words: LexiconWords }),
  /**
   * Chat's short forms of one ordinary word ("js" for just), read as that word before anything
   * else reads the question: "could they js read msgs" asks "just read" as a phrase would.
   */
  z.strictObject({ id: Id, kind: z.literal("shorthand"), for: Keyword, words: LexiconWords }),
  z.strictObject({
    id: InfoKind,
    kind: z.literal("info"),
    asks: LexiconWords,
    // Empty for an opinion: the sources report; they never hold what the bot itself thinks.
    holds: z.array(Keyword).default([]),
    /**
     * Organizations of this role answer the kind ("who broke the story?" is about the outlets):
     * they lead the answer, and a fact about one holds the kind.
     */
    answeredBy: Role.optional(),
    /**
     * Held by any fact shown on the organization, not only by those sharing the question's words:
     * what a company did with the data is said in other facts than those saying what it got.
     */
    anyShownFact: z.boolean().default(false),
    /**
     * Orders the facts that hold it first, and is never a reason to decline: "could they just
     * read the messages, or more?" wants the fact that says what more, but every fact on a
     * company's access says what it could do, in its own words.
     */
    ranksOnly: z.boolean().default(false),
    /**
     * Words that, a few words before a cue, make it ask something else: "what could they do with
     * it" asks what they were able to do, not what they did.
     */
    notAfter: LexiconWords.optional(),
    /**
     * Question words one of which must stand a few words before a cue for it to ask the kind:
     * "which shows were shared most" asks a ranking, "the part that bugs me most" does not.
     */
    askedWith: LexiconWords.optional(),
    /**
     * Keep the cue's words in the question as words, too: "author" and "written" are also what a
     * fact's keywords say ("where has the author written?").
     */
    keepWords: z.boolean().default(false),
    /**
     * Cues of two words with the question's own words between them, in one clause: "use … for"
     * is met by "what did RBC use the chat access for", the words between kept as the
     * question's. Written as two words each (`[use, for]`); the first is met by its stem.
     */
    asksAround: z.array(z.tuple([Keyword, Keyword])).optional(),
    /** Words that stand in the question for a cue, as a concept's do ("who broke" → "reported"). */
    canonical: z.array(Keyword).optional(),
  }),
  z.strictObject({
    id: Id,
    kind: z.literal("outside"),
    words: LexiconWords,
    /**
     * People, not companies: "pretend you are Zuckerberg and explain why partners could read DMs"
     * still asks about the story, where "did Twitter read DMs?" asks about another company.
     */
    people: z.boolean().default(false),
    /**
     * Products and features, not companies: "did Sony use the data for the PlayStation Network?"
     * asks about the product, which the sources never mention, though Sony is covered.
     */
    products: z.boolean().default(false),
  }),
  z.strictObject({
    id: Id,
    kind: z.literal("class"),
    words: LexiconWords,
    /**
     * Words that qualify a kind of organization (where one is from: "irish", "nederlandse"): asked
     * after which/welke as the kinds are, and also right before a kind, a word between at most
     * ("what did the irish privacy regulator say").
     */
    qualifiers: z.boolean().default(false),
  }),
  /**
   * Nouns for one kind of thing counted, which count one another: "how many companies" is
   * answered by "four partners", "how many users" is not.
   */
  z.strictObject({
    id: Id,
    kind: z.literal("counted"),
    words: LexiconWords,
    /**
     * Nouns for organizations in general ("firms", "partners", "apps"): a question naming none
     * but these ("could outside firms wipe conversations?") asks about the practice, whose
     * subject is the platform; asking which ones ("which companies…") lists them instead.
     */
    organizations: z.boolean().default(false),
  }),
  /** Words that set aside the organizations named right after them ("besides", "idc about"). */
  z.strictObject({ id: Id, kind: z.literal("except"), words: LexiconWords }),
  /** Words that take back what came before them ("…can I sue, jk, what did Amazon get"). */
  z.strictObject({ id: Id, kind: z.literal("retract"), words: LexiconWords }),
]);
export type LexiconEntry = z.infer<typeof LexiconEntrySchema>;
export const LexiconFileSchema = z.array(LexiconEntrySchema);

/** `knowledge/questions.yaml`: questions the base answers well, offered to ask back. */
export const ExampleQuestionSchema = z.strictObject({
  id: Id,
  /** The organization the question is about: an answer must lead with it. */
  organization: Id,
  /** Topic ids the question touches, to offer it for questions on those topics. */
  topics: z.array(Id).default([]),
  en: Text,
  nl: Text,
});
export type ExampleQuestion = z.infer<typeof ExampleQuestionSchema>;
export const ExampleQuestionsFileSchema = z.array(ExampleQuestionSchema);

/** A loaded, validated and frozen fact base. */
export interface KnowledgeBase {
  readonly dir: string;
  readonly sources: readonly Source[];
  /** Article text by source id. */
  readonly texts: ReadonlyMap<string, string>;
  readonly organizations: readonly Organization[];
  readonly topics: readonly Topic[];
  readonly facts: readonly Fact[];
  /** Empty when the base has no `lexicon.yaml`. */
  readonly lexicon: readonly LexiconEntry[];
  /** Empty when the base has no `questions.yaml`. */
  readonly questions: readonly ExampleQuestion[];
}
