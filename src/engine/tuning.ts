/**
 * Every weight, floor and threshold of the decision and clarification steps, in one place, each
 * with why. Fitted on the development question set (`tests/questions/chat-dev.yaml`) and reported
 * on the sets not used for fitting (docs/accuracy.md). Ranking's own weights are in rank.ts's
 * WEIGHTS and the composer's floors in compose.ts; they predate this module and are re-exported
 * here so a maintainer finds them all from one file.
 */

export { ABSOLUTE_FLOOR, NOISE_SHARE, RELATIVE_FLOOR, UNNAMED_LEADS } from "./compose.js";
export { CONFIDENCE_THRESHOLD } from "./confidence.js";
export { MAX_NAME_SPELLINGS } from "./organizations.js";
/**
 * RANK_LIMITS and MAX_NAME_SPELLINGS (with TUNING.maxCorrections) bound the work of one question
 * whatever it holds (the hardening issue): questions as people write them stay inside them, so
 * they change no answer on the question sets; `npm run bench` times questions made to reach them.
 */
export { LIMITS as RANK_LIMITS, WEIGHTS as RANK_WEIGHTS } from "./rank.js";

export const TUNING = {
  /** At most this many questions offered when asking back (Discord shows them as one row). */
  maxClarifications: 3,
  /** A curated question about an organization the question names counts as this many topics. */
  clarifyOrganization: 3,
  /**
   * A question naming no organization needs at least this many distinct subject words ("read
   * messages"): one word alone ("can you read this?") is too little to answer, so it asks back.
   */
  minSubjectWords: 2,
  /**
   * ...unless that one word is used by at most this many facts: a rare word ("legal") says what
   * is asked; a common one ("read") does not.
   */
  rareSubjectFacts: 2,
  /**
   * A question naming no organization and no topic is ranked (not declined at once) with this many
   * distinct words of the base: two ("play some music") are too few to say it is about the story.
   */
  minWordsWithoutTopic: 3,
  /** Words the sources never use, listed in a note: at most this many, of three letters or more. */
  maxNoteWords: 5,
  /**
   * Unknown words of one question corrected towards the vocabulary (each a search of it); past
   * it, a word stays unknown. The hardening issue's bound on a question of near-typos only:
   * questions people write have at most 6 (every question set), so no answer changes.
   */
  maxCorrections: 10,
  /**
   * A person or a name is asked only with a question word at most this many words before its cue
   * ("who ok'd this at facebook tho, like an actual name"); a headline mentioned in passing before
   * "what did Amazon get?" asks for none. Fitted on the development sets: 5 missed questions whose
   * chatter stands between the two, 8 none.
   */
  questionWordReach: 8,
  /** A verb of knowing this many words before a cue makes it a statement ("wisten ze eigenlijk hoeveel"). */
  knowingReach: 3,
  /**
   * A `notAfter` word this many words before a cue changes what it asks ("what could these apps
   * actually do with it": four words between).
   */
  notAfterReach: 5,
  /** An auxiliary among a clause's first words makes it ask ("so was RBC able to…"); later, it says. */
  auxiliaryLeads: 3,
  /** Letters a kind's one-word cue needs to be read misspelt ("aplogize"): shorter ones meet words. */
  minTypoCueLength: 7,
  /** Words at most between the two words of a cue around them (`asksAround`: "use … for"). */
  aroundReach: 5,
  /** Adverbs read past inside one lexicon phrase ("who actually broke"); more is another clause. */
  maxInsertedAdverbs: 2,
  /**
   * Choosing whom a question naming no organization is about, from its best facts: an
   * organization's best fact counts in full, each further one by this share (the same report in
   * a Dutch and an English article is not twice the evidence).
   */
  moreFactsShare: 0.5,
  /**
   * A name one typo past reach ("apel") is taken when the best fact for the question, read with
   * it, is about that organization and shares a word at most this many facts use ("phones");
   * words most partners' facts use ("data", "get") confirm nothing.
   */
  guessConfirmFacts: 2,
} as const;
