// Gateway discovery, the bot's identity, command registration and guild reads.
import { overwriteCommands } from "./commands.js";
import { errors, FormErrors, invalidFormBody } from "./errors.js";
import { allChannels, allRoles, guildCreatePayload, memberPayload } from "./fixtures.js";
import {
  fail,
  ok,
  type Route,
  type RouteDeps,
  type RouteRequest,
  type RouteResult,
  route,
} from "./routes.js";

function applicationObject(deps: RouteDeps) {
  const { world } = deps.state;
  return {
    id: world.application.id,
    name: world.application.name,
    icon: null,
    description: "",
    summary: "",
    type: null,
    bot: world.bot,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: "0".repeat(64),
    flags: world.application.flags,
    owner: world.users.owner,
    team: null,
    approximate_guild_count: 1,
    install_params: { scopes: ["bot", "applications.commands"], permissions: "0" },
    integration_types_config: { "0": {} },
  };
}

/** Commands routes name an application (and a guild); both must be the bot's own. */
function checkScope(request: RouteRequest, deps: RouteDeps): RouteResult | undefined {
  const { world } = deps.state;
  if (request.params.app !== world.application.id) return fail(errors.missingAccess());
  if (request.params.guild !== undefined && request.params.guild !== world.guild.id) {
    return fail(errors.missingAccess());
  }
  return undefined;
}

function listCommands(request: RouteRequest, deps: RouteDeps): RouteResult {
  const denied = checkScope(request, deps);
  if (denied) return denied;
  const { commands } = deps.state;
  return ok(
    request.params.guild ? (commands.guild.get(request.params.guild) ?? []) : commands.global,
  );
}

function putCommands(request: RouteRequest, deps: RouteDeps): RouteResult {
  const denied = checkScope(request, deps);
  if (denied) return denied;
  const { state } = deps;
  const guildId = request.params.guild;
  const previous = guildId ? (state.commands.guild.get(guildId) ?? []) : state.commands.global;
  const problems = new FormErrors();
  const stored = overwriteCommands(problems, request.body, previous, {
    applicationId: state.world.application.id,
    nextId: state.nextId,
    ...(guildId ? { guildId } : {}),
  });
  if (!problems.empty) return fail(invalidFormBody(problems));
  if (guildId) state.commands.guild.set(guildId, stored);
  else state.commands.global = stored;
  return ok(stored);
}

function inGuild(request: RouteRequest, deps: RouteDeps): boolean {
  return request.params.guild === deps.state.world.guild.id;
}

export const applicationRoutes: Route[] = [
  route("GET /gateway/bot", (_request, deps) =>
    ok({
      url: deps.gatewayUrl(),
      shards: deps.state.shardCount,
      session_start_limit: {
        total: 1000,
        remaining: 999,
        reset_after: 14_400_000,
        max_concurrency: 1,
      },
    }),
  ),
  route("GET /gateway", (_request, deps) => ok({ url: deps.gatewayUrl() }), false),
  route("GET /users/@me", (_request, deps) => ok(deps.state.world.bot)),
  route("GET /applications/@me", (_request, deps) => ok(applicationObject(deps))),
  route("GET /oauth2/applications/@me", (_request, deps) => ok(applicationObject(deps))),
  route("GET /applications/:app/commands", listCommands),
  route("PUT /applications/:app/commands", putCommands),
  route("GET /applications/:app/guilds/:guild/commands", listCommands),
  route("PUT /applications/:app/guilds/:guild/commands", putCommands),
  route("GET /guilds/:guild", (request, deps) => {
    if (!inGuild(request, deps)) return fail(errors.unknownGuild());
    const {
      members: _members,
      channels: _channels,
      ...guild
    } = guildCreatePayload(deps.state.world);
    return ok(guild);
  }),
  route("GET /guilds/:guild/roles", (request, deps) =>
    inGuild(request, deps) ? ok(allRoles(deps.state.world)) : fail(errors.unknownGuild()),
  ),
  route("GET /guilds/:guild/channels", (request, deps) =>
    inGuild(request, deps) ? ok(allChannels(deps.state.world)) : fail(errors.unknownGuild()),
  ),
  route("GET /guilds/:guild/members/:user", (request, deps) => {
    if (!inGuild(request, deps)) return fail(errors.unknownGuild());
    const record = deps.state.world.members.get(request.params.user ?? "");
    return record ? ok(memberPayload(deps.state.world, record.user)) : fail(errors.unknownMember());
  }),
];
