/** The text form never lets a terminal escape through, whatever the answer holds. */
import { describe, expect, it } from "vitest";
import { renderText } from "../../src/cli/render-text.js";
import { type Answer, answer } from "../../src/engine/index.js";
import { load } from "../bot/helpers.js";
import { KNOWLEDGE_DIR } from "../engine/knowledge.js";

describe("renderText", () => {
  it("strips escape sequences and control characters from every text it prints", async () => {
    const kb = await load(KNOWLEDGE_DIR);
    const plain = answer("did Spotify read messages?", kb);
    const hostile = JSON.parse(JSON.stringify(plain)) as Answer;
    const company = hostile.companies[0];
    const fact = company?.facts[0];
    if (!company || !fact) throw new Error("expected an answer about Spotify");
    const escapes = "\u001b]0;owned\u0007\u001b[2J\u009b31m\u0000";
    Object.assign(company, { name: `${company.name}${escapes}` });
    Object.assign(fact, { quote: `${escapes}${fact.quote}`, speaker: `${fact.speaker}${escapes}` });
    const text = renderText(hostile);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point.
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).not.toContain("owned");
    expect(text).toContain(fact.quote.replace(escapes, "").slice(0, 30));
  });
});
