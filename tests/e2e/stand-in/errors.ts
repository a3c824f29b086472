// Discord's error bodies. A 50035 "Invalid Form Body" nests its problems by the path of the
// offending field: { errors: { data: { embeds: { "0": { title: { _errors: [...] } } } } } }.

export type FieldPath = ReadonlyArray<string | number>;

export interface FieldError {
  path: FieldPath;
  code: string;
  message: string;
}

export class FormErrors {
  readonly list: FieldError[] = [];

  add(path: FieldPath, code: string, message: string): void {
    this.list.push({ path, code, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** The `errors` object of Discord's 50035 body. */
  toNested(): Record<string, unknown> {
    const root: Record<string, unknown> = {};
    for (const { path, code, message } of this.list) {
      let node = root;
      for (const key of path) {
        const name = String(key);
        node[name] ??= {};
        node = node[name] as Record<string, unknown>;
      }
      node._errors ??= [];
      (node._errors as Array<{ code: string; message: string }>).push({ code, message });
    }
    return root;
  }
}

export interface DiscordError {
  status: number;
  body: { message: string; code: number; errors?: Record<string, unknown> };
}

export function invalidFormBody(errors: FormErrors): DiscordError {
  return {
    status: 400,
    body: { message: "Invalid Form Body", code: 50035, errors: errors.toNested() },
  };
}

export const errors = {
  unauthorized: (): DiscordError => ({
    status: 401,
    body: { message: "401: Unauthorized", code: 0 },
  }),
  notFound: (): DiscordError => ({ status: 404, body: { message: "404: Not Found", code: 0 } }),
  unknownChannel: (): DiscordError => ({
    status: 404,
    body: { message: "Unknown Channel", code: 10003 },
  }),
  unknownMember: (): DiscordError => ({
    status: 404,
    body: { message: "Unknown Member", code: 10007 },
  }),
  unknownMessage: (): DiscordError => ({
    status: 404,
    body: { message: "Unknown Message", code: 10008 },
  }),
  unknownWebhook: (): DiscordError => ({
    status: 404,
    body: { message: "Unknown Webhook", code: 10015 },
  }),
  unknownInteraction: (): DiscordError => ({
    status: 404,
    body: { message: "Unknown interaction", code: 10062 },
  }),
  alreadyAcknowledged: (): DiscordError => ({
    status: 400,
    body: { message: "Interaction has already been acknowledged.", code: 40060 },
  }),
  emptyMessage: (): DiscordError => ({
    status: 400,
    body: { message: "Cannot send an empty message", code: 50006 },
  }),
  invalidJson: (): DiscordError => ({
    status: 400,
    body: { message: "The request body contains invalid JSON.", code: 50109 },
  }),
  unknownApplication: (): DiscordError => ({
    status: 404,
    body: { message: "Unknown Application", code: 10002 },
  }),
  unknownGuild: (): DiscordError => ({
    status: 404,
    body: { message: "Unknown Guild", code: 10004 },
  }),
  missingAccess: (): DiscordError => ({
    status: 403,
    body: { message: "Missing Access", code: 50001 },
  }),
  missingPermissions: (): DiscordError => ({
    status: 403,
    body: { message: "Missing Permissions", code: 50013 },
  }),
  replyWithoutHistory: (): DiscordError => ({
    status: 403,
    body: { message: "Cannot reply without permission to read message history", code: 160002 },
  }),
};
