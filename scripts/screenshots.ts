/**
 * `npm run screenshots`: renders the bot's real payloads for a fixed set of questions into a
 * Discord-like page (dark theme, 520 px embeds, 14 px embed text) and takes PNG screenshots in
 * headless Chromium, into docs/screenshots/. It also measures each message in the browser and
 * prints it beside the line-count model the tests use (src/bot/render/height.ts), and exits 1
 * when the model is off by more than 12%. Not part of CI: it needs a browser (Debian's
 * `chromium`, fonts-noto and fonts-noto-color-emoji).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import type { Locale } from "../src/bot/i18n.js";
import { messageHeight, PANE } from "../src/bot/render/height.js";
import type { RenderedMessage } from "../src/bot/render/limits.js";
import { renderHelp, renderSources } from "../src/bot/render/pages.js";
import { companyPageView, questionView } from "../src/bot/views.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { discordPage } from "./screenshots/page.js";

const OUT = fileURLToPath(new URL("../docs/screenshots/", import.meta.url));
const KNOWLEDGE = fileURLToPath(new URL("../knowledge/", import.meta.url));
/** How far the model may be from the browser's measure before the script fails. */
const TOLERANCE = 0.12;

interface Shot {
  readonly file: string;
  readonly caption: string;
  readonly message: RenderedMessage;
}

async function main(): Promise<void> {
  const loaded = await loadKnowledge(KNOWLEDGE);
  if (!loaded.ok) throw new Error("knowledge/ has problems: run npm run knowledge:check");
  const kb = loaded.kb;
  const ask = (q: string, locale: Locale) => questionView(q, kb, locale)[0] as RenderedMessage;
  const company = (id: string, locale: Locale, page = 0) => {
    const view = companyPageView(id, kb, locale, { owner: "1", page });
    if (!view) throw new Error(`no organization ${id}`);
    return view.message;
  };
  const shots: Shot[] = [
    {
      file: "ask-spotify-en",
      caption: "/ask did Spotify read messages?",
      message: ask("did Spotify read messages?", "en"),
    },
    {
      file: "ask-spotify-nl",
      caption: "/vraag Las Spotify privéberichten? (Dutch client)",
      message: ask("Las Spotify privéberichten?", "nl"),
    },
    {
      file: "ask-netflix-nl",
      caption: "/vraag Wat zei Netflix? (Dutch client)",
      message: ask("Wat zei Netflix?", "nl"),
    },
    {
      file: "ask-which-companies-en",
      caption: "/ask which companies could read private messages?",
      message: ask("which companies could read private messages?", "en"),
    },
    {
      file: "ask-decline-en",
      caption: "/ask did Twitter read DMs?",
      message: ask("did Twitter read DMs?", "en"),
    },
    {
      file: "company-facebook-en-1",
      caption: "/company Facebook (page 1)",
      message: company("facebook", "en"),
    },
    {
      file: "company-facebook-en-2",
      caption: "/company Facebook (page 2, after ▶)",
      message: company("facebook", "en", 1),
    },
    {
      file: "sources-nl",
      caption: "/bronnen (Dutch client)",
      message: renderSources(kb.sources, "nl")[0] as RenderedMessage,
    },
    { file: "help-en", caption: "/help", message: renderHelp(kb, "en") },
  ];
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  let worst = 0;
  try {
    const page = await browser.newPage({
      viewport: { width: 820, height: 900 },
      deviceScaleFactor: 1,
    });
    const rows: string[] = [];
    for (const shot of shots) {
      await page.setContent(discordPage(shot.message), { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready);
      const el = page.locator(".message");
      const box = await el.boundingBox();
      if (!box) throw new Error(`${shot.file}: nothing rendered`);
      await el.screenshot({ path: `${OUT}${shot.file}.png` });
      const model = messageHeight(shot.message);
      const error = (model - box.height) / box.height;
      worst = Math.max(worst, Math.abs(error));
      rows.push(
        `${shot.file.padEnd(26)} browser ${String(Math.round(box.height)).padStart(5)} px   model ${String(model).padStart(5)} px   ${(error * 100).toFixed(1).padStart(6)}%   ${(box.height / PANE).toFixed(2)} panes`,
      );
    }
    const report = rows.join("\n");
    console.log(report);
    writeFileSync(`${OUT}heights.txt`, `${report}\n`);
  } finally {
    await browser.close();
  }
  if (worst > TOLERANCE) {
    console.error(
      `the height model is off by ${(worst * 100).toFixed(1)}% (> ${TOLERANCE * 100}%): recalibrate src/bot/render/height.ts`,
    );
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
