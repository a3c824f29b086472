// Interaction responses: the callback (within 3 s of dispatch, once), then the interaction
// webhook: the original response (@original, which arrives URL-encoded as %40original and is
// decoded before routing) and follow-ups.
import { InteractionResponseType } from "discord.js";
import { errors, FormErrors, invalidFormBody } from "./errors.js";
import { isRecord, validateChoices, validateMessage } from "./limits.js";
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
import type { CallbackAttempt, InteractionKind, InteractionRecord, StandInState } from "./state.js";

const R = InteractionResponseType;
const ALLOWED_TYPES: Record<InteractionKind, number[]> = {
  command: [R.ChannelMessageWithSource, R.DeferredChannelMessageWithSource, R.Modal],
  component: [
    R.ChannelMessageWithSource,
    R.DeferredChannelMessageWithSource,
    R.DeferredMessageUpdate,
    R.UpdateMessage,
    R.Modal,
  ],
  autocomplete: [R.ApplicationCommandAutocompleteResult],
  modal: [
    R.ChannelMessageWithSource,
    R.DeferredChannelMessageWithSource,
    R.DeferredMessageUpdate,
    R.UpdateMessage,
  ],
};
const EPHEMERAL = 1 << 6;

function dataOf(body: unknown): Record<string, unknown> {
  return isRecord(body) && isRecord(body.data) ? body.data : {};
}

/** Checks the callback body for its type; returns the error to answer, if any. */
function checkCallback(
  record: InteractionRecord,
  body: unknown,
  hasFiles: boolean,
): RouteResult | undefined {
  const type = isRecord(body) ? body.type : undefined;
  const problems = new FormErrors();
  if (typeof type !== "number" || !ALLOWED_TYPES[record.kind].includes(type)) {
    problems.add(
      ["type"],
      "INTERACTION_RESPONSE_TYPE_INVALID",
      `Response type ${String(type)} is not valid for a ${record.kind} interaction.`,
    );
    return fail(invalidFormBody(problems));
  }
  const data = isRecord(body) ? body.data : undefined;
  if (type === R.ChannelMessageWithSource) {
    const empty = validateMessage(problems, data ?? {}, {
      partial: false,
      path: ["data"],
      hasFiles,
    });
    if (problems.empty && empty) return fail(errors.emptyMessage());
  } else if (type === R.UpdateMessage) {
    validateMessage(problems, data ?? {}, { partial: true, path: ["data"] });
  } else if (type === R.ApplicationCommandAutocompleteResult) {
    validateChoices(problems, ["data"], data);
  }
  return problems.empty ? undefined : fail(invalidFormBody(problems));
}

/** Carries out an accepted callback: creates or edits the message it shows. */
function applyCallback(
  state: StandInState,
  deps: RouteDeps,
  record: InteractionRecord,
  type: number,
  data: Record<string, unknown>,
) {
  const channelId = String(record.payload.channel_id);
  const componentMessage = isRecord(record.payload.message)
    ? String(record.payload.message.id)
    : undefined;
  if (type === R.ChannelMessageWithSource || type === R.DeferredChannelMessageWithSource) {
    const deferred = type === R.DeferredChannelMessageWithSource;
    const body = deferred
      ? { flags: typeof data.flags === "number" ? data.flags & EPHEMERAL : 0 }
      : data;
    const message = createMessage(state, {
      channelId,
      author: state.world.bot,
      body,
      via: "interaction-callback",
      interactionId: record.id,
      loading: deferred,
    });
    record.originalId = message.id;
    if (!message.ephemeral) deps.echoMessage(message);
  } else if (type === R.DeferredMessageUpdate || type === R.UpdateMessage) {
    record.originalId = componentMessage;
    const message = componentMessage ? state.messages.get(componentMessage) : undefined;
    if (message && type === R.UpdateMessage) editMessage(message, data);
  }
}

function callbackResponse(
  state: StandInState,
  record: InteractionRecord,
  request: RouteRequest,
): RouteResult {
  if (request.query.with_response !== "true") return { status: 204, interactionId: record.id };
  const message = record.originalId ? state.messages.get(record.originalId) : undefined;
  const type = isRecord(request.body) ? request.body.type : undefined;
  return {
    status: 200,
    interactionId: record.id,
    body: {
      interaction: {
        id: record.id,
        type: record.payload.type,
        response_message_id: message?.id,
        response_message_loading: message?.loading ?? false,
        response_message_ephemeral: message?.ephemeral ?? false,
      },
      resource: { type, ...(message ? { message: toApiMessage(state, message) } : {}) },
    },
  };
}

function interactionCallback(request: RouteRequest, deps: RouteDeps): RouteResult {
  const { state } = deps;
  const record = state.interactions.get(request.params.id ?? "");
  if (!record || record.token !== request.params.token) return fail(errors.unknownInteraction());
  const at = Date.now();
  const attempt: CallbackAttempt = {
    at,
    latencyMs: at - record.dispatchedAt,
    type: isRecord(request.body) ? request.body.type : undefined,
    data: dataOf(request.body),
    status: 0,
  };
  record.attempts.push(attempt);
  const result = ((): RouteResult => {
    if (attempt.latencyMs > state.ackDeadlineMs) return fail(errors.unknownInteraction());
    if (record.ack) return fail(errors.alreadyAcknowledged());
    const problem = checkCallback(record, request.body, request.files.length > 0);
    if (problem) return problem;
    record.ack = attempt;
    applyCallback(state, deps, record, Number(attempt.type), dataOf(request.body));
    return callbackResponse(state, record, request);
  })();
  attempt.status = result.status;
  return { ...result, interactionId: record.id };
}

/** The interaction behind /webhooks/{application}/{token}, if that webhook can be used yet. */
function webhookInteraction(
  request: RouteRequest,
  state: StandInState,
): InteractionRecord | undefined {
  if (request.params.app !== state.world.application.id) return undefined;
  const record = state.interactionByToken(request.params.token ?? "");
  return record?.ack ? record : undefined;
}

function webhookMessageId(record: InteractionRecord, ref: string | undefined): string | undefined {
  if (ref === "@original") return record.originalId;
  return ref && (ref === record.originalId || record.followUpIds.includes(ref)) ? ref : undefined;
}

function webhookMessage(
  request: RouteRequest,
  deps: RouteDeps,
  method: "GET" | "PATCH" | "DELETE",
): RouteResult {
  const { state } = deps;
  const record = webhookInteraction(request, state);
  if (!record) return fail(errors.unknownWebhook());
  const id = webhookMessageId(record, request.params.message);
  const message = id ? state.messages.get(id) : undefined;
  if (!message) return { ...fail(errors.unknownMessage()), interactionId: record.id };
  if (method === "DELETE") {
    state.messages.delete(message.id);
    return { status: 204, interactionId: record.id };
  }
  if (method === "PATCH") {
    const problems = new FormErrors();
    validateMessage(problems, request.body ?? {}, { partial: true });
    if (!problems.empty) return { ...fail(invalidFormBody(problems)), interactionId: record.id };
    editMessage(message, isRecord(request.body) ? request.body : {});
  }
  return { ...ok(toApiMessage(state, message)), interactionId: record.id };
}

function followUp(request: RouteRequest, deps: RouteDeps): RouteResult {
  const { state } = deps;
  const record = webhookInteraction(request, state);
  if (!record) return fail(errors.unknownWebhook());
  const problems = new FormErrors();
  const empty = validateMessage(problems, request.body ?? {}, {
    partial: false,
    hasFiles: request.files.length > 0,
  });
  if (!problems.empty) return { ...fail(invalidFormBody(problems)), interactionId: record.id };
  if (empty) return { ...fail(errors.emptyMessage()), interactionId: record.id };
  const message = createMessage(state, {
    channelId: String(record.payload.channel_id),
    author: state.world.bot,
    body: request.body as Record<string, unknown>,
    via: "follow-up",
    interactionId: record.id,
  });
  record.followUpIds.push(message.id);
  if (!message.ephemeral) deps.echoMessage(message);
  if (request.query.wait === "false") return { status: 204, interactionId: record.id };
  return { ...ok(toApiMessage(state, message)), interactionId: record.id };
}

export const interactionRoutes: Route[] = [
  route("POST /interactions/:id/:token/callback", interactionCallback, false),
  route(
    "GET /webhooks/:app/:token/messages/:message",
    (r, d) => webhookMessage(r, d, "GET"),
    false,
  ),
  route(
    "PATCH /webhooks/:app/:token/messages/:message",
    (r, d) => webhookMessage(r, d, "PATCH"),
    false,
  ),
  route(
    "DELETE /webhooks/:app/:token/messages/:message",
    (r, d) => webhookMessage(r, d, "DELETE"),
    false,
  ),
  route("POST /webhooks/:app/:token", followUp, false),
];
