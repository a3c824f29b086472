/** Counts that describe a loaded fact base, for `npm run knowledge:check`. */
import type { FactKind, KnowledgeBase } from "./schema.js";

export interface Count {
  readonly id: string;
  readonly label: string;
  readonly facts: number;
}

export interface Summary {
  readonly sources: number;
  readonly organizations: number;
  readonly topics: number;
  readonly facts: number;
  /** Facts whose `about` lists the organization, in the order of organizations.yaml. */
  readonly perOrganization: readonly Count[];
  readonly perKind: readonly Count[];
  readonly perSource: readonly Count[];
}

const KINDS: readonly FactKind[] = ["reported", "response", "context"];

export function summarize(kb: KnowledgeBase): Summary {
  const count = (test: (f: KnowledgeBase["facts"][number]) => boolean) =>
    kb.facts.filter(test).length;
  return {
    sources: kb.sources.length,
    organizations: kb.organizations.length,
    topics: kb.topics.length,
    facts: kb.facts.length,
    perOrganization: kb.organizations.map((o) => ({
      id: o.id,
      label: `${o.name} (${o.role})`,
      facts: count((f) => f.about.includes(o.id)),
    })),
    perKind: KINDS.map((kind) => ({ id: kind, label: kind, facts: count((f) => f.kind === kind) })),
    perSource: kb.sources.map((s) => ({
      id: s.id,
      label: `${s.id} (${s.language})`,
      facts: count((f) => f.source === s.id),
    })),
  };
}
