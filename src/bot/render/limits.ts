/**
 * Discord's message limits, and a checker that lists every limit a payload breaks. The renderers
 * build within these limits; the checker is the tests' judge and the last guard before sending.
 */
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from "discord.js";

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedsTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** What a renderer produces: one Discord message, without delivery options. */
export interface RenderedMessage {
  readonly content?: string;
  readonly embeds: readonly APIEmbed[];
  readonly components?: readonly APIActionRowComponent<APIComponentInMessageActionRow>[];
}

/** The characters Discord counts towards the 6000 across a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  n += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Every limit the message breaks, as readable lines; empty when Discord would accept it. */
export function messageProblems(message: RenderedMessage): string[] {
  const problems: string[] = [];
  const over = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${what}: ${length} > ${max}`);
  };
  const content = message.content ?? "";
  over("content", content.length, LIMITS.content);
  if (content.trim() === "" && message.embeds.length === 0) problems.push("empty message");
  over("embeds", message.embeds.length, LIMITS.embeds);
  let total = 0;
  message.embeds.forEach((e, i) => {
    over(`embeds[${i}].title`, e.title?.length ?? 0, LIMITS.embedTitle);
    over(`embeds[${i}].description`, e.description?.length ?? 0, LIMITS.embedDescription);
    over(`embeds[${i}].footer`, e.footer?.text.length ?? 0, LIMITS.footer);
    over(`embeds[${i}].author`, e.author?.name.length ?? 0, LIMITS.author);
    over(`embeds[${i}].fields`, e.fields?.length ?? 0, LIMITS.embedFields);
    (e.fields ?? []).forEach((f, j) => {
      over(`embeds[${i}].fields[${j}].name`, f.name.length, LIMITS.fieldName);
      over(`embeds[${i}].fields[${j}].value`, f.value.length, LIMITS.fieldValue);
      if (f.name.trim() === "" || f.value.trim() === "") {
        problems.push(`embeds[${i}].fields[${j}] is empty`);
      }
    });
    if (embedLength(e) === 0) problems.push(`embeds[${i}] is empty`);
    total += embedLength(e);
  });
  over("embeds total", total, LIMITS.embedsTotal);
  const rows = message.components ?? [];
  over("action rows", rows.length, LIMITS.actionRows);
  rows.forEach((row, i) => {
    over(`components[${i}]`, row.components.length, LIMITS.buttonsPerRow);
    row.components.forEach((c, j) => {
      if ("custom_id" in c) over(`components[${i}][${j}].custom_id`, c.custom_id.length, 100);
      if ("label" in c && c.label !== undefined) {
        over(`components[${i}][${j}].label`, c.label.length, LIMITS.buttonLabel);
      }
    });
  });
  return problems;
}
