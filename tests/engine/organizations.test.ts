import { beforeAll, describe, expect, it } from "vitest";
import { tokenize } from "../../src/engine/normalize.js";
import { findOrganizations } from "../../src/engine/organizations.js";
import { type Prepared, prepare } from "../../src/engine/prepare.js";
import { projectKnowledge } from "./knowledge.js";

let p: Prepared;
beforeAll(async () => {
  p = prepare(await projectKnowledge());
});

const orgs = (text: string) =>
  findOrganizations(tokenize(text), p.organizations, p.vocabulary).map((m) => m.id);

describe("organization detection", () => {
  it("finds names and multi-word names, in the order they appear", () => {
    expect(orgs("did Spotify and Netflix read messages")).toEqual(["spotify", "netflix"]);
    expect(orgs("could the royal bank of canada see chats")).toEqual(["royal-bank-of-canada"]);
    expect(orgs("what did the New York Times find")).toEqual(["new-york-times"]);
  });

  it("finds aliases: abbreviations, former names and products", () => {
    expect(orgs("RBC")).toEqual(["royal-bank-of-canada"]);
    expect(orgs("what did Meta say")).toEqual(["facebook"]);
    expect(orgs("NYT report")).toEqual(["new-york-times"]);
    expect(orgs("what was Bing used for")).toEqual(["microsoft"]);
    expect(orgs("could Alexa read my email")).toEqual(["amazon"]);
    expect(orgs("the music streamer admitted it")).toEqual(["spotify"]);
    expect(orgs("wat meldt NU.nl")).toEqual(["nu-nl"]);
  });

  it("tolerates typos in names and across words", () => {
    expect(orgs("did spotfy read")).toEqual(["spotify"]);
    expect(orgs("netflx")).toEqual(["netflix"]);
    expect(orgs("microsft")).toEqual(["microsoft"]);
    expect(orgs("mircosoft")).toEqual(["microsoft"]);
    expect(orgs("royl bank canda")).toEqual(["royal-bank-of-canada"]);
    expect(orgs("the new yrok times")).toEqual(["new-york-times"]);
    expect(orgs("cambrige analytica")).toEqual(["cambridge-analytica"]);
    expect(orgs("facebok")).toEqual(["facebook"]);
    expect(orgs("aple contacts")).toEqual(["apple"]);
    const u = tokenize("cambridge analitica trump");
    const found = findOrganizations(u, p.organizations, p.vocabulary);
    expect(found.map((m) => [m.id, m.typed])).toEqual([
      ["cambridge-analytica", "cambridge analitica"],
      ["trump-campaign", "trump"],
    ]);
  });

  it("does not turn ordinary English or Dutch words into organizations", () => {
    const ordinary = [
      "can read the nu now apply ample message messages bank banking times amazing amazed",
      "spotted data delete friends metal sonic being binge trumpet alexandria",
      "wat heeft nu de berichten gelezen toestemming vrienden gegevens gebruikers",
    ];
    const found = ordinary.flatMap(orgs);
    expect(found).toEqual([]);
  });

  it("reads a description with 'that', 'which' or 'die' as with 'the'", () => {
    expect(orgs("en die bank dan?")).toEqual(["royal-bank-of-canada"]);
    expect(orgs("bet u cant even tell me which bank it was")).toEqual(["royal-bank-of-canada"]);
    expect(orgs("what did that music streamer admit")).toEqual(["spotify"]);
    // The company by what the articles say it did with the data: Bing, Microsoft's search engine.
    expect(orgs("what did the search engine company get")).toEqual(["microsoft"]);
    // Stock tickers are how people type companies in chat.
    expect(orgs("is amzn still getting the data")).toEqual(["amazon"]);
    expect(orgs("did MS get friends data")).toEqual(["microsoft"]);
    expect(orgs("what did the political data company do")).toEqual(["cambridge-analytica"]);
  });

  it("reads a name that is also a stop word in lower case only where the writer uses no capitals", () => {
    expect(orgs("wat deed ms met die data")).toEqual(["microsoft"]);
    expect(orgs("ok whats the ca thing")).toEqual(["cambridge-analytica"]);
    // With capitals elsewhere, case is the writer's: "ms" is not "MS".
    expect(orgs("Did ms get anything from Facebook")).toEqual(["facebook"]);
    expect(orgs("Did MS get anything from Facebook")).toEqual(["microsoft", "facebook"]);
  });

  it("reads a description's company noun as any other: firm, company, outfit", () => {
    expect(orgs("the data outfit from the election ads")).toEqual(["cambridge-analytica"]);
    expect(orgs("what did the analytics firm do")).toEqual(["cambridge-analytica"]);
    expect(orgs("what did fb's spin doctors do")).toEqual(["facebook", "pr-firm"]);
    // No typo of a description across a stop word it lacks: "company, i zoned" is not Apple's
    // "company (that makes the) iphone".
    expect(orgs("some election company, i zoned out")).toEqual([]);
    // A swapped noun never turns a name into a description: "PR firm" is the PR firm's alias.
    const [m] = findOrganizations(
      tokenize("what did that pr firm do"),
      p.organizations,
      p.vocabulary,
    );
    expect(m).toMatchObject({ id: "pr-firm", description: false });
  });

  it("tells one streamer from another by its description, not by a typo of the other's", () => {
    // "film streamer" is one edit-distance step further from "music streamer" than from nothing:
    // it must be Netflix's own description, not a typo of Spotify's.
    expect(orgs("the film streamer, did it read dms")).toEqual(["netflix"]);
    expect(orgs("heeft de muziek streamer berichten gelezen")).toEqual(["spotify"]);
    expect(orgs("what did the grey lady find")).toEqual(["new-york-times"]);
    expect(orgs("so the song app admitted it?")).toEqual(["spotify"]);
    // A description of several stands for all of them.
    expect(orgs("did the streaming companies read messages")).toEqual(["netflix", "spotify"]);
    expect(orgs("what did the streaming app say")).toEqual(["netflix", "spotify"]);
    expect(orgs("what did the music streaming app say")).toEqual(["spotify"]);
  });

  it("reads a typo in a name that starts with a stop word ('pr' is on the English list)", () => {
    expect(orgs("what did the pr frim do")).toEqual(["pr-firm"]);
    // An article starting a phrase is not a name's word: "the company" is not "the PR company".
    expect(orgs("the company behind bing, did they delete it")).toEqual(["microsoft"]);
  });

  it("does not read a plural name less its s as a typo of it: a window is not Windows", () => {
    expect(orgs("sorry for the transfer window chatter, but did netflix read dms")).toEqual([
      "netflix",
    ]);
    expect(orgs("what did windws get")).toEqual(["microsoft"]);
  });

  it("reads a name of several words with a typo in each word, never a short word turned into another", () => {
    const typed = (text: string) =>
      findOrganizations(tokenize(text), p.organizations, p.vocabulary).map((m) => m.typed);
    // "Spotify AB" is an alias: "pay" is a word of the question, not "AB" mistyped.
    expect(typed("did spotify pay facebook for the access")).toEqual(["spotify", "facebook"]);
    expect(orgs("royal bak of canda could read chats")).toEqual(["royal-bank-of-canada"]);
    expect(orgs("cambridge analitica")).toEqual(["cambridge-analytica"]);
  });

  it("matches the Dutch word 'nu' (now) only when typed as the outlet's name", () => {
    expect(orgs("heeft spotify nu nog toegang")).toEqual(["spotify"]);
    expect(orgs("wat schreef NU over Netflix")).toEqual(["nu-nl", "netflix"]);
  });

  it("never reads a word the fact base uses for something else as a misspelt name", () => {
    const nameWords = p.organizations.nameWords;
    // A one-word description ("webwinkelgigant") names its organizations on purpose.
    const described = new Set(
      p.kb.organizations.flatMap((o) => o.descriptions).filter((d) => !d.includes(" ")),
    );
    const mistaken = [...p.vocabulary.words.keys()]
      .filter((w) => !nameWords.has(w) && !described.has(w))
      .filter((w) => orgs(w).length > 0);
    expect(mistaken).toEqual([]);
  });
});
