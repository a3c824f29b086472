/**
 * The bot's own words in English and Dutch. Quotes, names and the engine's notes are not
 * translated here: quotes stay in their original language.
 */
import type { FactKind, Language, Role, VoiceHow } from "../knowledge/schema.js";
import type { KnowledgeCounts } from "./knowledge-store.js";

export type Locale = "en" | "nl";

/** A fact's speaker, as the renderer hands it over: names already joined and escaped. */
export interface VoiceWords {
  readonly who: string;
  readonly spokesperson: boolean;
  readonly how: VoiceHow;
  readonly to?: string;
  /** The article's publisher, when the article names it. */
  readonly publisher?: string;
}

export interface Messages {
  readonly kind: Record<FactKind, string>;
  readonly role: Record<Role, string>;
  readonly language: Record<Language, string>;
  /** Label for our English rendering of a Dutch quote. */
  readonly translation: string;
  readonly source: string;
  readonly publisherNotNamed: string;
  readonly youAsked: string;
  readonly note: string;
  readonly continued: string;
  readonly noResponse: (company: string) => string;
  readonly notInSources: string;
  readonly suggestionsHeading: string;
  readonly answerFooter: string;
  readonly questionShortened: string;
  readonly quoteShortened: string;
  readonly moreNotShown: (facts: number) => string;
  readonly sourcesButton: string;
  readonly moreFromButton: (company: string) => string;
  readonly sourcesTitle: string;
  readonly sourcesIntro: string;
  readonly covers: string;
  readonly helpTitle: string;
  readonly helpAbout: string;
  readonly helpCoversHeading: string;
  readonly helpExamplesHeading: string;
  readonly helpExamples: readonly string[];
  readonly helpCommandsHeading: string;
  readonly helpCommands: readonly string[];
  readonly bareMention: string;
  readonly unknownCompany: (name: string) => string;
  readonly companyTitle: (company: string) => string;
  readonly noTextInMessage: string;
  readonly cooldown: (seconds: number) => string;
  readonly error: (id: string) => string;
  readonly staleButton: string;
  readonly unknownCommand: string;
  readonly notAdmin: string;
  readonly reloadDone: (before: KnowledgeCounts, after: KnowledgeCounts) => string;
  readonly reloadFailed: (problems: number, kept: KnowledgeCounts) => string;
  readonly moreProblems: (n: number) => string;
  readonly shardReloaded: (shard: number, after: KnowledgeCounts) => string;
  readonly shardRefused: (shard: number, problems: number, kept: KnowledgeCounts) => string;
  readonly shardUnreachable: (shard: number, why: string) => string;
  readonly counts: (c: KnowledgeCounts) => string;
  /** "A, B and C". */
  readonly and: string;
  readonly voice: (v: VoiceWords) => string;
  readonly shortLabel: string;
  readonly groupReported: string;
  readonly groupSaid: (company: string) => string;
  readonly groupPosition: (company: string) => string;
  /** Label for our rendering of a quote in another language than the reader's. */
  readonly ourTranslation: string;
  readonly months: readonly string[];
  readonly publisherUnnamed: string;
  readonly allOnButton: (company: string, facts: number) => string;
  readonly pageOf: (page: number, pages: number) => string;
  /** After a title that is our description, not the article's headline. */
  readonly ourTitle: string;
}

const en: Messages = {
  kind: { reported: "Reported", response: "Response", context: "Context" },
  role: {
    platform: "platform",
    partner: "partner",
    "news-outlet": "news outlet",
    regulator: "regulator",
    other: "other",
  },
  language: { en: "English", nl: "Dutch" },
  translation: "Translation from Dutch",
  source: "Source",
  publisherNotNamed: "publisher not named in the article",
  youAsked: "You asked",
  note: "Note",
  continued: "continued",
  noResponse: (company) => `The sources report no response from ${company}.`,
  notInSources: "Not in my sources",
  suggestionsHeading: "You could ask",
  answerFooter: "quote bars are verbatim from the articles; summaries and translations are ours",
  questionShortened: "(question shortened)",
  quoteShortened: "(quote shortened here; the rest is in the source)",
  moreNotShown: (n) => `${n} more ${n === 1 ? "fact is" : "facts are"} not shown here.`,
  sourcesButton: "Sources",
  moreFromButton: (company) => `More from ${company}`,
  sourcesTitle: "Sources",
  sourcesIntro: "Receipts answers only from these articles.",
  covers: "Covers",
  helpTitle: "Receipts",
  helpAbout:
    "I answer questions about one news story with the receipts: in December 2018 The New York Times reported that Facebook let partners read users' private messages and gave others data on users' friends. I reply with verbatim, cited quotes from three articles and each company's own response. A question they do not cover gets an honest “not in my sources”.",
  helpCoversHeading: "Organizations I know about",
  helpExamplesHeading: "Example questions",
  helpExamples: [
    "Did Spotify read private messages?",
    "What did Netflix say?",
    "How did Facebook respond?",
    "Wat zei de Royal Bank of Canada?",
  ],
  helpCommandsHeading: "Commands",
  helpCommands: [
    "`/ask` a question (add `private` to see the answer alone)",
    "`/company` everything the sources hold on one company",
    "`/sources` the articles",
    "Right-click a message → Apps → **Ask Receipts**",
    "Or mention me with a question",
    "`/privacy` what I keep about questions (no user ids) and how to erase yours; 👍/👎 under an answer tells the curators how it did",
  ],
  bareMention:
    "Hi! Mention me with a question, for example: “did Spotify read messages?” /help tells you more.",
  unknownCompany: (name) => `I do not know an organization called “${name}”.`,
  companyTitle: (company) => `Everything on ${company}`,
  noTextInMessage: "That message has no text I can read as a question.",
  cooldown: (s) => `One moment, please: you can ask again in ${s} second${s === 1 ? "" : "s"}.`,
  error: (id) => `Something went wrong on my side. Error id: \`${id}\` (please pass it on).`,
  staleButton:
    "That button is out of date (the fact base changed, or it is not one of mine). Please ask again.",
  unknownCommand: "I do not know that command (any more). Try /help.",
  notAdmin:
    "Only server managers and configured admins can reload the fact base. Nothing was reloaded.",
  reloadDone: (b, a) => `Reloaded the fact base.\nBefore: ${counts(b)}\nNow: ${counts(a)}`,
  reloadFailed: (n, kept) =>
    `The fact base on disk has ${n} problem${n === 1 ? "" : "s"}; nothing was swapped in and the old base (${counts(kept)}) keeps answering.`,
  moreProblems: (n) => `… and ${n} more problem${n === 1 ? "" : "s"}.`,
  shardReloaded: (s, a) => `Shard ${s}: reloaded, now ${counts(a)}.`,
  shardRefused: (s, n, kept) =>
    `Shard ${s}: refused (${n} problem${n === 1 ? "" : "s"}); its old base (${counts(kept)}) keeps answering.`,
  shardUnreachable: (s, why) => `Shard ${s}: did not answer (${why}); it keeps the base it had.`,
  counts: (c) => counts(c),
  and: "and",
  voice: (v) => {
    const who = v.spokesperson ? `A ${v.who} spokesperson` : v.who;
    const by = v.publisher;
    switch (v.how) {
      case "article":
        return v.publisher ?? "The article";
      case "statement":
        return `${who}, in a statement`;
      case "statement-to":
        return `${who}, to ${v.to ?? "the outlet"}`;
      case "blog-post":
        return `${who}, in a blog post`;
      case "reported-by":
        return by ? `${who}, as reported by ${by}` : `${who}, as reported`;
      case "cited-by":
        return by ? `${who}, as cited by ${by}` : `${who}, as cited`;
      case "paraphrased-by":
        return `${who}, as paraphrased${by ? ` by ${by}` : ""} (not a direct quote)`;
    }
  },
  shortLabel: "Our summary; the quotes below are verbatim",
  groupReported: "What was reported",
  groupSaid: (c) => `What ${c} said`,
  groupPosition: (c) => `${c}'s position`,
  ourTranslation: "Our translation",
  months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  publisherUnnamed: "publisher not named",
  allOnButton: (c, n) => `All on ${c} (${n})`,
  pageOf: (p, n) => `${p}/${n}`,
  ourTitle: "our description",
};

const nl: Messages = {
  kind: { reported: "Gemeld", response: "Reactie", context: "Context" },
  role: {
    platform: "platform",
    partner: "partner",
    "news-outlet": "nieuwsmedium",
    regulator: "toezichthouder",
    other: "overig",
  },
  language: { en: "Engels", nl: "Nederlands" },
  translation: "Engelse vertaling",
  source: "Bron",
  publisherNotNamed: "uitgever niet genoemd in het artikel",
  youAsked: "Je vroeg",
  note: "Let op",
  continued: "vervolg",
  noResponse: (company) => `De bronnen melden geen reactie van ${company}.`,
  notInSources: "Niet in mijn bronnen",
  suggestionsHeading: "Je zou kunnen vragen",
  answerFooter: "citaten met een balk zijn letterlijk; samenvattingen en vertalingen zijn van ons",
  questionShortened: "(vraag ingekort)",
  quoteShortened: "(citaat hier ingekort; de rest staat in de bron)",
  moreNotShown: (n) => `${n} ${n === 1 ? "feit staat" : "feiten staan"} hier niet bij.`,
  sourcesButton: "Bronnen",
  moreFromButton: (company) => `Meer over ${company}`,
  sourcesTitle: "Bronnen",
  sourcesIntro: "Receipts antwoordt alleen uit deze artikelen.",
  covers: "Onderwerpen",
  helpTitle: "Receipts",
  helpAbout:
    "Ik beantwoord vragen over één nieuwsverhaal, met bewijs: in december 2018 meldde The New York Times dat Facebook partners de privéberichten van gebruikers liet lezen en anderen gegevens over vrienden van gebruikers gaf. Ik antwoord met letterlijke citaten uit drie artikelen, met bron, en met de reactie van elk bedrijf. Staat iets niet in de artikelen, dan zeg ik dat eerlijk.",
  helpCoversHeading: "Organisaties die ik ken",
  helpExamplesHeading: "Voorbeeldvragen",
  helpExamples: [
    "Las Spotify privéberichten?",
    "Wat zei Netflix?",
    "Hoe reageerde Facebook?",
    "What did the Royal Bank of Canada say?",
  ],
  helpCommandsHeading: "Opdrachten",
  helpCommands: [
    "`/vraag` een vraag (met `privé` zie alleen jij het antwoord)",
    "`/bedrijf` alles wat de bronnen over één bedrijf zeggen",
    "`/bronnen` de artikelen",
    "Rechtsklik op een bericht → Apps → **Vraag het Receipts**",
    "Of noem mij met een vraag",
    "`/privacy` wat ik over vragen bewaar (geen gebruikers-id's) en hoe je het jouwe wist; 👍/👎 onder een antwoord laat de beheerders weten hoe het ging",
  ],
  bareMention:
    "Hoi! Noem mij met een vraag, bijvoorbeeld: “las Spotify berichten?” /hulp vertelt meer.",
  unknownCompany: (name) => `Ik ken geen organisatie met de naam “${name}”.`,
  companyTitle: (company) => `Alles over ${company}`,
  noTextInMessage: "In dat bericht staat geen tekst die ik als vraag kan lezen.",
  cooldown: (s) => `Even geduld: over ${s} seconde${s === 1 ? "" : "n"} kun je weer iets vragen.`,
  error: (id) => `Er ging bij mij iets mis. Foutcode: \`${id}\` (geef die gerust door).`,
  staleButton:
    "Die knop is verouderd (de feitenbank is veranderd, of de knop is niet van mij). Stel je vraag opnieuw.",
  unknownCommand: "Die opdracht ken ik niet (meer). Probeer /hulp.",
  notAdmin:
    "Alleen serverbeheerders en ingestelde beheerders kunnen de feitenbank herladen. Er is niets herladen.",
  reloadDone: (b, a) => `Feitenbank herladen.\nVoorheen: ${counten(b)}\nNu: ${counten(a)}`,
  reloadFailed: (n, kept) =>
    `De feitenbank op schijf heeft ${n} ${n === 1 ? "probleem" : "problemen"}; er is niets vervangen en de oude (${counten(kept)}) blijft antwoorden.`,
  moreProblems: (n) => `… en nog ${n} ${n === 1 ? "probleem" : "problemen"}.`,
  shardReloaded: (s, a) => `Shard ${s}: herladen, nu ${counten(a)}.`,
  shardRefused: (s, n, kept) =>
    `Shard ${s}: geweigerd (${n} ${n === 1 ? "probleem" : "problemen"}); de oude feitenbank (${counten(kept)}) blijft antwoorden.`,
  shardUnreachable: (s, why) =>
    `Shard ${s}: gaf geen antwoord (${why}); die houdt de feitenbank die hij had.`,
  counts: (c) => counten(c),
  and: "en",
  voice: (v) => {
    const who = v.spokesperson ? `Een woordvoerder van ${v.who}` : v.who;
    const by = v.publisher;
    switch (v.how) {
      case "article":
        return v.publisher ?? "Het artikel";
      case "statement":
        return `${who}, in een verklaring`;
      case "statement-to":
        return `${who}, tegen ${v.to ?? "het medium"}`;
      case "blog-post":
        return `${who}, in een blogpost`;
      case "reported-by":
        return by ? `${who}, volgens ${by}` : `${who}, zoals gemeld`;
      case "cited-by":
        return by ? `${who}, aangehaald door ${by}` : `${who}, aangehaald`;
      case "paraphrased-by":
        return `${who}, in de woorden van ${by ?? "het artikel"} (geen letterlijk citaat)`;
    }
  },
  shortLabel: "Onze samenvatting; de citaten hieronder zijn letterlijk",
  groupReported: "Wat er gemeld werd",
  groupSaid: (c) => `Wat ${c} zei`,
  groupPosition: (c) => `Het standpunt van ${c}`,
  ourTranslation: "Onze vertaling",
  months: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  publisherUnnamed: "uitgever niet genoemd",
  allOnButton: (c, n) => `Alles over ${c} (${n})`,
  pageOf: (p, n) => `${p}/${n}`,
  ourTitle: "onze omschrijving",
};

function counts(c: KnowledgeCounts): string {
  return `${c.sources} sources, ${c.organizations} organizations, ${c.facts} facts`;
}

function counten(c: KnowledgeCounts): string {
  return `${c.sources} bronnen, ${c.organizations} organisaties, ${c.facts} feiten`;
}

export const CATALOGUE: Readonly<Record<Locale, Messages>> = { en, nl };

export const LOCALES: readonly Locale[] = ["en", "nl"];

/** Discord sends `nl` for Dutch; every other locale gets English. */
export function localeOf(discordLocale: string | null | undefined): Locale {
  return discordLocale?.toLowerCase().startsWith("nl") ? "nl" : "en";
}

export function messages(locale: Locale): Messages {
  return CATALOGUE[locale];
}
