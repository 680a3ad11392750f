// A parsed document → a LoadedSpec: version checked, `$ref`s checked (external ones refused, never
// fetched), 3.0 / 2.0 `nullable` rewritten as JSON Schema, servers bound, paths indexed once.
import { buildTree } from './paths';
import { bindServers } from './servers';
import type { LoadedSpec, SpecOperation, SpecVersion } from './types';
import { isRecord } from '../is-record';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** Warnings kept per spec; the rest are counted. */
const MAX_WARNINGS = 20;

export type LoadResult = { ok: true; spec: LoadedSpec } | { ok: false; error: string };

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Follows a local JSON pointer (`#/components/schemas/Pet`); undefined when it leads nowhere. */
export function atPointer(document: unknown, ref: string): unknown {
  if (ref === '#' || ref === '#/') return document;
  if (!ref.startsWith('#/')) return undefined;
  let current: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    let part: string;
    try {
      part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    if (Array.isArray(current)) current = current[Number(part)];
    else if (isRecord(current) && Object.prototype.hasOwnProperty.call(current, part)) current = current[part];
    else return undefined;
  }
  return current;
}

/** An object with its local `$ref` chain followed (cycles stop), and the pointer it ended at. */
export function resolveRef(document: unknown, value: unknown, pointer: string): { value: unknown; pointer: string } {
  const seen = new Set<string>();
  while (isRecord(value) && typeof value.$ref === 'string') {
    const ref = value.$ref;
    if (seen.has(ref) || seen.size > 50) break;
    seen.add(ref);
    const target = atPointer(document, ref);
    if (target === undefined) break;
    value = target;
    pointer = ref.slice(1);
  }
  return { value, pointer };
}

function versionOf(document: Record<string, unknown>): SpecVersion | string {
  const openapi = document.openapi;
  const swagger = document.swagger;
  if (typeof openapi === 'string') {
    if (/^3\.0(\.|$)/.test(openapi)) return '3.0';
    if (/^3\.1(\.|$)/.test(openapi)) return '3.1';
    return `unsupported OpenAPI version "${openapi.slice(0, 20)}" (3.0, 3.1 and Swagger 2.0 are supported)`;
  }
  if (swagger === '2.0' || swagger === 2) return '2.0';
  if (swagger !== undefined)
    return `unsupported Swagger version ${JSON.stringify(swagger).slice(0, 20)} (2.0 is supported)`;
  if (openapi !== undefined) return 'the "openapi" field must be a string like "3.0.3"';
  return 'not an OpenAPI document: it has neither an "openapi" nor a "swagger" field at the top';
}

/**
 * One pass over the document (iterative, so depth cannot overflow the stack): every `$ref` that is not
 * a local pointer to something is refused and replaced by an empty schema (anything goes), with a
 * warning naming where; `nullable` (3.0) and `x-nullable` (2.0) become `type: [t, 'null']`.
 */
function normalize(document: Record<string, unknown>, version: SpecVersion, warnings: string[]): number {
  let refused = 0;
  const rewriteNullable = version !== '3.1';
  const stack: Array<{ value: unknown; pointer: string }> = [{ value: document, pointer: '' }];
  const seen = new Set<object>();
  while (stack.length) {
    const { value, pointer } = stack.pop()!;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) stack.push({ value: value[i], pointer: `${pointer}/${i}` });
      continue;
    }
    const obj = value as Record<string, unknown>;
    if ('$ref' in obj) {
      const ref = obj.$ref;
      const local = typeof ref === 'string' && ref.startsWith('#');
      if (!local || atPointer(document, ref) === undefined) {
        refused++;
        if (warnings.length < MAX_WARNINGS) {
          warnings.push(
            local
              ? `${pointer || '/'}: $ref ${JSON.stringify(ref).slice(0, 120)} points to nothing in the document; treated as any value`
              : `${pointer || '/'}: $ref ${JSON.stringify(ref).slice(0, 120)} is outside the document; external references are not fetched, treated as any value`,
          );
        }
        delete obj.$ref;
        obj['x-faultline-refused-ref'] = typeof ref === 'string' ? ref.slice(0, 500) : String(ref);
      }
    }
    if (rewriteNullable && (obj.nullable === true || obj['x-nullable'] === true) && !('$ref' in obj)) {
      if (typeof obj.type === 'string') {
        obj.type = [obj.type, 'null'];
        if (Array.isArray(obj.enum) && !obj.enum.includes(null)) obj.enum = [...obj.enum, null];
      } else if (obj.type === undefined && (obj.allOf || obj.oneOf || obj.anyOf)) {
        // `nullable` beside a composition: null or the composition.
        const inner: Record<string, unknown> = {};
        for (const key of ['allOf', 'oneOf', 'anyOf'] as const)
          if (key in obj) {
            inner[key] = obj[key];
            delete obj[key];
          }
        obj.anyOf = [{ type: 'null' }, inner];
      }
    }
    // Swagger 2.0's `type: file` is not JSON Schema: a file body is not checked.
    if (version === '2.0' && obj.type === 'file') delete obj.type;
    for (const key of Object.keys(obj)) stack.push({ value: obj[key], pointer: `${pointer}/${escapePointer(key)}` });
  }
  return refused;
}

function operationsOf(document: Record<string, unknown>, warnings: string[]): SpecOperation[] {
  const operations: SpecOperation[] = [];
  const paths = document.paths;
  if (!isRecord(paths)) return operations;
  const globalProduces = Array.isArray(document.produces)
    ? document.produces.filter((p): p is string => typeof p === 'string')
    : undefined;
  for (const path of Object.keys(paths)) {
    const itemPointer = `/paths/${escapePointer(path)}`;
    if (!path.startsWith('/')) {
      if (warnings.length < MAX_WARNINGS) warnings.push(`${itemPointer}: a path must start with "/"; skipped`);
      continue;
    }
    const item = resolveRef(document, paths[path], itemPointer).value;
    if (!isRecord(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isRecord(op)) continue;
      const responses = resolveRef(document, op.responses, `${itemPointer}/${method}/responses`).value;
      const produces = Array.isArray(op.produces)
        ? op.produces.filter((p): p is string => typeof p === 'string')
        : globalProduces;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        operationId: typeof op.operationId === 'string' ? op.operationId : undefined,
        summary: typeof op.summary === 'string' ? op.summary : undefined,
        tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [],
        deprecated: op.deprecated === true ? true : undefined,
        pointer: `${itemPointer}/${method}`,
        responses: isRecord(responses) ? responses : {},
        produces,
      });
    }
  }
  return operations;
}

export interface LoadOptions {
  id: string;
  /** Where the spec was fetched from: relative server URLs resolve against it. */
  sourceUrl?: string;
  /** Server URLs set by the user; they replace the spec's own. */
  baseUrls?: readonly string[];
}

/** Loads a parsed document. Never throws; an error names where the document is broken. */
export function loadSpec(document: unknown, options: LoadOptions): LoadResult {
  try {
    if (!isRecord(document)) return { ok: false, error: 'not an OpenAPI document: expected an object at the top' };
    const version = versionOf(document);
    if (version !== '2.0' && version !== '3.0' && version !== '3.1') return { ok: false, error: version };
    if (document.paths !== undefined && !isRecord(document.paths))
      return { ok: false, error: '/paths: expected an object of path templates' };
    if (version !== '3.1' && !isRecord(document.paths))
      return { ok: false, error: '/paths: missing; a spec without paths documents no operation' };
    const info = isRecord(document.info) ? document.info : {};
    const warnings: string[] = [];
    const refused = normalize(document, version, warnings);
    if (refused > MAX_WARNINGS) warnings.push(`${refused - MAX_WARNINGS} more $ref problems not listed`);
    const operations = operationsOf(document, warnings);
    const servers = bindServers(document, version, options, warnings);
    return {
      ok: true,
      spec: {
        id: options.id,
        title: typeof info.title === 'string' && info.title.trim() ? info.title.trim().slice(0, 200) : options.id,
        version:
          typeof info.version === 'string' || typeof info.version === 'number' ? String(info.version).slice(0, 50) : '',
        openapi: version,
        document,
        servers,
        operations,
        tree: buildTree(operations),
        warnings,
        draft: version === '3.1' ? '2020-12' : '4',
      },
    };
  } catch (error) {
    return {
      ok: false,
      error: `the spec could not be loaded: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`,
    };
  }
}
