/**
 * "apel says the data stays on ppls phones": a name one typo further than the engine accepts is
 * taken when the rest of the question confirms it: the best fact for the question read with the
 * guessed organization is about it and shares a word few facts use. Without such a word ("did
 * sonu get data": words every partner's facts use) the engine asks back instead.
 */
import type { Prepared } from "./prepare.js";
import { stemField } from "./prepare.js";
import { rankFacts } from "./rank.js";
import { stemsOf } from "./stem.js";
import { guessOf } from "./suggest.js";
import { TUNING } from "./tuning.js";
import type { Understanding } from "./understand.js";

/** The question read with the guessed organization named, when its words confirm the guess. */
export function confirmedGuess(u: Understanding, p: Prepared): Understanding | undefined {
  const guess = guessOf(u, p);
  if (!guess) return undefined;
  const at = u.tokens.findIndex((t) => t.text === guess.word);
  if (at < 0) return undefined;
  const named: Understanding = {
    ...u,
    organizations: [
      ...u.organizations,
      {
        id: guess.org.id,
        start: at,
        end: at + 1,
        distance: 2,
        typed: u.tokens[at]?.raw ?? guess.word,
        alias: false,
        description: false,
      },
    ].sort((a, b) => a.start - b.start),
    unknownWords: u.unknownWords.filter((w) => w !== guess.word),
    unknownNames: u.unknownNames.filter((n) => n.toLowerCase() !== guess.word),
  };
  const ranked = rankFacts(named, p);
  const best = ranked[0];
  if (!best?.prepared.fact.about.includes(guess.org.id)) return undefined;
  // A word few facts use, in the best fact ("phones")…
  const rare = named.contentWords.some((w) =>
    stemsOf(w).some((s) => {
      const n = p.byStem.get(s)?.length ?? 0;
      return n > 0 && n <= TUNING.guessConfirmFacts && stemField(p, s, best.index) > 0;
    }),
  );
  // …or the question's misspelt words match the best fact better than any other ("speshal").
  const misspelt = best.fuzzy > 0 && ranked.every((r) => r.fuzzy <= best.fuzzy);
  return rare || misspelt ? named : undefined;
}
