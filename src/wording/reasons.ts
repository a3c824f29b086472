/**
 * The engine's reason codes worded for people, in English and Dutch. The engine returns codes
 * with parameters (`Reason`); the CLI words them in English, the bot in the reader's language.
 * Every code of `ReasonCode` has a wording in both languages: the type makes a missing one a
 * compile error, and a test checks no wording is empty.
 */
import type { Answer, Reason, ReasonCode } from "../engine/index.js";
import type { InfoKind } from "../knowledge/schema.js";

export type Lang = "en" | "nl";

const SUBJECT: Record<Lang, Record<InfoKind, string>> = {
  en: {
    amount: "an amount of money",
    count: "a number",
    person: "the names of the people involved",
    date: "a date",
    duration: "how long it lasted",
    consequence: "a fine, lawsuit or other consequence",
    aftermath: "what happened after the reporting",
    opinion: "opinions: they report what happened and what was said",
    reporting: "who reported it",
    apology: "an apology",
    name: "the name",
    advice: "advice",
    requirement: "what it required",
    statement: "a response or statement from the company",
    future: "predictions: they report up to December 2018",
    use: "what the data was used for",
    ranking: "a ranking of which was most or least",
    // Never a reason (`ranksOnly`), worded all the same: every kind has a wording.
    ability: "what more a partner could do",
  },
  nl: {
    // Each follows "geen": "Mijn bronnen noemen geen geldbedrag".
    amount: "geldbedrag",
    count: "aantal",
    person: "namen van de betrokken personen",
    date: "datum",
    duration: "duur",
    consequence: "boete, rechtszaak of ander gevolg",
    aftermath: "bericht over wat er na de onthulling gebeurde",
    opinion: "meningen: ze melden wat er gebeurde en wat er gezegd is",
    reporting: "medium of verslaggever",
    apology: "excuses",
    name: "naam",
    advice: "advies",
    requirement: "eisen of verplichtingen",
    statement: "reactie of verklaring van het bedrijf",
    future: "voorspellingen: ze melden wat er tot december 2018 gebeurde",
    use: "gebruik van de gegevens",
    ranking: "rangorde van wat het meest of minst was",
    ability: "bericht over wat een partner nog meer kon doen",
  },
};

type Wording = (r: Reason, names: (orgs?: Reason["organizations"]) => string) => string;

const WORDING: Record<Lang, Record<ReasonCode, Wording>> = {
  en: {
    "empty-question": () =>
      "That does not look like a question. Ask me about the December 2018 Facebook data-sharing story.",
    "unknown-names": (r) =>
      `My sources say nothing about ${list(r.names ?? [], "and")}. They cover Facebook's data-sharing partners in December 2018.`,
    advice: () =>
      "My sources report what happened in December 2018; they give no advice or how-to. Ask me what was reported or what a company said.",
    "outside-sources": () =>
      "That is not in my sources: three articles on how Facebook shared users' data with partners (December 2018).",
    "not-in-sources": (r, names) =>
      r.subject === "name" && r.organizations?.length
        ? `My sources do not give the name of ${names(r.organizations)}. What they do cover is below.`
        : r.organizations?.length
          ? `My sources do not give ${SUBJECT.en[r.subject ?? "amount"]} about ${names(r.organizations)}. What they do cover is below.`
          : `My sources do not give ${SUBJECT.en[r.subject ?? "amount"]}.`,
    "did-you-mean": (r, names) =>
      `I do not recognise a company in that question. Did you mean ${names(r.organizations)}?`,
    unsure: () => "I am not sure what you are asking. Did you mean one of these?",
    "unknown-words": (r) => `My sources do not mention: ${(r.words ?? []).join(", ")}.`,
    "off-topic": (r, names) =>
      `The sources do not report that about ${names(r.organizations)}; here is what they do report.`,
    "after-sources": (r) =>
      `My sources end in ${month(r.until, "en")}: they cannot report what happened in ${r.year ?? "that year"}.`,
  },
  nl: {
    "empty-question": () =>
      "Dat lijkt geen vraag. Vraag me iets over het nieuws van december 2018 over Facebook en het delen van gegevens.",
    "unknown-names": (r) =>
      `Mijn bronnen zeggen niets over ${list(r.names ?? [], "en")}. Ze gaan over de partners met wie Facebook in december 2018 gegevens deelde.`,
    advice: () =>
      "Mijn bronnen melden wat er in december 2018 gebeurde; ze geven geen advies of stappenplan. Vraag me wat er gemeld is of wat een bedrijf zei.",
    "outside-sources": () =>
      "Dat staat niet in mijn bronnen: drie artikelen over hoe Facebook gegevens van gebruikers deelde met partners (december 2018).",
    "not-in-sources": (r, names) =>
      r.subject === "name" && r.organizations?.length
        ? `Mijn bronnen noemen de naam van ${names(r.organizations)} niet. Wat ze wel melden staat hieronder.`
        : r.organizations?.length
          ? `Mijn bronnen noemen geen ${SUBJECT.nl[r.subject ?? "amount"]} over ${names(r.organizations)}. Wat ze wel melden staat hieronder.`
          : `Mijn bronnen noemen geen ${SUBJECT.nl[r.subject ?? "amount"]}.`,
    "did-you-mean": (r, names) =>
      `Ik herken geen bedrijf in die vraag. Bedoelde je ${names(r.organizations)}?`,
    unsure: () => "Ik weet niet precies wat je vraagt. Bedoelde je een van deze vragen?",
    "unknown-words": (r) => `Mijn bronnen noemen niet: ${(r.words ?? []).join(", ")}.`,
    "off-topic": (r, names) =>
      `De bronnen melden dat niet over ${names(r.organizations)}; dit melden ze wel.`,
    "after-sources": (r) =>
      `Mijn bronnen lopen tot ${month(r.until, "nl")}: wat er in ${r.year ?? "dat jaar"} gebeurde, kunnen ze niet melden.`,
  },
};

const MONTHS: Record<Lang, readonly string[]> = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  nl: [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
  ],
};

/** "2018-12" → "December 2018" (or "december 2018"). */
function month(date: string | undefined, lang: Lang): string {
  const [year = "", mm = ""] = (date ?? "").split("-");
  const name = MONTHS[lang][Number(mm) - 1];
  return name ? `${name} ${year}` : year;
}

function list(items: readonly string[], and: string): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

export function wordReason(reason: Reason, lang: Lang): string {
  const and = lang === "nl" ? "en" : "and";
  const names = (orgs?: Reason["organizations"]) =>
    list(
      (orgs ?? []).map((o) => o.name),
      and,
    );
  return WORDING[lang][reason.code](reason, names);
}

/** The reason of an answer that was not given, or its notes joined, worded; undefined if none. */
export function wordAnswerMessage(a: Answer, lang: Lang): string | undefined {
  if (a.reason) return wordReason(a.reason, lang);
  if (a.notes.length === 0) return undefined;
  return a.notes.map((n) => wordReason(n, lang)).join(" ");
}
