/**
 * Button custom ids: versioned (`receipts:v1:...`) so a change of format makes old buttons stale
 * rather than misread, and parsed with zod so a forged id is rejected, not trusted. A page button
 * of every paged view has one form (`pg:<view>:<page>:<owner>:` and what the view is of); a
 * company's carries the fact base's stamp, so a button made before a /reload is recognised as
 * stale.
 */
import { z } from "zod";
import { Id } from "../knowledge/schema.js";
import { MAX_DAYS } from "./gaps-view.js";
import { LIMITS } from "./render/limits.js";

const PREFIX = "receipts";
const VERSION = "v1";
/** Pages of a view; more would never fit a base a curator can read. */
const MAX_PAGE = 999;

/** Which paged view a page button belongs to, and what the view is of (see paging.ts). */
export type ViewRef =
  | {
      readonly view: "company";
      /** The organization whose view it is. */
      readonly id: string;
      /** The fact base the button was made for (see stamp.ts). */
      readonly stamp: string;
      /** Positions in the base's fact list of the facts to leave out (shown already). */
      readonly skip: readonly number[];
    }
  /** The gaps report of the last `days` days: read again for every page, so never stale. */
  | { readonly view: "gaps"; readonly days: number };

export type CompanyRef = Extract<ViewRef, { view: "company" }>;

/** A page button: turns `of` to `page`. */
export interface PageAction {
  readonly kind: "page";
  readonly of: ViewRef;
  /** From 0. */
  readonly page: number;
  /** The user who may turn the pages; undefined: whoever presses (a private view). */
  readonly owner?: string;
}

export type ButtonAction =
  | { readonly kind: "sources" }
  | { readonly kind: "company"; readonly id: string }
  | PageAction
  /** "All on X": opens a company's view in a new private message. */
  | { readonly kind: "open"; readonly of: CompanyRef }
  /** A clarification or suggestion: asks the curated question `id` (knowledge/questions.yaml). */
  | { readonly kind: "ask"; readonly id: string; readonly stamp: string }
  /** A disabled button (a page label, an arrow at the end): never pressed, never acted on. */
  | { readonly kind: "inert"; readonly slot: "prev" | "page" | "next" };

const Owner = z.union([z.literal("-"), z.string().regex(/^\d{1,20}$/)]);
const Skip = z.union([z.literal("-"), z.string().regex(/^[0-9a-z]{1,4}(\.[0-9a-z]{1,4}){0,9}$/)]);
const Page = z.string().regex(/^\d{1,3}$/);
const Stamp = z.string().regex(/^[0-9a-z]{6}$/);
const Days = z
  .string()
  .regex(/^\d{1,2}$/)
  .refine((d) => Number(d) >= 1 && Number(d) <= MAX_DAYS);

const ActionSchema = z.union([
  z.tuple([z.literal(PREFIX), z.literal(VERSION), z.literal("sources")]),
  z.tuple([z.literal(PREFIX), z.literal(VERSION), z.literal("company"), Id.max(64)]),
  // A page: the view's tag, the page, who turns it, then what the view is of.
  z.tuple([
    z.literal(PREFIX),
    z.literal(VERSION),
    z.literal("pg"),
    z.literal("co"),
    Page,
    Owner,
    Id.max(40),
    Stamp,
    Skip,
  ]),
  z.tuple([
    z.literal(PREFIX),
    z.literal(VERSION),
    z.literal("pg"),
    z.literal("gaps"),
    Page,
    Owner,
    Days,
  ]),
  z.tuple([z.literal(PREFIX), z.literal(VERSION), z.literal("ask"), Id.max(60), Stamp]),
  z.tuple([z.literal(PREFIX), z.literal(VERSION), z.literal("all"), Id.max(40), Stamp, Skip]),
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
    case "open":
      return ["all", ...companyParts(action.of)];
    case "page": {
      const { of } = action;
      const head = [String(action.page), action.owner ?? "-"];
      if (of.view === "company") return ["pg", "co", ...head, ...companyParts(of)];
      return ["pg", "gaps", ...head, String(of.days)];
    }
  }
}

function companyParts(of: CompanyRef): string[] {
  return [of.id, of.stamp, skipOf(of.skip)];
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
    return { kind: "open", of: { view: "company", id: d[3], stamp: d[4], skip: skipFrom(d[5]) } };
  }
  const of: ViewRef =
    d[3] === "co"
      ? { view: "company", id: d[6], stamp: d[7], skip: skipFrom(d[8]) }
      : { view: "gaps", days: Number(d[6]) };
  const owner = d[5];
  return { kind: "page", of, page: Number(d[4]), ...(owner === "-" ? {} : { owner }) };
}
