/**
 * `/reload` (admins): loads the fact base from disk, validates it and swaps it in at once, or
 * reports its problems while the old base keeps answering. Hidden from non-admins by default
 * member permissions; the handler checks again, since server admins can change who sees it.
 * Under the ShardingManager it reloads every shard and reports each one.
 */
import {
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import type { CommandContext } from "../src/bot/command.js";
import { isAdmin, roleIdsOf } from "../src/bot/permissions.js";
import { reloadKnowledge } from "../src/bot/reload.js";
import { renderReload, renderShardReloads } from "../src/bot/render/pages.js";
import { reloadEveryShard } from "../src/bot/shard-reload.js";

export const data = new SlashCommandBuilder()
  .setName("reload")
  .setNameLocalization("nl", "herladen")
  .setDescription("Admins: reload the fact base from disk (the old one stays if the new is broken)")
  .setDescriptionLocalization(
    "nl",
    "Beheerders: laad de feitenbank opnieuw (de oude blijft als de nieuwe fouten heeft)",
  )
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

export async function execute(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): Promise<void> {
  const caller = {
    userId: interaction.user.id,
    permissions: interaction.memberPermissions,
    roleIds: roleIdsOf(interaction.member),
  };
  if (!isAdmin(caller, ctx.config)) {
    ctx.logger.warn("reload refused: not an admin", { user: interaction.user.id });
    return ctx.respond.notice(ctx.t.notAdmin);
  }
  ctx.respond.ephemeral = true;
  // Reading and validating the base is disk I/O: acknowledge first.
  await ctx.respond.defer();
  const by = `user ${interaction.user.id}`;
  // Under the ShardingManager every shard has its own base: reload them all, report each.
  const everyShard = reloadEveryShard(interaction.client, by);
  if (everyShard) return ctx.respond.send([renderShardReloads(await everyShard, ctx.locale)]);
  const result = await reloadKnowledge(ctx.store, ctx.logger, by);
  await ctx.respond.send([renderReload(result, ctx.locale)]);
}
