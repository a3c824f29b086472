/**
 * Button custom ids: versioned (`receipts:v1:...`) so a change of format makes old buttons stale
 * rather than misread, and parsed with zod so a forged id is rejected, not trusted.
 */
import { z } from "zod";
import { Id } from "../knowledge/schema.js";
import { LIMITS } from "./render/limits.js";

const PREFIX = "receipts";
const VERSION = "v1";

export type ButtonAction = { readonly kind: "sources" } | { readonly kind: "company"; id: string };

const ActionSchema = z.union([
  z.tuple([z.literal(PREFIX), z.literal(VERSION), z.literal("sources")]),
  z.tuple([z.literal(PREFIX), z.literal(VERSION), z.literal("company"), Id.max(64)]),
]);

/** The custom id for an action, or undefined when it cannot be one (an id too long or odd). */
export function buildCustomId(action: ButtonAction): string | undefined {
  const parts = action.kind === "company" ? ["company", action.id] : ["sources"];
  const id = [PREFIX, VERSION, ...parts].join(":");
  return parseCustomId(id) ? id : undefined;
}

/** The action a custom id stands for, or undefined for a stale, foreign or forged one. */
export function parseCustomId(customId: unknown): ButtonAction | undefined {
  if (typeof customId !== "string" || customId.length > LIMITS.customId) return undefined;
  const parsed = ActionSchema.safeParse(customId.split(":"));
  if (!parsed.success) return undefined;
  const [, , kind, id] = parsed.data;
  return kind === "company" && id !== undefined ? { kind, id } : { kind: "sources" };
}
