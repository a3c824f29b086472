// Route table plumbing: templates like "POST /channels/:channel/messages" matched against the
// decoded path below /api/v10.
import type { DiscordError } from "./errors.js";
import type { RecordedFile, StandInState, StoredMessage } from "./state.js";

export interface RouteRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
}

export interface RouteResult {
  status: number;
  body?: unknown;
  /** The interaction this request belongs to, for the record. */
  interactionId?: string;
}

export interface RouteDeps {
  state: StandInState;
  gatewayUrl: () => string;
  /** MESSAGE_CREATE for a message the bot posted, as Discord echoes it on the gateway. */
  echoMessage: (message: StoredMessage) => void;
}

export interface Route {
  method: string;
  template: string;
  /** False for interaction and webhook routes, which the interaction token authorizes. */
  auth: boolean;
  handle: (request: RouteRequest, deps: RouteDeps) => RouteResult;
}

export function fail(error: DiscordError): RouteResult {
  return { status: error.status, body: error.body };
}

export function ok(body: unknown, status = 200): RouteResult {
  return { status, body };
}

export function route(template: string, handle: Route["handle"], auth = true): Route {
  const [method, path] = template.split(" ") as [string, string];
  return { method, template: `${method} ${path}`, auth, handle };
}

/** Matches a decoded path ("/channels/1/messages") against a route's template. */
export function matchRoute(
  routes: Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const parts = path.split("/").filter(Boolean);
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const pattern = candidate.template
      .slice(method.length + 1)
      .split("/")
      .filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((segment, i) => {
      const part = parts[i] as string;
      if (segment.startsWith(":")) {
        params[segment.slice(1)] = part;
        return true;
      }
      return segment === part;
    });
    if (matches) return { route: candidate, params };
  }
  return undefined;
}
