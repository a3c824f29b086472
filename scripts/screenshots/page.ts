/**
 * A Discord-like HTML page for one rendered message: the dark theme, a message with the bot's
 * name, its content, 520 px embeds with 14 px text on 18 px lines, block quotes, sub-text and
 * buttons. The sizes follow Discord's desktop client; the font is Noto Sans (Discord's own is not
 * free). Only the Markdown the bot writes is rendered: bold, italic, code, escapes, block
 * quotes, sub-text (`-# `) and line breaks.
 */
import type { APIEmbed } from "discord.js";
import type { RenderedMessage } from "../../src/bot/render/limits.js";

const CSS = `
* { box-sizing: border-box; }
body { margin: 0; background: #313338; color: #dbdee1; font-family: "Noto Sans", "Noto Color Emoji", sans-serif; }
.message { position: relative; padding: 17px 48px 2px 72px; width: 820px; }
.avatar { position: absolute; left: 16px; top: 19px; width: 40px; height: 40px; border-radius: 50%; background: #5865f2; color: #fff; font-weight: 700; font-size: 18px; display: flex; align-items: center; justify-content: center; }
.header { font-size: 16px; line-height: 22px; }
.name { color: #f2f3f5; font-weight: 600; }
.tag { background: #5865f2; color: #fff; font-size: 10px; font-weight: 600; border-radius: 3px; padding: 1px 4px; margin-left: 4px; vertical-align: 2px; }
.time { color: #949ba4; font-size: 12px; margin-left: 6px; }
.content { font-size: 16px; line-height: 22px; white-space: pre-wrap; overflow-wrap: anywhere; }
.embed { max-width: 520px; margin-top: 2px; margin-bottom: 2px; background: #2b2d31; border-left: 4px solid #4e5058; border-radius: 4px; padding: 8px 16px 16px 12px; display: grid; }
.embed > * { margin-top: 8px; }
.etitle { color: #f2f3f5; font-weight: 600; font-size: 16px; line-height: 22px; }
.edesc, .fvalue { font-size: 14px; line-height: 18px; white-space: pre-wrap; overflow-wrap: anywhere; }
.fname { font-size: 14px; line-height: 18px; font-weight: 600; color: #f2f3f5; margin-bottom: 2px; }
.footer { font-size: 12px; line-height: 16px; color: #b5bac1; }
.quote { display: flex; }
.quote::before { content: ""; width: 4px; border-radius: 4px; background: #4e5058; flex: none; }
.quote > div { padding: 0 8px 0 12px; white-space: pre-wrap; }
.sub { font-size: 13px; line-height: 16px; color: #949ba4; }
strong { color: #f2f3f5; font-weight: 700; }
code { background: #1e1f22; border-radius: 3px; padding: 0 3px; font-size: 85%; font-family: "Noto Sans Mono", monospace; }
.rows { margin-top: 4px; }
.row { display: flex; gap: 8px; margin: 4px 0; }
.button { height: 32px; min-width: 60px; padding: 2px 16px; border-radius: 3px; background: #4e5058; color: #fff; font-size: 14px; font-weight: 500; display: flex; align-items: center; justify-content: center; }
.button.primary { background: #5865f2; }
.button.disabled { opacity: 0.5; }
`;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Bold, italic and escapes, as Discord renders them. */
function inline(text: string): string {
  const escaped: string[] = [];
  const held = text.replace(/\\(.)/g, (_m, c: string) => {
    escaped.push(c);
    return `\uE000${escaped.length - 1}\uE000`;
  });
  const html = esc(held)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/\*(.+?)\*/g, "<em>$1</em>");
  return html.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => esc(escaped[Number(i)] ?? ""));
}

/** Lines to HTML: runs of `> ` lines as one block quote, `-# ` as sub-text, the rest as text. */
function markdown(text: string): string {
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length > 0) out.push(`<div class="quote"><div>${quote.join("\n")}</div></div>`);
    quote = [];
  };
  for (const line of text.split("\n")) {
    if (line.startsWith("> ") || line === ">") {
      quote.push(inline(line.slice(2)));
      continue;
    }
    flush();
    if (line.startsWith("-# ")) out.push(`<div class="sub">${inline(line.slice(3))}</div>`);
    else out.push(`<div>${inline(line) || "&nbsp;"}</div>`);
  }
  flush();
  return out.join("");
}

function embed(e: APIEmbed): string {
  const color = `#${(e.color ?? 0x4e5058).toString(16).padStart(6, "0")}`;
  const parts: string[] = [];
  if (e.title) parts.push(`<div class="etitle">${inline(e.title)}</div>`);
  if (e.description) parts.push(`<div class="edesc">${markdown(e.description)}</div>`);
  for (const f of e.fields ?? []) {
    parts.push(
      `<div><div class="fname">${inline(f.name)}</div><div class="fvalue">${markdown(f.value)}</div></div>`,
    );
  }
  if (e.footer) parts.push(`<div class="footer">${esc(e.footer.text)}</div>`);
  return `<div class="embed" style="border-left-color:${color}">${parts.join("")}</div>`;
}

export function discordPage(message: RenderedMessage): string {
  const rows = (message.components ?? []).map((row) => {
    const buttons = row.components.map((c) => {
      if (!("style" in c)) return "";
      const label =
        "label" in c && c.label ? esc(c.label) : "emoji" in c && c.emoji?.name ? c.emoji.name : "";
      const disabled = "disabled" in c && c.disabled ? " disabled" : "";
      const primary = c.style === 1 ? " primary" : "";
      return `<div class="button${primary}${disabled}">${label}</div>`;
    });
    return `<div class="row">${buttons.join("")}</div>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body>
<div class="message"><div class="avatar">R</div>
<div class="header"><span class="name">Receipts</span><span class="tag">APP</span><span class="time">Today at 21:04</span></div>
${message.content ? `<div class="content">${markdown(message.content)}</div>` : ""}
${message.embeds.map(embed).join("")}
${rows.length > 0 ? `<div class="rows">${rows.join("")}</div>` : ""}
</div></body></html>`;
}
