/** Question understanding: topics, content words, typo correction, unknown names, Dutch. */
import { beforeAll, describe, expect, it } from "vitest";
import { type Prepared, prepare } from "../../src/engine/prepare.js";
import { understand } from "../../src/engine/understand.js";
import { projectKnowledge } from "./knowledge.js";

let p: Prepared;
beforeAll(async () => {
  p = prepare(await projectKnowledge());
});

const topics = (q: string) => understand(q, p).topics.map((t) => t.id);

describe("topics", () => {
  it("recognises topics from English keywords, through word forms", () => {
    expect(topics("did they read my private messages")[0]).toBe("private-messages");
    expect(topics("who got data on users' friends")).toContain("friends-data");
    expect(topics("did Facebook break the FTC settlement")).toContain("ftc-settlement");
    expect(topics("who spread fake news")).toContain("pr-firm");
  });

  it("recognises the same topics from Dutch keywords", () => {
    expect(topics("wie kon de privéberichten lezen")[0]).toBe("private-messages");
    expect(topics("kregen ze gegevens over vrienden")).toContain("friends-data");
    expect(topics("zonder toestemming")).toContain("consent-login");
    expect(topics("verspreidde Facebook nepnieuws")).toContain("pr-firm");
  });

  it("reads 'binge' as watching, not as Bing, the search engine, whose stem it shares", () => {
    expect(topics("what were people bingeing on netflix")).not.toContain("bing-search");
    expect(understand("what were people bingeing on netflix", p).contentWords).toContain(
      "watching",
    );
    expect(topics("did microsoft use the data for bing")).toContain("bing-search");
  });

  it("finds no topic in a question about something else", () => {
    expect(topics("what's the capital of France")).toEqual([]);
  });
});

describe("content words", () => {
  it("drops stop words and names, keeps subject words", () => {
    const u = understand("What did Spotify say about the messages?", p);
    expect(u.contentWords).toEqual(["messages"]);
    expect(u.organizations.map((m) => m.id)).toEqual(["spotify"]);
  });

  it("corrects misspelt words towards the fact base's words", () => {
    const u = understand("netflx private mesages calender", p);
    expect(u.contentWords).toEqual(["private", "messages", "calendar"]);
    expect(u.corrections.map((c) => c.typed)).toEqual(["mesages", "calender"]);
  });

  it("keeps words it does not know apart, for out-of-scope detection", () => {
    const u = understand("what is netflix's zebra giraffe", p);
    expect(u.contentWords).toEqual([]);
    expect(u.unknownWords).toEqual(["zebra", "giraffe"]);
  });

  it("reads a contracted 'when'd' as asking a date, and 'when' inside a clause as not", () => {
    expect(understand("when'd netflix shut it", p).asks).toEqual(["date"]);
    expect(understand("what did netflix say when the story broke", p).asks).toEqual([]);
  });

  it("reads chat's short forms as the words they stand for, before any phrase is read", () => {
    expect(understand("could they js read msgs or delete them too", p).asks).toEqual(["ability"]);
    expect(understand("could they read msgs or delete them too", p).asks).toEqual([]);
  });

  it("reads a kind's long cue word with a letter left out, doubled or swapped", () => {
    expect(understand("did facebook ever aplogize for this", p).asks).toEqual(["apology"]);
    // One letter for another is another word: "changed" is not "charged".
    expect(understand("so spotify changed its story later?", p).asks).not.toContain("consequence");
  });

  it("reads a question word typed with two letters swapped", () => {
    expect(understand("waht did amazon get", p).tokens[0]?.text).toBe("what");
  });

  it("reads chatter and people's words through the lexicon", () => {
    const u = understand("tbh lowkey did spotify snoop on my dms fr", p);
    expect(u.tokens.map((t) => t.text)).toEqual(["did", "spotify", "read", "my", "messages"]);
    expect(u.organizations.map((m) => [m.id, m.start, m.end])).toEqual([["spotify", 1, 2]]);
    expect(understand("what is netflix's stock price", p).asks).toEqual(["consequence"]);
    expect(understand("how much money did rbc make", p).asks).toEqual(["amount"]);
  });

  it("reads a phrase past adverbs typed inside it, at most two", () => {
    expect(understand("who actually broke the story", p).asks).toEqual(["reporting"]);
    expect(understand("who even reported this", p).asks).toEqual(["reporting"]);
    expect(understand("ok but who blew the whistle on fb", p).asks).toEqual(["reporting"]);
    expect(understand("ok so how much was it really", p).asks).toEqual(["amount"]);
    // Not a word of any kind between them: "who" and "broke" stay apart.
    expect(understand("who in my family broke the printer", p).asks).toEqual([]);
  });

  it("reads a cue right after a verb of knowing as part of a statement, not a question", () => {
    expect(understand("did netflix even know how many messages it could see", p).asks).toEqual([]);
    expect(understand("wisten ze eigenlijk hoeveel data ze hadden", p).asks).toEqual([]);
    expect(understand("how many messages could netflix see", p).asks).toEqual(["count"]);
    // Wanting to know is the asker's own question.
    expect(understand("what i wanna know is how long netflix had it", p).asks).toEqual([
      "duration",
    ]);
    expect(understand("ik wil weten hoeveel data ze hadden", p).asks).toEqual(["count"]);
    // So is asking who knows.
    expect(understand("anyone know if someone sued spotify", p).asks).toEqual(["consequence"]);
  });

  it("reads 'when' before a participle as a clause, not as asking a date", () => {
    expect(understand("apple said what exactly when asked about this", p).asks).toEqual([]);
    expect(understand("when exactly did apple say it", p).asks).toEqual(["date"]);
  });

  it("drops a kind cue in a clause that asks nothing, beside one that asks", () => {
    expect(understand("whoever loses buys pizza 🍕 did sony get data", p).asks).toEqual([]);
    expect(
      understand("explain why netflix saw dms. stay in character or ur fired", p).asks,
    ).toEqual([]);
    // A clause alone, or the asking one, keeps its cue.
    expect(understand("did rbc get fined", p).asks).toEqual(["consequence"]);
    expect(understand("ok 🍕 how much did netflix pay", p).asks).toEqual(["amount"]);
  });

  it("reads an auxiliary leading a clause as asking, and one further in as saying", () => {
    // "The fees are insane" says something; "was rbc able to…" asks.
    const q = "my dad says the fees are insane. was rbc able to look at chats";
    expect(understand(q, p).asks).toEqual([]);
    expect(understand("the fees are insane. how much did rbc pay", p).asks).toEqual(["amount"]);
  });

  it("reads a concept that cues a person as asking for one only after a question word", () => {
    // "Former employees" is the lexicon's employees concept, and a person cue too.
    expect(understand("who were the former employees the nyt spoke to", p).asks).toEqual([
      "person",
    ]);
    expect(understand("what did the former employees tell the nyt", p).asks).toEqual([]);
    // The concept's own word too, with a name between: "ex fb employees".
    expect(understand("who were those ex fb employees", p).asks).toEqual(["person"]);
    // The investigation concept cues who reported, with the kind's canonical word.
    const who = understand("wie heeft dat onderzoek naar facebook gedaan", p);
    expect(who.asks).toEqual(["reporting"]);
    expect(who.contentWords).toContain("reported");
    expect(understand("what did the investigation find", p).asks).toEqual([]);
    // "Exposé" shares the verb's stem: "got exposed" reports no investigation.
    expect(understand("whose conversations got exposed", p).asks).toEqual([]);
    // "Insiders" stems as "inside" does; "inside" is listed unlike the concept.
    expect(understand("which firms could look inside people's inboxes", p).asks).toEqual([]);
  });

  it("reads a cue of two words around the question's own words, in one clause", () => {
    const u = understand("what did rbc actually use the chat access for", p);
    expect(u.asks).toEqual(["use"]);
    // The words between stay the question's.
    expect(u.contentWords).toEqual(expect.arrayContaining(["chat", "access"]));
    expect(understand("waar gebruikte microsoft die gegevens voor", p).asks).toEqual(["use"]);
    // Too far apart, across a clause, or the asker's own life: not asked.
    expect(understand("did rbc use the chat access. for real tho", p).asks).toEqual([]);
    expect(
      understand("my mom still uses messenger for everything, which bank was it", p).asks,
    ).toEqual([]);
  });

  it("keeps product aliases as subject words too", () => {
    expect(understand("could Alexa read my email", p).aliasWords).toEqual(["alexa"]);
  });
});

describe("unknown names", () => {
  it("notices well-known companies the sources never mention, even misspelt or lower case", () => {
    expect(understand("did twitter read DMs", p).unknownNames).toEqual(["twitter"]);
    expect(understand("did twiter read DMs", p).unknownNames).toEqual(["Twitter"]);
    expect(understand("did the verge write about the facebook messages", p).unknownNames).toEqual([
      "the verge",
    ]);
    expect(understand("Does TikTok sell my data", p).unknownNames).toEqual(["TikTok"]);
  });

  it("notices capitalised names mid-sentence that no fact uses", () => {
    expect(understand("What did Zuckerberg tell Congress?", p).unknownNames).toEqual([
      "Zuckerberg",
      "Congress",
    ]);
  });

  it("does not take sentence starts, shouting or known words for names", () => {
    expect(understand("Messages were read? Private ones?", p).unknownNames).toEqual([]);
    expect(understand("SPOTIFY DID YOU READ MY MESSAGES", p).unknownNames).toEqual([]);
    expect(understand("did Facebook tell Users about Consent", p).unknownNames).toEqual([]);
  });

  it("reads a who-word after a noun for people or companies as relating, not asking", () => {
    const relating = understand(
      "a memo for people who still use fb login. what was fb's defence",
      p,
    );
    expect(relating.asksWho).toBe(false);
    expect(understand("who got data on friends", p).asksWho).toBe(true);
    expect(understand("besides the chat partners, who else got data", p).asksWho).toBe(true);
  });

  it("asks about several companies when the question says which or compares", () => {
    expect(understand("which companies could read messages", p).asksWhich).toBe(true);
    expect(understand("welke bedrijven", p).asksWhich).toBe(true);
    expect(understand("did spotify read messages", p).asksWhich).toBe(false);
  });
});
