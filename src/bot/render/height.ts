/**
 * A line-count model of how tall a message is in Discord's desktop client: 520 px embeds, 14 px
 * embed text on 18 px lines, block quotes, headers, footers and button rows. The renderers use
 * it to fit an answer in one pane; the tests assert it over every question; the screenshots
 * (npm run screenshots) measure the same payloads in a browser and report the model's error.
 */
import type { APIEmbed } from "discord.js";
import type { RenderedMessage } from "./limits.js";

/** What a laptop's Discord window shows of the messages, in pixels. */
export const PANE = 730;
/** A row of buttons and the gap above it (the 👍/👎 row is added under answers after rendering). */
export const BUTTON_ROW = 40;

/** Characters per line: fitted on every quote, translation and summary of the base, laid out in
 * Chromium with Noto Sans at Discord's sizes (off by 5 to 10 lines in about 340). */
const CHARS = {
  /** Message content: 16 px text across the chat column (about 700 px). */
  content: 92,
  /** Embed description: 14 px text in the 488 px inside a 520 px embed. */
  embed: 73,
  /** A block quote loses its bar and padding (24 px). */
  quote: 69,
  /** Sub-text (`-# `) is 13 px. */
  subtext: 76,
  /** The embed title, 16 px bold. */
  title: 54,
  /** The footer, 12 px. */
  footer: 82,
} as const;

const PX = {
  /** Avatar and name line of the first message, with the gap above it. */
  header: 40,
  contentLine: 22,
  embedLine: 18,
  subtextLine: 16,
  titleLine: 22,
  footerLine: 16,
  /** The embed's padding (8 above, 16 below) and its gap to the content above. */
  embedFrame: 28,
  /** Gap between the embed's title, description and footer. */
  embedGap: 8,
  buttonRow: BUTTON_ROW,
} as const;

/** Lines a paragraph takes when wrapped at `perLine` characters, at word boundaries. */
export function wrappedLines(text: string, perLine: number): number {
  if (text.length === 0) return 1;
  let lines = 1;
  let used = 0;
  for (const word of text.split(" ")) {
    const length = word.length;
    if (used === 0) {
      used = length;
    } else if (used + 1 + length <= perLine) {
      used += 1 + length;
    } else {
      lines++;
      used = length;
    }
    while (used > perLine) {
      lines++;
      used -= perLine;
    }
  }
  return lines;
}

/** Markdown marks take no width once rendered; escapes are one character. */
function visible(line: string): string {
  return line.replace(/\\(.)/g, "$1").replace(/\*\*|__|\*|~~|\|\|/g, "");
}

/** Pixel height of a Markdown description as Discord lays it out. */
export function descriptionHeight(text: string): number {
  let px = 0;
  for (const raw of text.split("\n")) {
    if (raw.startsWith("-# ")) {
      px += PX.subtextLine * wrappedLines(visible(raw.slice(3)), CHARS.subtext);
    } else if (raw.startsWith("> ")) {
      px += PX.embedLine * wrappedLines(visible(raw.slice(2)), CHARS.quote);
    } else {
      px += PX.embedLine * wrappedLines(visible(raw), CHARS.embed);
    }
  }
  return px;
}

export function embedHeight(embed: APIEmbed): number {
  const parts: number[] = [];
  if (embed.title) parts.push(PX.titleLine * wrappedLines(visible(embed.title), CHARS.title));
  if (embed.description) parts.push(descriptionHeight(embed.description));
  for (const f of embed.fields ?? []) {
    parts.push(
      PX.embedLine * wrappedLines(visible(f.name), CHARS.embed) + descriptionHeight(f.value),
    );
  }
  if (embed.footer) parts.push(PX.footerLine * wrappedLines(embed.footer.text, CHARS.footer));
  return (
    PX.embedFrame + parts.reduce((a, b) => a + b, 0) + PX.embedGap * Math.max(0, parts.length - 1)
  );
}

/** Height of one message, its author line included. */
export function messageHeight(message: RenderedMessage): number {
  let px = PX.header;
  if (message.content) {
    for (const line of message.content.split("\n")) {
      px += PX.contentLine * wrappedLines(visible(line), CHARS.content);
    }
  }
  for (const e of message.embeds) px += embedHeight(e);
  px += PX.buttonRow * (message.components?.length ?? 0);
  return px;
}
