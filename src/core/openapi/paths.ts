// The path index: a segment tree built once per spec. Matching walks it literal-first, so the most
// specific template wins (`/pets/mine` before `/pets/{id}`), and backtracks for the method.
import type { PathNode, SpecOperation } from './types';

const newNode = (): PathNode => ({ literal: new Map(), patterns: [], param: null, ops: null, template: null });
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Percent-decoding that never throws: a bad escape stays as written. */
export function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** `/pets/{id}/` → ['pets', '{id}']; the root is []. One trailing slash is not a segment. */
export function splitPath(path: string): string[] {
  let p = path;
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  if (p === '/' || p === '') return [];
  return (p.startsWith('/') ? p.slice(1) : p).split('/');
}

export function buildTree(operations: readonly SpecOperation[]): PathNode {
  const root = newNode();
  for (const op of operations) {
    let node = root;
    for (const segment of splitPath(op.path)) {
      if (!segment.includes('{')) {
        const key = decodeSegment(segment);
        let next = node.literal.get(key);
        if (!next) node.literal.set(key, (next = newNode()));
        node = next;
      } else if (/^\{[^{}]+\}$/.test(segment)) {
        node = node.param ??= newNode();
      } else {
        const source = `^${segment
          .split(/\{[^{}]*\}/)
          .map((part) => escapeRe(decodeSegment(part)))
          .join('(.+?)')}$`;
        let entry = node.patterns.find((p) => p.re.source === source);
        if (!entry) node.patterns.push((entry = { re: new RegExp(source), node: newNode() }));
        node = entry.node;
      }
    }
    node.ops ??= new Map();
    node.template ??= op.path;
    if (!node.ops.has(op.method)) node.ops.set(op.method, op);
  }
  return root;
}

export interface PathMatch {
  /** The operation for the method, or null when the path is documented but not for this method. */
  operation: SpecOperation | null;
  template: string;
  /** Methods documented for the template, when the method is not one of them. */
  methods: string[];
}

/** Finds the most specific template with an operation for `method`; falls back to the first template. */
export function matchPath(root: PathNode, segments: readonly string[], method: string): PathMatch | null {
  let firstTemplate: PathNode | null = null;
  const visit = (node: PathNode, i: number): SpecOperation | null => {
    if (i === segments.length) {
      if (!node.ops) return null;
      firstTemplate ??= node;
      return node.ops.get(method) ?? (method === 'HEAD' ? (node.ops.get('GET') ?? null) : null);
    }
    const segment = segments[i];
    const next = node.literal.get(segment);
    if (next) {
      const found = visit(next, i + 1);
      if (found) return found;
    }
    for (const pattern of node.patterns) {
      if (pattern.re.test(segment)) {
        const found = visit(pattern.node, i + 1);
        if (found) return found;
      }
    }
    // An empty segment (`/pets//x`) is not a parameter value.
    if (node.param && segment !== '') return visit(node.param, i + 1);
    return null;
  };
  const operation = visit(root, 0);
  if (operation) return { operation, template: operation.path, methods: [] };
  const fallback = firstTemplate as PathNode | null;
  if (fallback?.ops) return { operation: null, template: fallback.template ?? '', methods: [...fallback.ops.keys()] };
  return null;
}
