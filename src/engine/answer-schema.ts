/**
 * The engine's output: plain data that the CLI prints, the bot renders as embeds and the tests
 * inspect. This schema is the contract between the engine and its adapters.
 */
import { z } from "zod";
import { FactKind, Language, Role, VoiceHow } from "../knowledge/schema.js";

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

export const AnswerSchema = z.object({
  /** The question as asked (after trimming to the engine's length limit). */
  question: z.string(),
  answered: z.boolean(),
  /** How sure the engine is that the facts answer the question, from 0 to 1. */
  confidence: z.number().min(0).max(1),
  /** A short message for the user: why nothing was answered, or a note on the answer. */
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
