// REST under /api/v10: authentication, injected faults, the routes, and a record of every
// request (unknown ones included, answered 404, so tests can assert none happened).
import type { IncomingMessage, ServerResponse } from "node:http";
import { applicationRoutes } from "./application.js";
import { interactionRoutes } from "./callbacks.js";
import { channelRoutes } from "./channels.js";
import { errors } from "./errors.js";
import { readBody, sendEmpty, sendJson } from "./http.js";
import { isRecord } from "./limits.js";
import { matchRoute, type RouteDeps, type RouteResult } from "./routes.js";
import type { RecordedRequest } from "./state.js";

export const API_PREFIX = "/api/v10";

const routes = [...applicationRoutes, ...interactionRoutes, ...channelRoutes];

function decodePath(pathname: string): string {
  return pathname
    .split("/")
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    })
    .join("/");
}

function allowedMentionsOf(body: unknown): unknown {
  if (!isRecord(body)) return undefined;
  if ("allowed_mentions" in body) return body.allowed_mentions;
  return isRecord(body.data) ? body.data.allowed_mentions : undefined;
}

function respond(res: ServerResponse, result: RouteResult, headers: Record<string, string> = {}) {
  if (result.body === undefined) sendEmpty(res, result.status);
  else sendJson(res, result.status, result.body, headers);
}

export async function handleRest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: RouteDeps,
): Promise<void> {
  const { state } = deps;
  const url = new URL(req.url ?? "/", "http://stand-in.invalid");
  const method = (req.method ?? "GET").toUpperCase();
  const versioned = url.pathname.startsWith(`${API_PREFIX}/`);
  const path = decodePath(versioned ? url.pathname.slice(API_PREFIX.length) : url.pathname);
  const query = Object.fromEntries(url.searchParams);
  const { body, files, invalidJson } = await readBody(req);
  const header = req.headers.authorization;
  const auth: RecordedRequest["auth"] = !header
    ? "missing"
    : header === `Bot ${state.token}`
      ? "bot"
      : "wrong";
  const match = versioned ? matchRoute(routes, method, path) : undefined;

  const finish = (
    result: RouteResult,
    extra: Partial<RecordedRequest> = {},
    headers?: Record<string, string>,
  ) => {
    respond(res, result, headers);
    // Faults and refusals happen before a handler runs: the token in the path still ties them to the interaction.
    const token = match?.params.token;
    const interactionId =
      result.interactionId ?? (token ? state.interactionByToken(token)?.id : undefined);
    state.record({
      at: Date.now(),
      method,
      path: versioned ? path : url.pathname,
      rawPath: url.pathname,
      route: match?.route.template ?? null,
      query,
      auth,
      body,
      files,
      status: result.status,
      response: result.body,
      allowedMentions: allowedMentionsOf(body),
      ...(interactionId ? { interactionId } : {}),
      ...extra,
    });
  };

  if (!match) return finish({ status: 404, body: errors.notFound().body });
  if (match.route.auth && auth !== "bot")
    return finish({ status: 401, body: errors.unauthorized().body });
  const fault = state.takeFault(method, path, match.route.template);
  if (fault) {
    if (fault.status === 429) {
      const retryAfter = fault.retryAfterSeconds;
      const headers: Record<string, string> = {
        "Retry-After": String(retryAfter),
        "X-RateLimit-Scope": fault.global ? "global" : "user",
        ...(fault.global ? { "X-RateLimit-Global": "true" } : {}),
      };
      const limited = {
        message: "You are being rate limited.",
        retry_after: retryAfter,
        global: fault.global,
      };
      return finish({ status: 429, body: limited }, { injected: true }, headers);
    }
    return finish(
      { status: fault.status, body: { message: "500: Internal Server Error", code: 0 } },
      { injected: true },
    );
  }
  if (invalidJson) return finish({ status: 400, body: errors.invalidJson().body });
  let result: RouteResult;
  try {
    result = match.route.handle({ method, path, params: match.params, query, body, files }, deps);
  } catch (error) {
    // A bug in the stand-in, not the client's fault: say so loudly in the response and the record.
    result = { status: 500, body: { message: `stand-in error: ${String(error)}`, code: 0 } };
  }
  finish(result);
}
