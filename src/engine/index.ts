/**
 * The engine's public API: everything the CLI, the bot and the tests call. It knows nothing of
 * Discord or terminals; it takes a question and a knowledge base and returns data.
 */

export { type AnswerOptions, answer, companyAnswer, suggestOrganizations } from "./answer.js";
export {
  type Answer,
  type AnswerCompany,
  type AnswerFact,
  AnswerSchema,
  type AnswerSource,
  type Clarification,
  type Decision,
  type Reason,
  type ReasonCode,
} from "./answer-schema.js";
export { CONFIDENCE_THRESHOLD } from "./confidence.js";
export { MAX_QUESTION_CHARS } from "./normalize.js";
