// Request URL + method → the spec and operation it belongs to.
import { decodeSegment, matchPath, splitPath } from './paths';
import type { LoadedSpec, ServerBinding, SpecOperation } from './types';

export type OperationMatch =
  | { kind: 'operation'; spec: LoadedSpec; server: ServerBinding; operation: SpecOperation }
  /** The URL is under a spec's server but no template (or no operation for the method) fits. */
  | {
      kind: 'unknown';
      spec: LoadedSpec;
      server: ServerBinding;
      path: string;
      template: string | null;
      methods: string[];
    };

/** The URL without query and fragment. */
function withoutQuery(url: string): string {
  let end = url.length;
  const q = url.indexOf('?');
  if (q !== -1) end = q;
  const h = url.indexOf('#');
  if (h !== -1 && h < end) end = h;
  return end === url.length ? url : url.slice(0, end);
}

/**
 * Matches one exchange against the loaded specs; null when no spec's server covers the URL. Among
 * specs and servers, the longest literal server prefix is tried first; a documented operation in any
 * of them beats an unknown path in another.
 */
export function matchOperation(specs: readonly LoadedSpec[], method: string, url: string): OperationMatch | null {
  if (!specs.length || typeof url !== 'string') return null;
  const bare = withoutQuery(url);
  const upper = typeof method === 'string' ? method.toUpperCase() : '';
  let unknown: OperationMatch | null = null;
  let unknownWeight = -1;
  for (const spec of specs) {
    for (const server of spec.servers) {
      const m = server.prefix.exec(bare);
      if (!m) continue;
      const rest = bare.slice(m[0].length) || '/';
      const segments = splitPath(rest).map(decodeSegment);
      const found = matchPath(spec.tree, segments, upper);
      if (found?.operation) return { kind: 'operation', spec, server, operation: found.operation };
      const weight = server.weight + (found ? 0.5 : 0);
      if (weight > unknownWeight) {
        unknownWeight = weight;
        unknown = {
          kind: 'unknown',
          spec,
          server,
          path: rest,
          template: found?.template ?? null,
          methods: found?.methods ?? [],
        };
      }
    }
  }
  return unknown;
}
