/**
 * Button custom ids: versioned (`receipts:v1:...`) so a change of format makes old buttons stale
 * rather than misread, and parsed with zod so a forged id is rejected, not trusted. A page button
 * carries the fact base's stamp, so a button made before a /reload is recognised as stale.
 */
import { z } from "zod";
import { Id } from "../knowledge/schema.js";
import { LIMITS } from "./render/limits.js";

const PREFIX = "receipts";
const VERSION = "v1";
/** Pages of a view; more would never fit a base a curator can read. */
const MAX_PAGE = 999;

export interface PageAction {
  readonly kind: "page";
  /** The organization whose view it is. */
  readonly id: string;
  /** From 0. */
  readonly page: number;
  /** The user who may turn the pages; undefined: whoever presses (a private view). */
  readonly owner?: string;
  /** The fact base the button was made for (see stamp.ts). */
  readonly stamp: string;
  /** Positions in the base's fact list of the facts to leave out (shown already). */
  readonly skip: readonly number[];
  /** "All on X": opens the view in a new private message rather than turning a page. */
  readonly open?: boolean;
}

export type ButtonAction =
  | { readonly kind: "sources" }
  | { readonly kind: "company"; readonly id: string }
  | PageAction
  /** A clarification or suggestion: asks the curated question `id` (knowledge/questions.yaml). */
  | { readonly kind: "ask"; readonly id: string; readonly stamp: string }
  /** A disabled button (a page label, an arrow at the end): never pressed, never acted on. */
  | { readonly kind: "inert"; readonly slot: "prev" | "page" | "next" };

const Owner = z.union([z.literal("-"), z.string().regex(/^\d{1,20}$/)]);
const Skip = z.union([z.literal("-"), z.string().regex(/^[0-9a-z]{1,4}(\.[0-9a-z]{1,4}){0,9}$/)]);
const Page = z.string().regex(/^\d{1,3}$/);

const ActionSchema = z.union([
  z.tuple([z.literal(PREFIX), z.literal(VERSION), z.literal("sources")]),
  z.tuple([z.literal(PREFIX), z.literal(VERSION), z.literal("company"), Id.max(64)]),
  z.tuple([
    z.literal(PREFIX),
    z.literal(VERSION),
    z.literal("pg"),
    Id.max(40),
    Page,
    Owner,
    z.string().regex(/^[0-9a-z]{6}$/),
    Skip,
  ]),
  z.tuple([
    z.literal(PREFIX),
    z.literal(VERSION),
    z.literal("ask"),
    Id.max(60),
    z.string().regex(/^[0-9a-z]{6}$/),
  ]),
  z.tuple([
    z.literal(PREFIX),
    z.literal(VERSION),
    z.literal("all"),
    Id.max(40),
    z.string().regex(/^[0-9a-z]{6}$/),
    Skip,
  ]),
  z.tuple([
    z.literal(PREFIX),
    z.literal(VERSION),
    z.literal("pgx"),
    z.enum(["prev", "page", "next"]),
  ]),
]);

function partsOf(action: ButtonAction): string[] {
  switch (action.kind) {
    case "sources":
      return ["sources"];
    case "company":
      return ["company", action.id];
    case "inert":
      return ["pgx", action.slot];
    case "ask":
      return ["ask", action.id, action.stamp];
    case "page":
      if (action.open) return ["all", action.id, action.stamp, skipOf(action.skip)];
      return [
        "pg",
        action.id,
        String(action.page),
        action.owner ?? "-",
        action.stamp,
        skipOf(action.skip),
      ];
  }
}

function skipOf(skip: readonly number[]): string {
  return skip.length > 0 ? skip.map((n) => n.toString(36)).join(".") : "-";
}

function skipFrom(text: string): number[] {
  return text === "-" ? [] : text.split(".").map((n) => Number.parseInt(n, 36));
}

/** The custom id for an action, or undefined when it cannot be one (an id too long or odd). */
export function buildCustomId(action: ButtonAction): string | undefined {
  if (action.kind === "page" && (action.page < 0 || action.page > MAX_PAGE)) return undefined;
  const id = [PREFIX, VERSION, ...partsOf(action)].join(":");
  return parseCustomId(id) ? id : undefined;
}

/** The action a custom id stands for, or undefined for a stale, foreign or forged one. */
export function parseCustomId(customId: unknown): ButtonAction | undefined {
  if (typeof customId !== "string" || customId.length > LIMITS.customId) return undefined;
  const parsed = ActionSchema.safeParse(customId.split(":"));
  if (!parsed.success) return undefined;
  const d = parsed.data;
  if (d[2] === "sources") return { kind: "sources" };
  if (d[2] === "company") return { kind: "company", id: d[3] };
  if (d[2] === "pgx") return { kind: "inert", slot: d[3] };
  if (d[2] === "ask") return { kind: "ask", id: d[3], stamp: d[4] };
  if (d[2] === "all") {
    return { kind: "page", id: d[3], page: 0, stamp: d[4], skip: skipFrom(d[5]), open: true };
  }
  const [, , , id, page, owner, stamp, skip] = d;
  return {
    kind: "page",
    id,
    page: Number(page),
    ...(owner === "-" ? {} : { owner }),
    stamp,
    skip: skipFrom(skip),
  };
}
