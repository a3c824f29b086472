/**
 * The engine's output: plain data that the CLI prints, the bot renders as embeds and the tests
 * inspect. This schema is the contract between the engine and its adapters.
 */
import { z } from "zod";
import { FactKind, InfoKind, Language, Role, VoiceHow } from "../knowledge/schema.js";

const NamedSchema = z.object({ id: z.string(), name: z.string() });

/** Who spoke and how it reached the article, for the adapters to word in either language. */
export const AnswerVoiceSchema = z.object({
  /** Empty for the article's own words (`how: article`). */
  who: z.array(NamedSchema),
  spokesperson: z.boolean(),
  how: VoiceHow,
  /** The outlet a statement was made to (`how: statement-to`). */
  to: NamedSchema.optional(),
});
export type AnswerVoice = z.infer<typeof AnswerVoiceSchema>;

export const AnswerFactSchema = z.object({
  id: z.string(),
  kind: FactKind,
  speaker: z.string(),
  voice: AnswerVoiceSchema,
  quote: z.string(),
  /** Our English rendering, present when the quote is not English. */
  translation: z.string().optional(),
  summary: z.string(),
  /** The same summary in Dutch (curated, like the English one). */
  summaryNl: z.string(),
  source: z.string(),
  language: Language,
});
export type AnswerFact = z.infer<typeof AnswerFactSchema>;

export const AnswerCompanySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  facts: z.array(AnswerFactSchema),
  /** True when the sources quote no response from this company. */
  noResponseInSources: z.boolean(),
});
export type AnswerCompany = z.infer<typeof AnswerCompanySchema>;

export const AnswerSourceSchema = z.object({
  id: z.string(),
  /** Its number in the base's list of sources (from 1): citations are `[n]` everywhere. */
  n: z.number().int().min(1),
  title: z.string(),
  /** `article`: the article's own headline; `descriptive`: our description. */
  titleKind: z.enum(["article", "descriptive"]),
  /** Our Dutch description, for a descriptive title. */
  titleNl: z.string().optional(),
  publisher: z.string().optional(),
  author: z.string().optional(),
  date: z.string(),
  language: Language,
});
export type AnswerSource = z.infer<typeof AnswerSourceSchema>;

/**
 * A run of the answer's facts under one heading: what was reported, a company's own response
 * (empty when the sources report none), the platform's position. Each fact is in one group only.
 */
export const AnswerGroupSchema = z.object({
  kind: z.enum(["reported", "response", "position"]),
  /** The organization the group is about (`reported`) or whose words it holds. */
  company: NamedSchema,
  /** Fact ids, best first; the facts are in `companies`. */
  facts: z.array(z.string()),
});
export type AnswerGroup = z.infer<typeof AnswerGroupSchema>;

/**
 * Why the engine declined, asked back or added a note: a code with parameters, never a sentence.
 * The adapters word each code (the CLI in English, the bot in the reader's language); the
 * README lists them.
 */
export const ReasonCode = z.enum([
  /** Nothing to read: no words, or only mentions and emoji. */
  "empty-question",
  /** Names the sources do not cover ("Twitter"): `names`. */
  "unknown-names",
  /** A request for advice or instructions, which news reports do not give. */
  "advice",
  /** Nothing in the question is about the story the sources tell. */
  "outside-sources",
  /** The kind of information asked for (`subject`) is in none of the facts on `organizations`. */
  "not-in-sources",
  /** A name one typo further than the engine accepts: `organizations` holds the guess. */
  "did-you-mean",
  /** The question matches the base only in part: the clarifications say what it can answer. */
  "unsure",
  /** A note: words the sources never use, so the facts shown may not say them (`words`). */
  "unknown-words",
  /** A note: nothing on `organizations` matches what was asked; an overview of them is shown. */
  "off-topic",
  /** The question asks about a year after the newest source (`year`; the sources end `until`). */
  "after-sources",
]);
export type ReasonCode = z.infer<typeof ReasonCode>;

export const ReasonSchema = z.object({
  code: ReasonCode,
  /** The organizations the reason is about (id and display name). */
  organizations: z.array(NamedSchema).optional(),
  /** Names as typed (unknown-names). */
  names: z.array(z.string()).optional(),
  /** Words as typed (unknown-words). */
  words: z.array(z.string()).optional(),
  /** The kind of information asked for (not-in-sources). */
  subject: InfoKind.optional(),
  /** The year asked about, and the date of the newest source (after-sources). */
  year: z.string().optional(),
  until: z.string().optional(),
});
export type Reason = z.infer<typeof ReasonSchema>;

/** A question the base answers well, offered when the engine asks back or declines. */
export const ClarificationSchema = z.object({
  /** Id of the curated question in `knowledge/questions.yaml` (what a button carries). */
  id: z.string(),
  /** The question in English and in Dutch, curated data. */
  en: z.string(),
  nl: z.string(),
});
export type Clarification = z.infer<typeof ClarificationSchema>;

export const Decision = z.enum(["answer", "answer-with-note", "ask-back", "decline"]);
export type Decision = z.infer<typeof Decision>;

export const AnswerSchema = z.object({
  /** The question as asked (after trimming to the engine's length limit). */
  question: z.string(),
  /** True for `answer` and `answer-with-note`; false when the engine asks back or declines. */
  answered: z.boolean(),
  decision: Decision,
  /** Why it declined or asked back. */
  reason: ReasonSchema.optional(),
  /** Notes on an answer (`answer-with-note`). */
  notes: z.array(ReasonSchema),
  /** Up to three questions the base answers well: asked back, or offered with a decline. */
  clarifications: z.array(ClarificationSchema),
  /** How sure the engine is that the facts answer the question, from 0 to 1. */
  confidence: z.number().min(0).max(1),
  /**
   * The reason or notes worded in English. The engine never sets it: `npm run ask -- --json`
   * adds it for consumers of earlier versions.
   */
  message: z.string().optional(),
  /** Topic ids the question was understood to be about. */
  topics: z.array(z.string()),
  /** Most relevant first. Empty when `answered` is false. */
  companies: z.array(AnswerCompanySchema),
  /** The facts in reading order, each once, in groups. Empty when `answered` is false. */
  groups: z.array(AnswerGroupSchema),
  /** Ids of the facts whose curated summaries make the short answer (at most 3), in order. */
  short: z.array(z.string()),
  /** The sources cited by the facts above. */
  sources: z.array(AnswerSourceSchema),
  /** Organizations covered, example questions, or a "did you mean". */
  suggestions: z.array(z.string()).optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;
