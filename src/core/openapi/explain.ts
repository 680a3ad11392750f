// What the contract says for one status: the documented response (exact, then `4XX`, then `default`),
// its description, the schema's title, the error codes it enumerates, and where in the body the error
// code, message and ID are (as the dotted paths a rule uses).
import { resolveRef } from './load';
import type { DocumentedResponse, LoadedSpec, SpecOperation } from './types';
import { isRecord } from '../is-record';

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

export interface ResponseEntry {
  key: string;
  response: Record<string, unknown>;
  pointer: string;
}

/** The response object documented for a status: exact key, then the class (`4XX`), then `default`. */
export function responseFor(spec: LoadedSpec, op: SpecOperation, status: number): ResponseEntry | null {
  const keys = Object.keys(op.responses);
  const exact = String(status);
  const klass = `${Math.floor(status / 100)}xx`;
  const key =
    keys.find((k) => k === exact) ?? keys.find((k) => k.toLowerCase() === klass) ?? keys.find((k) => k === 'default');
  if (key === undefined) return null;
  const { value, pointer } = resolveRef(
    spec.document,
    op.responses[key],
    `${op.pointer}/responses/${escapePointer(key)}`,
  );
  return isRecord(value) ? { key, response: value, pointer } : null;
}

export interface MediaSchema {
  mediaType: string;
  schema: unknown;
  pointer: string;
}

const essence = (contentType: string): string => contentType.split(';')[0].trim().toLowerCase();
const isJsonType = (t: string): boolean =>
  t === 'application/json' || t.endsWith('+json') || t === '*/*' || t === 'application/*';

/** Media types declared for a response (3.x content keys; 2.0 `produces`, only when it has a schema). */
export function declaredMediaTypes(spec: LoadedSpec, op: SpecOperation, entry: ResponseEntry): string[] {
  if (spec.openapi === '2.0') return entry.response.schema !== undefined ? (op.produces ?? ['application/json']) : [];
  return isRecord(entry.response.content) ? Object.keys(entry.response.content) : [];
}

/** Whether a declared media type (maybe `application/*` or with parameters) covers the actual one. */
export function mediaTypeCovers(declared: string, actual: string): boolean {
  const d = essence(declared);
  const a = essence(actual);
  if (d === a || d === '*/*') return true;
  if (d.endsWith('/*')) return a.startsWith(d.slice(0, -1));
  return false;
}

/** The schema for the actual content type (or the JSON one when none is given). */
export function schemaFor(
  spec: LoadedSpec,
  op: SpecOperation,
  entry: ResponseEntry,
  contentType: string | null,
): MediaSchema | null {
  if (spec.openapi === '2.0') {
    if (entry.response.schema === undefined) return null;
    return {
      mediaType: contentType ? essence(contentType) : 'application/json',
      schema: entry.response.schema,
      pointer: `${entry.pointer}/schema`,
    };
  }
  const content = entry.response.content;
  if (!isRecord(content)) return null;
  const types = Object.keys(content);
  const pick = contentType
    ? (types.find((t) => essence(t) === essence(contentType)) ?? types.find((t) => mediaTypeCovers(t, contentType)))
    : (types.find((t) => isJsonType(essence(t))) ?? types[0]);
  if (pick === undefined) return null;
  const media = content[pick];
  if (!isRecord(media) || media.schema === undefined) return null;
  return { mediaType: pick, schema: media.schema, pointer: `${entry.pointer}/content/${escapePointer(pick)}/schema` };
}

/** A schema with `$ref`s followed and `allOf` members' properties merged (one level), for reading fields. */
function flatten(
  spec: LoadedSpec,
  schema: unknown,
  depth = 0,
): { properties: Record<string, unknown>; title: string | null; items: unknown } {
  const resolved = resolveRef(spec.document, schema, '').value;
  const out = { properties: {} as Record<string, unknown>, title: null as string | null, items: undefined as unknown };
  if (!isRecord(resolved) || depth > 5) return out;
  if (typeof resolved.title === 'string') out.title = resolved.title;
  if (isRecord(resolved.properties)) Object.assign(out.properties, resolved.properties);
  if (resolved.items !== undefined) out.items = resolved.items;
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = resolved[key];
    if (!Array.isArray(list)) continue;
    for (const member of list) {
      const sub = flatten(spec, member, depth + 1);
      for (const [name, value] of Object.entries(sub.properties))
        if (!(name in out.properties)) out.properties[name] = value;
      out.title ??= key === 'allOf' ? sub.title : null;
      out.items ??= sub.items;
    }
  }
  return out;
}

/** The schema's title, else the name of the component it refers to. */
export function schemaTitle(spec: LoadedSpec, schema: unknown): string | null {
  const title = flatten(spec, schema).title;
  if (title) return title;
  if (isRecord(schema) && typeof schema.$ref === 'string')
    return decodeURIComponent(schema.$ref.split('/').pop() ?? '') || null;
  return null;
}

export interface ErrorFieldPaths {
  errorCodePath?: string;
  messagePath?: string;
  errorIdPath?: string;
}

// The vocabulary of body fields, best first; the same names the recognizers and rules read.
const CODE_NAMES = ['error_code', 'errorcode', 'code', 'error_type', 'errortype', 'reason', 'error'];
const MESSAGE_NAMES = [
  'message',
  'error_description',
  'error_message',
  'errormessage',
  'detail',
  'msg',
  'description',
  'title',
];
const ID_NAMES = [
  'request_id',
  'requestid',
  'trace_id',
  'traceid',
  'correlation_id',
  'correlationid',
  'error_id',
  'errorid',
  'incident_id',
  'id',
];
const PATH_NAME = /^[A-Za-z0-9_$@-]+$/;

function isTextSchema(spec: LoadedSpec, schema: unknown): boolean {
  const s = resolveRef(spec.document, schema, '').value;
  if (!isRecord(s)) return false;
  const type = s.type;
  const types = Array.isArray(type) ? type : [type];
  return (
    types.includes('string') ||
    types.includes('integer') ||
    types.includes('number') ||
    (type === undefined && (Array.isArray(s.enum) || isRecord(s.properties) === false))
  );
}

/**
 * Where the error code, message and ID are in bodies of this schema: breadth first over properties
 * (an `error` object, an `errors` array's first item), so the shallowest match wins.
 */
export function errorFieldPaths(spec: LoadedSpec, schema: unknown): ErrorFieldPaths & { codeSchema?: unknown } {
  const out: ErrorFieldPaths & { codeSchema?: unknown } = {};
  const queue: Array<{ schema: unknown; prefix: string; depth: number }> = [{ schema, prefix: '', depth: 0 }];
  const seen = new Set<unknown>();
  while (queue.length) {
    const { schema: current, prefix, depth } = queue.shift()!;
    const resolved = resolveRef(spec.document, current, '').value;
    if (seen.has(resolved) || depth > 3) continue;
    seen.add(resolved);
    const { properties } = flatten(spec, current);
    const byLower = new Map(
      Object.keys(properties)
        .filter((k) => PATH_NAME.test(k))
        .map((k) => [k.toLowerCase(), k]),
    );
    const pick = (names: string[]): string | undefined => {
      for (const name of names) {
        const key = byLower.get(name);
        if (key !== undefined && isTextSchema(spec, properties[key])) return key;
      }
      return undefined;
    };
    const code = out.errorCodePath ? undefined : pick(CODE_NAMES);
    if (code) {
      out.errorCodePath = `${prefix}${code}`;
      out.codeSchema = properties[code];
    }
    const message = out.messagePath
      ? undefined
      : pick(MESSAGE_NAMES.filter((n) => `${prefix}${byLower.get(n)}` !== out.errorCodePath));
    if (message) out.messagePath = `${prefix}${message}`;
    const id = out.errorIdPath ? undefined : pick(ID_NAMES);
    if (id && (id.toLowerCase() !== 'id' || prefix !== '' || code !== undefined)) out.errorIdPath = `${prefix}${id}`;
    for (const [name, sub] of Object.entries(properties)) {
      if (!PATH_NAME.test(name)) continue;
      const flat = flatten(spec, sub);
      if (Object.keys(flat.properties).length)
        queue.push({ schema: sub, prefix: `${prefix}${name}.`, depth: depth + 1 });
      else if (flat.items !== undefined)
        queue.push({ schema: flat.items, prefix: `${prefix}${name}[0].`, depth: depth + 1 });
    }
  }
  return out;
}

/** Codes a code property enumerates: `enum` (+ `x-enum-descriptions`), or `oneOf`/`anyOf` of `const`s. */
export function enumeratedCodes(
  spec: LoadedSpec,
  codeSchema: unknown,
): Array<{ code: string; description: string | null }> {
  const s = resolveRef(spec.document, codeSchema, '').value;
  if (!isRecord(s)) return [];
  const out: Array<{ code: string; description: string | null }> = [];
  if (Array.isArray(s.enum)) {
    const descriptions = s['x-enum-descriptions'] ?? s['x-enumDescriptions'];
    s.enum.forEach((value, i) => {
      if (value === null) return;
      const code = String(value);
      const description = Array.isArray(descriptions)
        ? descriptions[i]
        : isRecord(descriptions)
          ? descriptions[code]
          : undefined;
      out.push({ code, description: typeof description === 'string' ? description : null });
    });
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = s[key];
    if (!Array.isArray(list)) continue;
    for (const member of list) {
      const m = resolveRef(spec.document, member, '').value;
      if (!isRecord(m)) continue;
      const value = m.const ?? (Array.isArray(m.enum) && m.enum.length === 1 ? m.enum[0] : undefined);
      if (value === undefined || value === null) continue;
      const description =
        typeof m.description === 'string' ? m.description : typeof m.title === 'string' ? m.title : null;
      out.push({ code: String(value), description });
    }
  }
  return out.slice(0, 100);
}

/** The documented meaning of a status for an operation; null when the status is not documented. */
export function documentedResponse(
  spec: LoadedSpec,
  op: SpecOperation,
  status: number,
  contentType: string | null,
): DocumentedResponse | null {
  const entry = responseFor(spec, op, status);
  if (!entry) return null;
  const media = schemaFor(spec, op, entry, contentType) ?? schemaFor(spec, op, entry, null);
  const paths = media ? errorFieldPaths(spec, media.schema) : {};
  return {
    key: entry.key,
    description:
      typeof entry.response.description === 'string' && entry.response.description.trim()
        ? entry.response.description.trim().slice(0, 1000)
        : null,
    schemaTitle: media ? schemaTitle(spec, media.schema) : null,
    errorCodes: paths.codeSchema !== undefined ? enumeratedCodes(spec, paths.codeSchema) : [],
  };
}
