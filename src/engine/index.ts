/**
 * The engine's public API: everything the CLI, the bot and the tests call. It knows nothing of
 * Discord or terminals; it takes a question and a knowledge base and returns data.
 */

export { answer, companyAnswer, suggestOrganizations } from "./answer.js";
export { type Answer, type AnswerCompany, type AnswerFact, AnswerSchema } from "./answer-schema.js";
