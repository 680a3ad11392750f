// Body against the documented schema, with an interpreting validator (@cfworker/json-schema): no code
// generation, so it runs under MV3's CSP. `$ref`s resolve lazily through one lookup per spec, so cyclic
// schemas are fine; nothing outside the document is ever resolved (load.ts refused those).
import { dereference, validate, type Schema } from '@cfworker/json-schema';
import { atPointer } from './load';
import type { LoadedSpec, SpecViolation } from './types';

/** Base URI of every spec's schemas: never fetched, only a key in the lookup. */
const BASE = 'https://spec.faultline.invalid/';
export const MAX_VIOLATIONS_SHOWN = 5;
/** Keywords that only say "something inside failed": the leaf errors say what. */
const AGGREGATE = new Set([
  'properties',
  'items',
  'prefixItems',
  'additionalItems',
  '$ref',
  'allOf',
  'patternProperties',
  'dependentSchemas',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'if',
  'then',
  'else',
  'additionalProperties',
]);

const lookups = new WeakMap<LoadedSpec, Record<string, Schema | boolean>>();

function lookupFor(spec: LoadedSpec): Record<string, Schema | boolean> {
  let lookup = lookups.get(spec);
  if (!lookup) {
    lookup = Object.create(null) as Record<string, Schema | boolean>;
    lookups.set(spec, lookup);
  }
  return lookup;
}

/** Registers the schema at a pointer (and everything inside it) in the spec's lookup, once. */
function register(spec: LoadedSpec, schema: unknown, pointer: string): boolean {
  if (!(typeof schema === 'boolean' || (schema !== null && typeof schema === 'object'))) return false;
  const lookup = lookupFor(spec);
  if (lookup[`${BASE}#${pointer}`] !== undefined) return true;
  try {
    dereference(schema, lookup, new URL(BASE), pointer);
    return true;
  } catch {
    return false;
  }
}

/** `#/items/2/id` → `$.items[2].id`. */
export function jsonPath(instanceLocation: string): string {
  const parts = instanceLocation.replace(/^#/, '').split('/').slice(1);
  let out = '$';
  for (const raw of parts) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

export type SchemaCheck = { ok: true; violations: SpecViolation[]; count: number } | { ok: false; note: string };

/** Validates a parsed body against the schema found at `pointer` in the spec. Never throws. */
export function checkSchema(spec: LoadedSpec, schema: unknown, pointer: string, instance: unknown): SchemaCheck {
  if (!register(spec, schema, pointer))
    return { ok: false, note: `the schema at ${pointer} is not a schema; not checked` };
  const lookup = lookupFor(spec);
  const root = lookup[`${BASE}#${pointer}`] ?? (schema as Schema);
  // A `$ref` to a part of the document not registered yet is registered and the check repeated.
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const result = validate(instance, root, spec.draft, lookup, false);
      if (result.valid) return { ok: true, violations: [], count: 0 };
      const leaves = result.errors.filter((e) => !AGGREGATE.has(e.keyword));
      const errors = leaves.length ? leaves : result.errors;
      const seen = new Set<string>();
      const violations: SpecViolation[] = [];
      for (const e of errors) {
        const path = jsonPath(e.instanceLocation);
        const message = e.error.replace(/^Instance /, '').slice(0, 300);
        const key = `${path} ${message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        violations.push({ path, message });
      }
      return { ok: true, violations: violations.slice(0, MAX_VIOLATIONS_SHOWN), count: violations.length };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const unresolved = /^Unresolved \$ref "([^"]*)"/.exec(message);
      if (unresolved && unresolved[1].startsWith('#/')) {
        const target = atPointer(spec.document, unresolved[1]);
        if (target !== undefined && register(spec, target, unresolved[1].slice(1))) continue;
      }
      return { ok: false, note: `schema check stopped: ${message.split('\n')[0].slice(0, 200)}` };
    }
  }
  return { ok: false, note: 'schema check stopped: too many references' };
}
