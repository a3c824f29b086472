/**
 * The engine's output: plain data that the CLI prints, the bot renders as embeds and the tests
 * inspect. This schema is the contract between the engine and its adapters.
 */
import { z } from "zod";
import { FactKind, Language, Role } from "../knowledge/schema.js";

export const AnswerFactSchema = z.object({
  id: z.string(),
  kind: FactKind,
  speaker: z.string(),
  quote: z.string(),
  /** Our English rendering, present when the quote is not English. */
  translation: z.string().optional(),
  summary: z.string(),
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
  title: z.string(),
  publisher: z.string().optional(),
  author: z.string().optional(),
  date: z.string(),
  language: Language,
});
export type AnswerSource = z.infer<typeof AnswerSourceSchema>;

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
  /** The sources cited by the facts above. */
  sources: z.array(AnswerSourceSchema),
  /** Organizations covered, example questions, or a "did you mean". */
  suggestions: z.array(z.string()).optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;
