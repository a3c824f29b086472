/**
 * Registers the registry's commands with Discord: to one server when a guild id is set (instant),
 * globally otherwise. A PUT replaces the whole set, so Discord ends up with exactly these.
 */
import { DiscordAPIError, REST, Routes } from "discord.js";
import type { BotConfig } from "./config.js";
import { commandDefinitions } from "./registry.js";

export type DeployConfig = Pick<BotConfig, "token" | "clientId" | "guildId" | "apiBase">;

export interface DeployResult {
  readonly scope: "guild" | "global";
  readonly names: readonly string[];
}

export async function deployCommands(config: DeployConfig): Promise<DeployResult> {
  const rest = new REST({ api: config.apiBase }).setToken(config.token);
  const body = commandDefinitions();
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.clientId, config.guildId)
    : Routes.applicationCommands(config.clientId);
  try {
    const registered = (await rest.put(route, { body })) as { name: string }[];
    return { scope: config.guildId ? "guild" : "global", names: registered.map((c) => c.name) };
  } catch (error) {
    throw new Error(deployErrorMessage(error, config), { cause: error });
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

function deployErrorMessage(error: unknown, config: DeployConfig): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) {
      return "Discord rejected DISCORD_TOKEN (401): reset it in the Developer Portal (your application → Bot → Reset Token) and update .env.";
    }
    if (error.status === 403 || error.code === 50001) {
      return `Discord refused access (${error.status}): is the bot in server ${config.guildId ?? "(none)"} and was it invited with the applications.commands scope?`;
    }
    if (error.status === 404 || error.code === 10002) {
      return "Discord does not know this application: check DISCORD_CLIENT_ID (the Application ID).";
    }
    return `Discord refused the commands (${error.status}, code ${error.code}): ${error.message}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Could not reach Discord at ${config.apiBase}: ${message}`;
}
