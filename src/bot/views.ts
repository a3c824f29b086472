/**
 * The views the commands, buttons and mentions share: an answer to a question, everything on one
 * company a page at a time. They call the engine with the base they are given and hand the
 * result to the renderers.
 */
import { type Answer, answer, companyAnswer, suggestOrganizations } from "../engine/index.js";
import type { KnowledgeBase, Organization } from "../knowledge/schema.js";
import { buildCustomId, type CompanyRef } from "./custom-id.js";
import type { Locale } from "./i18n.js";
import { messages } from "./i18n.js";
import { type Paged, pageIds } from "./paging.js";
import { type NavButton, renderAnswer } from "./render/answer.js";
import { renderCompanyPage } from "./render/company.js";
import type { RenderedMessage } from "./render/limits.js";
import type { RenderedPage } from "./render/page-row.js";
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
        kind: "open",
        of: companyRef(id, kb, positions(kb, shown)),
      });
      return rest.length > 0 && customId
        ? [{ customId, label: t.allOnButton(name, rest.length) }]
        : [];
    });
  const askId = (id: string) => buildCustomId({ kind: "ask", id, stamp: baseStamp(kb) });
  return [renderAnswer(a, locale, { more, askId, ...(options.mention ? { heading: false } : {}) })];
}

/** The view of everything on an organization, `skip` (positions in the base's facts) left out. */
export function companyRef(
  id: string,
  kb: KnowledgeBase,
  skip: readonly number[] = [],
): CompanyRef {
  return { view: "company", id, stamp: baseStamp(kb), skip };
}

/**
 * Everything the base holds on an organization, to page through (paging.ts): the company's own
 * statements first; undefined for an unknown organization or a base other than the ref's.
 */
export function companyPages(of: CompanyRef, kb: KnowledgeBase): Paged | undefined {
  const a = companyAnswer(of.id, kb);
  const own = a?.companies[0];
  if (!a || !own || of.stamp !== baseStamp(kb)) return undefined;
  const skip = new Set(of.skip.map((i) => kb.facts[i]?.id).filter((id): id is string => !!id));
  return (page, locale, ids) => {
    const heading = `**${messages(locale).companyTitle(escapeText(own.name))}**`;
    return renderCompanyPage(a, locale, page, ids, heading, skip);
  };
}

export interface CompanyViewOptions {
  readonly page?: number;
  /** Who may turn the pages of this message (a public view); undefined for a private one. */
  readonly owner?: string;
  /** Positions in the base's fact list of facts shown already, left out. */
  readonly skip?: readonly number[];
}

/** One page of an organization's view, or undefined for an unknown id. */
export function companyPageView(
  organizationId: string,
  kb: KnowledgeBase,
  locale: Locale,
  options: CompanyViewOptions = {},
): RenderedPage | undefined {
  const of = companyRef(organizationId, kb, options.skip);
  return companyPages(of, kb)?.(options.page ?? 0, locale, pageIds(of, options.owner));
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
