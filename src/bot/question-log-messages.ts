/**
 * The bot's words for the question log (votes, /privacy, /gaps) in English and Dutch. Kept
 * beside i18n.ts's catalogue, in the same shape, so the log's wording lives with the log.
 */
import type { Decision } from "../questionlog/row.js";
import type { Locale } from "./i18n.js";

export interface QuestionLogMessages {
  readonly voteNoted: (up: boolean) => string;
  readonly voteExpired: (days: number) => string;
  readonly voteUnknown: string;
  readonly voteUnavailable: string;
  readonly privacyTitle: string;
  readonly privacyKept: (days: number) => string;
  readonly privacyOff: string;
  readonly privacyUnavailable: string;
  readonly forgotten: (questions: number, votes: number) => string;
  readonly forgetFailed: string;
  readonly gapsNotAdmin: string;
  readonly gapsOff: string;
  readonly gapsTitle: (days: number) => string;
  readonly gapsTotals: (t: {
    questions: number;
    answered: number;
    askedBack: number;
    declined: number;
    up: number;
    down: number;
  }) => string;
  readonly gapsNone: string;
  readonly gapsGroup: (g: { count: number; askers: number; lastAsked: string }) => string;
  readonly gapsVotes: (up: number, down: number) => string;
  readonly gapsClosest: string;
  readonly gapsPage: (page: number, pages: number) => string;
  readonly gapsStale: string;
  readonly decision: Record<Decision, string>;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: QuestionLogMessages = {
  voteNoted: (up) =>
    `Thanks, noted: ${up ? "👍" : "👎"}. Click the other button to change your vote.`,
  voteExpired: (days) =>
    `That answer is older than ${days} days, so I no longer keep it; your vote was not counted. Ask again to vote on a new answer.`,
  voteUnknown: "I no longer keep that answer (it was removed), so your vote was not counted.",
  voteUnavailable: "Votes are not being kept right now, so yours was not counted. Sorry!",
  privacyTitle: "What Receipts keeps",
  privacyKept: (days) =>
    [
      "For each question asked: when, in which server, how (command, mention, menu), your Discord language, the question's text (mentions removed), how I answered it and which facts I showed. Your 👍/👎 on answers.",
      "Not your user id, name or message: a keyed hash of your id stands in, so your questions can be counted and found again, and one vote per person kept.",
      `Everything is deleted after ${days} days. Server admins see their own server's questions in /gaps (the texts and counts, not who asked), to improve the answers.`,
      "`/privacy forget` deletes everything kept about you, at once.",
    ].join("\n\n"),
  privacyOff: "This Receipts keeps no log of questions: nothing you ask is stored.",
  privacyUnavailable:
    "The question log is not running right now, so nothing you ask is being stored. What was kept before is deleted after the retention period; `/privacy forget` works again once it runs.",
  forgotten: (q, v) =>
    q + v === 0
      ? "Nothing was kept about you: there was nothing to delete."
      : `Deleted ${plural(q, "question", "questions")} and ${plural(v, "vote", "votes")} of yours.`,
  forgetFailed:
    "I could not delete your questions right now (the log is busy or unavailable). Nothing was deleted; please try again in a minute.",
  gapsNotAdmin:
    "Only server managers and configured admins can read the gaps report. Nothing was shown.",
  gapsOff: "The question log is off or not running, so there is no gaps report.",
  gapsTitle: (days) => `Gaps: the last ${plural(days, "day", "days")}`,
  gapsTotals: (t) =>
    `${plural(t.questions, "question", "questions")}: ${t.answered} answered, ${t.askedBack} asked back, ${t.declined} declined · 👍 ${t.up} · 👎 ${t.down}`,
  gapsNone: "Nothing to look at: no question was declined, asked back or voted down.",
  gapsGroup: (g) =>
    `${plural(g.count, "time", "times")} by ${plural(g.askers, "person", "people")}, last ${g.lastAsked}`,
  gapsVotes: (up, down) => `👍 ${up} · 👎 ${down}`,
  gapsClosest: "Closest facts",
  gapsPage: (p, n) => `Page ${p} of ${n}`,
  gapsStale: "That page of the gaps report is out of date: run /gaps again.",
  decision: {
    answered: "answered",
    noted: "answered with a note",
    "asked-back": "asked back",
    declined: "declined",
  },
};

const nl: QuestionLogMessages = {
  voteNoted: (up) =>
    `Bedankt, genoteerd: ${up ? "👍" : "👎"}. Klik op de andere knop om je stem te wijzigen.`,
  voteExpired: (days) =>
    `Dat antwoord is ouder dan ${days} dagen en bewaar ik niet meer; je stem is niet geteld. Stel je vraag opnieuw om op een nieuw antwoord te stemmen.`,
  voteUnknown: "Dat antwoord bewaar ik niet meer (het is verwijderd); je stem is niet geteld.",
  voteUnavailable: "Stemmen worden nu niet bewaard, dus de jouwe is niet geteld. Sorry!",
  privacyTitle: "Wat Receipts bewaart",
  privacyKept: (days) =>
    [
      "Van elke vraag: wanneer, in welke server, hoe (opdracht, vermelding, menu), je Discord-taal, de tekst van de vraag (zonder vermeldingen), hoe ik antwoordde en welke feiten ik toonde. Je 👍/👎 bij antwoorden.",
      "Niet je gebruikers-id, naam of bericht: een versleutelde hash van je id staat ervoor in de plaats, zodat je vragen geteld en teruggevonden kunnen worden en één stem per persoon telt.",
      `Alles wordt na ${days} dagen verwijderd. Serverbeheerders zien de vragen van hun eigen server in /hiaten (de teksten en aantallen, niet wie iets vroeg), om de antwoorden te verbeteren.`,
      "`/privacy vergeet` verwijdert meteen alles wat over jou bewaard is.",
    ].join("\n\n"),
  privacyOff: "Deze Receipts houdt geen vragen bij: niets wat je vraagt wordt bewaard.",
  privacyUnavailable:
    "Het vragenlogboek draait nu niet, dus wat je vraagt wordt niet bewaard. Wat eerder bewaard is, wordt na de bewaartermijn verwijderd; `/privacy vergeet` werkt weer zodra het draait.",
  forgotten: (q, v) =>
    q + v === 0
      ? "Er was niets over jou bewaard: er viel niets te verwijderen."
      : `${q} ${q === 1 ? "vraag" : "vragen"} en ${v} ${v === 1 ? "stem" : "stemmen"} van jou verwijderd.`,
  forgetFailed:
    "Ik kon je vragen nu niet verwijderen (het logboek is bezet of niet beschikbaar). Er is niets verwijderd; probeer het over een minuut opnieuw.",
  gapsNotAdmin:
    "Alleen serverbeheerders en ingestelde beheerders kunnen het hiatenrapport lezen. Er is niets getoond.",
  gapsOff: "Het vragenlogboek staat uit of draait niet, dus er is geen hiatenrapport.",
  gapsTitle: (days) => `Hiaten: de laatste ${days} ${days === 1 ? "dag" : "dagen"}`,
  gapsTotals: (t) =>
    `${t.questions} ${t.questions === 1 ? "vraag" : "vragen"}: ${t.answered} beantwoord, ${t.askedBack} teruggevraagd, ${t.declined} afgewezen · 👍 ${t.up} · 👎 ${t.down}`,
  gapsNone: "Niets om naar te kijken: geen vraag is afgewezen, teruggevraagd of afgestemd.",
  gapsGroup: (g) =>
    `${g.count} keer door ${g.askers} ${g.askers === 1 ? "persoon" : "personen"}, laatst ${g.lastAsked}`,
  gapsVotes: (up, down) => `👍 ${up} · 👎 ${down}`,
  gapsClosest: "Dichtstbijzijnde feiten",
  gapsPage: (p, n) => `Pagina ${p} van ${n}`,
  gapsStale: "Die pagina van het hiatenrapport is verouderd: gebruik /hiaten opnieuw.",
  decision: {
    answered: "beantwoord",
    noted: "beantwoord met een kanttekening",
    "asked-back": "teruggevraagd",
    declined: "afgewezen",
  },
};

export const QUESTION_LOG_CATALOGUE: Readonly<Record<Locale, QuestionLogMessages>> = { en, nl };

export function questionLogMessages(locale: Locale): QuestionLogMessages {
  return QUESTION_LOG_CATALOGUE[locale];
}
