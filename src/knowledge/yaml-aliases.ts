/**
 * Bounds what YAML aliases can do. An alias (`*name`) repeats the node its anchor (`&name`)
 * marks: cheap to parse (parsers share the node), but every later walk (validation, indexing,
 * answering) pays for each repeat, so a 1 MB file can stand for billions of values ("billion
 * laughs"). A file whose aliases repeat more than `MAX_ALIAS_EXPANSION` values in all is refused,
 * and so is an alias inside the node it names (a value that never ends).
 *
 * Both walks are iterative (a deeply nested file must not overflow the stack) and count each
 * node once, remembering its size, so they cost the file's size, not the expansion's.
 */
import { type Document, isAlias, isMap, isNode, isPair, isScalar, isSeq, type Node } from "yaml";

/** Values that aliases may repeat in one file, counted as lists, fields and their values. */
export const MAX_ALIAS_EXPANSION = 10_000;

export type Verdict = "ok" | "too-many" | "circular";

/**
 * For js-yaml's data, where each repeated object is one shared object: the values repeated
 * beyond the first occurrence of each, against the limit.
 */
export function sharedRepeats(data: unknown, limit = MAX_ALIAS_EXPANSION): Verdict {
  return walk(data, (node) => childrenOfData(node), undefined, limit).verdict;
}

/**
 * The same count on `yaml`'s document, where aliases are nodes of their own: the verdict and the
 * alias at which the limit was passed.
 */
export function aliasRepeats(
  doc: Document,
  limit = MAX_ALIAS_EXPANSION,
): { verdict: Verdict; at?: Node } {
  const anchors = new Map<string, Node>();
  const children = (node: object): unknown[] | undefined => {
    if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
    if (isMap(node))
      return node.items.flatMap((pair) => (isPair(pair) ? [pair.key, pair.value] : []));
    if (isSeq(node)) return node.items;
    return undefined;
  };
  const resolve = (node: object) => (isAlias(node) ? anchors.get(node.source) : undefined);
  return walk(doc.contents, children, resolve, limit);
}

function childrenOfData(node: object): unknown[] {
  return Array.isArray(node) ? node : Object.values(node);
}

interface Frame {
  readonly node: object;
  readonly kids: readonly unknown[];
  next: number;
  size: number;
}

/**
 * Post-order walk: a node's size is 1 plus its children's; a node met again (shared, or through
 * an alias) adds its remembered size to the repeats instead of being walked again.
 */
function walk(
  root: unknown,
  children: (node: object) => readonly unknown[] | undefined,
  resolve: ((node: object) => object | undefined) | undefined,
  limit: number,
): { verdict: Verdict; at?: Node } {
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const stack: Frame[] = [];
  let repeats = 0;
  const enter = (node: unknown, parent: Frame | undefined): Verdict => {
    if (node === null || typeof node !== "object" || isScalar(node)) {
      if (parent) parent.size += 1;
      return "ok";
    }
    const target = resolve?.(node);
    if (resolve && isAlias(node)) {
      if (!target) return "ok"; // an unknown alias: the parser reports it
      if (open.has(target)) return "circular";
      const size = sizes.get(target) ?? 1;
      repeats += size;
      if (parent) parent.size += size;
      return repeats > limit ? "too-many" : "ok";
    }
    const known = sizes.get(node);
    if (known !== undefined) {
      repeats += known;
      if (parent) parent.size += known;
      return repeats > limit ? "too-many" : "ok";
    }
    if (open.has(node)) return "circular";
    open.add(node);
    stack.push({ node, kids: children(node) ?? [], next: 0, size: 1 });
    return "ok";
  };
  const first = enter(root, undefined);
  if (first !== "ok") return { verdict: first, ...located(root) };
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next < frame.kids.length) {
      const kid = frame.kids[frame.next++];
      const verdict = enter(kid, frame);
      if (verdict !== "ok") return { verdict, ...located(kid) };
      continue;
    }
    stack.pop();
    open.delete(frame.node);
    sizes.set(frame.node, frame.size);
    const parent = stack[stack.length - 1];
    if (parent) parent.size += frame.size;
  }
  return { verdict: "ok" };
}

function located(node: unknown): { at?: Node } {
  return isNode(node) ? { at: node } : {};
}
