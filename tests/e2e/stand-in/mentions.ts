// Who a message would notify, given its content and allowed_mentions, by Discord's rules:
// without allowed_mentions every mention in the content pings (the bot may mention @everyone);
// with it, only the kinds in `parse` and the ids listed in `users` / `roles` do. Embeds never ping.
import { isRecord } from "./limits.js";

export interface Pings {
  everyone: boolean;
  users: string[];
  roles: string[];
  /** The author of the message replied to (message_reference) is notified. */
  repliedUser: boolean;
}

export const NO_PINGS: Pings = { everyone: false, users: [], roles: [], repliedUser: false };

export function mentionedIn(content: string) {
  return {
    everyone: /@(everyone|here)/.test(content),
    users: [...content.matchAll(/<@!?(\d{17,20})>/g)].map((m) => m[1] as string),
    roles: [...content.matchAll(/<@&(\d{17,20})>/g)].map((m) => m[1] as string),
  };
}

function idList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

export function pingsOf(body: unknown, isReply: boolean): Pings {
  const message = isRecord(body) ? body : {};
  const content = typeof message.content === "string" ? message.content : "";
  const found = mentionedIn(content);
  const allowed = message.allowed_mentions;
  if (!isRecord(allowed)) {
    return {
      ...found,
      users: unique(found.users),
      roles: unique(found.roles),
      repliedUser: isReply,
    };
  }
  const parse = idList(allowed.parse);
  const users = parse.includes("users") ? found.users : idList(allowed.users);
  const roles = parse.includes("roles") ? found.roles : idList(allowed.roles);
  return {
    everyone: found.everyone && parse.includes("everyone"),
    users: unique(found.users.filter((id) => users.includes(id))),
    roles: unique(found.roles.filter((id) => roles.includes(id))),
    repliedUser: isReply && allowed.replied_user === true,
  };
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

export function pingsAnyone(pings: Pings): boolean {
  return pings.everyone || pings.users.length > 0 || pings.roles.length > 0 || pings.repliedUser;
}
