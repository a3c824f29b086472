/**
 * English and Dutch function words, and the words people wrap a question in ("tell me", "what
 * did … say"). They carry no subject, so they neither rank facts nor count as unknown words.
 * "why", "when", "still" (waarom, wanneer) are kept out on purpose: facts list them as keywords
 * because they change what is asked.
 */
import { stem } from "./stem.js";

const ENGLISH = `a about above after again against all also am an and any are aren arent as at be because been
before being below between both but by can cannot could couldnt did didnt do does doesnt doing dont
down during each even ever every few for from further had hadnt has hasnt have havent having he her
here hers herself him himself his how i if in into is isnt it its itself just lets let me more most
much my myself no nor not now of off on once only or other our ours ourselves out over own really
same she should shouldnt so some such than that thats the their theirs them themselves then there
these they this those through to too under until up upon very was wasnt we were werent what whats
where which while who whom whose will with within without would wouldnt you your yours
yourself yourselves ok okay hey hi hello please pls thanks thank yes yeah yo guys anyone somebody
someone something anything everything tell know wondering wonder curious question explain say
said says think thing things stuff actually basically like kind sort got get gets getting go going
gonna wanna want wants wanted u ur r im ive id youre theyre theres whos hows also maybe
lol wtf omg bro dude pls plz btw idk tho though vs versus exactly precisely literally honestly
seriously anyway anyways wrote`;

const DUTCH = `aan al alle alles als altijd ander andere ben bij daar daarom dan dat de der deze die dit doch
doen door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand
iets ik in is ja je jij jullie kan kon kunnen maar me meer men met mij mijn moet na naar niet niets
nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor waren
was wat we wel werd weer wezen wie wil worden wordt zal ze zei zelf zich zij zijn zo zou hallo hoi
graag eigenlijk even echt vertel weet iemand toch dus ofzo jullie welk welke waar
hoeveel mocht mochten mag mogen konden kunt zullen zouden heb hadden deed deden precies gewoon
trouwens nou misschien sowieso ff schreef schreven schrijft vertelde vertelden vertellen meldde
meldden`;

export const STOPWORDS: ReadonlySet<string> = new Set(
  `${ENGLISH} ${DUTCH}`.split(/\s+/).filter(Boolean),
);
const ENGLISH_WORDS: ReadonlySet<string> = new Set(ENGLISH.split(/\s+/).filter(Boolean));

/**
 * A function word, or an English one inflected ("saying", "letting", "telling"): the stemmer
 * strips English endings, so only English function words are recognised through it.
 */
export function isStopword(folded: string): boolean {
  if (STOPWORDS.has(folded)) return true;
  const base = stem(folded);
  return base !== folded && ENGLISH_WORDS.has(base);
}

/** The interrogatives asking which party: "which companies", "who got", "welke", "wie". */
export const WHO_WORDS: ReadonlySet<string> = new Set(["which", "who", "whom", "welke", "wie"]);

/** Words that mark a question about several companies: "which companies", "welke bedrijven". */
export const WHICH_WORDS: ReadonlySet<string> = new Set([
  ...WHO_WORDS,
  "companies",
  "company",
  "bedrijven",
  "partners",
  "partner",
  "compare",
  "vergelijk",
  "vs",
  "versus",
]);
