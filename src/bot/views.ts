/**
 * The views the commands, buttons and mentions share: an answer to a question, everything on one
 * company a page at a time. They call the engine with the base they are given and hand the
 * result to the renderers.
 */
import { type Answer, answer, companyAnswer, suggestOrganizations } from "../engine/index.js";
import type { KnowledgeBase, Organization } from "../knowledge/schema.js";
import { buildCustomId } from "./custom-id.js";
import type { Locale } from "./i18n.js";
import { messages } from "./i18n.js";
import { type NavButton, renderAnswer } from "./render/answer.js";
import { type CompanyPage, renderCompanyPage } from "./render/company.js";
import type { RenderedMessage } from "./render/limits.js";
import { escapeText } from "./render/text.js";
import { baseStamp } from "./stamp.js";

export interface QuestionViewOptions {
  /** A reply to a mention: Discord shows the question above it already. */
  readonly mention?: boolean;
  /** Told the answer and the engine's time (the question log). */
  readonly observe?: (answer: Answer, engineMs: number) => void;
}

/** The answer to a question in one message, with "All on X (N)" for what it leaves out. */
export function questionView(
  question: string,
  kb: KnowledgeBase,
  locale: Locale,
  options: QuestionViewOptions = {},
): RenderedMessage[] {
  const started = performance.now();
  const a = answer(question, kb);
  options.observe?.(a, performance.now() - started);
  const t = messages(locale);
  const subjects = [
    ...new Set(a.groups.filter((g) => g.kind !== "position").map((g) => g.company.id)),
  ];
  // Worked out once: the renderer asks for the buttons each time it tries a layout.
  const everything = subjects.slice(0, 2).map((id) => {
    const all = companyAnswer(id, kb);
    return {
      id,
      name: all?.companies[0]?.name ?? id,
      facts: all?.groups.flatMap((g) => g.facts) ?? [],
    };
  });
  const more = (shown: readonly string[]): NavButton[] =>
    everything.flatMap(({ id, name, facts }) => {
      const rest = facts.filter((f) => !shown.includes(f));
      const customId = buildCustomId({
        kind: "page",
        id,
        page: 0,
        stamp: baseStamp(kb),
        skip: positions(kb, shown),
        open: true,
      });
      return rest.length > 0 && customId
        ? [{ customId, label: t.allOnButton(name, rest.length) }]
        : [];
    });
  const askId = (id: string) => buildCustomId({ kind: "ask", id, stamp: baseStamp(kb) });
  return [renderAnswer(a, locale, { more, askId, ...(options.mention ? { heading: false } : {}) })];
}

export interface CompanyViewOptions {
  readonly page?: number;
  /** Who may turn the pages of this message (a public view); undefined for a private one. */
  readonly owner?: string;
  /** Positions in the base's fact list of facts shown already, left out. */
  readonly skip?: readonly number[];
}

/** One page of everything the base holds on an organization, or undefined for an unknown id. */
export function companyPageView(
  organizationId: string,
  kb: KnowledgeBase,
  locale: Locale,
  options: CompanyViewOptions = {},
): CompanyPage | undefined {
  const a = companyAnswer(organizationId, kb);
  const own = a?.companies[0];
  if (!a || !own) return undefined;
  const t = messages(locale);
  const skip = options.skip ?? [];
  const skipIds = new Set(skip.map((i) => kb.facts[i]?.id).filter((id): id is string => !!id));
  const ids = {
    to: (page: number) =>
      buildCustomId({
        kind: "page",
        id: organizationId,
        page,
        ...(options.owner ? { owner: options.owner } : {}),
        stamp: baseStamp(kb),
        skip,
      }),
    inert: (slot: "prev" | "page" | "next") => `receipts:v1:pgx:${slot}`,
  };
  const heading = `**${t.companyTitle(escapeText(own.name))}**`;
  return renderCompanyPage(a, locale, options.page ?? 0, ids, heading, skipIds);
}

/** The first page of an organization's view, as messages to send; undefined for an unknown id. */
export function companyView(
  organizationId: string,
  kb: KnowledgeBase,
  locale: Locale,
  options: CompanyViewOptions = {},
): RenderedMessage[] | undefined {
  const view = companyPageView(organizationId, kb, locale, options);
  return view ? [view.message] : undefined;
}

/** The organization a typed name means: an exact id (from autocomplete), else the best match. */
export function resolveOrganization(text: string, kb: KnowledgeBase): Organization | undefined {
  const trimmed = text.trim();
  return kb.organizations.find((o) => o.id === trimmed) ?? suggestOrganizations(trimmed, kb, 1)[0];
}

/** Where the facts are in the base's list, for a button to name them in a few characters. */
function positions(kb: KnowledgeBase, ids: readonly string[]): number[] {
  const wanted = new Set(ids);
  const out: number[] = [];
  kb.facts.forEach((f, i) => {
    if (wanted.has(f.id)) out.push(i);
  });
  return out.slice(0, 10);
}
