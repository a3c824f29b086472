// Channel routes the bot uses: send (and reply to) messages, typing, read and edit messages.
import { type APITextChannel, PermissionFlagsBits } from "discord.js";
import { errors, FormErrors, invalidFormBody } from "./errors.js";
import { channelPermissionsOf, findChannel } from "./fixtures.js";
import { isRecord, validateMessage } from "./limits.js";
import { createMessage, editMessage, toApiMessage } from "./messages.js";
import {
  fail,
  ok,
  type Route,
  type RouteDeps,
  type RouteRequest,
  type RouteResult,
  route,
} from "./routes.js";

function channelOf(request: RouteRequest, deps: RouteDeps) {
  return findChannel(deps.state.world, request.params.channel ?? "");
}

/** A reply must point at a message that exists, unless fail_if_not_exists is false. */
function replyTarget(
  request: RouteRequest,
  deps: RouteDeps,
  problems: FormErrors,
): string | undefined {
  const body = isRecord(request.body) ? request.body : {};
  const reference = body.message_reference;
  if (!isRecord(reference)) return undefined;
  const id = String(reference.message_id ?? "");
  const target = deps.state.messages.get(id);
  const sameChannel =
    target && target.channelId === String(reference.channel_id ?? request.params.channel);
  if (target && sameChannel) return id;
  if (reference.fail_if_not_exists !== false) {
    problems.add(["message_reference"], "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message");
  }
  return undefined;
}

/** What Discord checks before a bot's message: seeing the channel, writing, and for a reply, history. */
function refusedSend(request: RouteRequest, deps: RouteDeps, channel: APITextChannel) {
  const { world } = deps.state;
  const bits = channelPermissionsOf(world, world.bot.id, channel);
  if (!(bits & PermissionFlagsBits.ViewChannel)) return errors.missingAccess();
  if (!(bits & PermissionFlagsBits.SendMessages)) return errors.missingPermissions();
  const body = isRecord(request.body) ? request.body : {};
  if (body.message_reference && !(bits & PermissionFlagsBits.ReadMessageHistory)) {
    return errors.replyWithoutHistory();
  }
  return undefined;
}

function createChannelMessage(request: RouteRequest, deps: RouteDeps): RouteResult {
  const channel = channelOf(request, deps);
  if (!channel) return fail(errors.unknownChannel());
  const refused = refusedSend(request, deps, channel);
  if (refused) return fail(refused);
  const problems = new FormErrors();
  const empty = validateMessage(problems, request.body ?? {}, {
    partial: false,
    hasFiles: request.files.length > 0,
  });
  const replyTo = replyTarget(request, deps, problems);
  if (!problems.empty) return fail(invalidFormBody(problems));
  if (empty) return fail(errors.emptyMessage());
  const message = createMessage(deps.state, {
    channelId: channel.id,
    author: deps.state.world.bot,
    body: request.body as Record<string, unknown>,
    via: "channel",
    ...(replyTo ? { replyTo } : {}),
  });
  deps.echoMessage(message);
  return ok(toApiMessage(deps.state, message));
}

function channelMessage(
  request: RouteRequest,
  deps: RouteDeps,
  method: "GET" | "PATCH" | "DELETE",
): RouteResult {
  if (!channelOf(request, deps)) return fail(errors.unknownChannel());
  const message = deps.state.messages.get(request.params.message ?? "");
  if (!message || message.channelId !== request.params.channel)
    return fail(errors.unknownMessage());
  if (method === "GET") return ok(toApiMessage(deps.state, message));
  if (message.author.id !== deps.state.world.bot.id) {
    return fail({
      status: 403,
      body: { message: "Cannot edit a message authored by another user", code: 50005 },
    });
  }
  if (method === "DELETE") {
    deps.state.messages.delete(message.id);
    return { status: 204 };
  }
  const problems = new FormErrors();
  validateMessage(problems, request.body ?? {}, { partial: true });
  if (!problems.empty) return fail(invalidFormBody(problems));
  editMessage(message, isRecord(request.body) ? request.body : {});
  return ok(toApiMessage(deps.state, message));
}

export const channelRoutes: Route[] = [
  route("GET /channels/:channel", (request, deps) => {
    const channel = channelOf(request, deps);
    return channel ? ok(channel) : fail(errors.unknownChannel());
  }),
  route("POST /channels/:channel/messages", createChannelMessage),
  route("GET /channels/:channel/messages/:message", (r, d) => channelMessage(r, d, "GET")),
  route("PATCH /channels/:channel/messages/:message", (r, d) => channelMessage(r, d, "PATCH")),
  route("DELETE /channels/:channel/messages/:message", (r, d) => channelMessage(r, d, "DELETE")),
  route("POST /channels/:channel/typing", (request, deps) =>
    channelOf(request, deps) ? { status: 204 } : fail(errors.unknownChannel()),
  ),
];
