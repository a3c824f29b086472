// deployCommands against a tiny local HTTP server (the full stand-in is in tests/e2e).
import { writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployCommands } from "../../src/bot/deploy-commands.js";
import { commandDefinitions } from "../../src/bot/registry.js";
import { StartupError, startBot } from "../../src/bot/start.js";
import { copyOf, FIXTURE_DIR, memoryLoggerFor, TOKEN, testConfig } from "./helpers.js";

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  body: unknown;
}

let server: Server;
let base: string;
const seen: Seen[] = [];
let status = 200;

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : undefined;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const parsed = await body(req);
    seen.push({
      method: req.method ?? "",
      url: req.url ?? "",
      auth: req.headers.authorization,
      body: parsed,
    });
    res.setHeader("Content-Type", "application/json");
    if (status !== 200) {
      res.statusCode = status;
      res.end(JSON.stringify({ message: "401: Unauthorized", code: 0 }));
      return;
    }
    const commands = (parsed as { name: string }[]).map((c, i) => ({
      ...c,
      id: `90000000000000000${i}`,
    }));
    res.end(JSON.stringify(commands));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("deployCommands", () => {
  it("PUTs exactly the registry's commands to one server when a guild id is set", async () => {
    seen.length = 0;
    const config = testConfig({ apiBase: base, guildId: "500000000000000001" });
    const result = await deployCommands(config);
    expect(result.scope).toBe("guild");
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe("PUT");
    expect(seen[0]?.url).toBe(
      `/api/v10/applications/${config.clientId}/guilds/500000000000000001/commands`,
    );
    expect(seen[0]?.auth).toBe(`Bot ${TOKEN}`);
    expect(seen[0]?.body).toEqual(JSON.parse(JSON.stringify(commandDefinitions())));
    expect(result.names).toEqual(commandDefinitions().map((c) => c.name));
  });

  it("registers globally without a guild id", async () => {
    seen.length = 0;
    const config = testConfig({ apiBase: base });
    expect((await deployCommands(config)).scope).toBe("global");
    expect(seen[0]?.url).toBe(`/api/v10/applications/${config.clientId}/commands`);
  });

  it("explains a rejected token without showing it", async () => {
    status = 401;
    try {
      const error = await deployCommands(testConfig({ apiBase: base })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(String((error as Error).message)).toMatch(/DISCORD_TOKEN/);
      expect(String((error as Error).message)).not.toContain(TOKEN);
    } finally {
      status = 200;
    }
  });
});

describe("startBot", () => {
  it("refuses a broken fact base before connecting, naming the problems", async () => {
    const dir = copyOf(FIXTURE_DIR);
    writeFileSync(`${dir}/topics.yaml`, "not: a list\n");
    seen.length = 0;
    const error = await startBot(testConfig({ apiBase: base, knowledgeDir: dir }), {
      logger: memoryLoggerFor(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toContain("topics.yaml");
    expect(seen).toHaveLength(0);
  });
});
