// Checks every corpus/cases/*.json: parses, required fields, unique names, lower-case api and header names,
// JSON bodies parse, base64 bodies round-trip, and the expected message occurs in the body or headers.
import fs from 'fs';
const dir = new URL('../cases', import.meta.url).pathname;
let total = 0;
const apis = new Set();
const names = new Set();
let bad = 0;
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const arr = JSON.parse(fs.readFileSync(dir + '/' + f, 'utf8'));
  for (const c of arr) {
    total++;
    apis.add(c.api);
    const err = (m) => {
      bad++;
      console.log(f, c.name, m);
    };
    for (const k of ['name', 'api', 'source', 'kind', 'request', 'response', 'expected'])
      if (c[k] === undefined) err('missing ' + k);
    if (names.has(c.name)) err('dup name');
    names.add(c.name);
    if (c.api !== c.api.toLowerCase()) err('api case');
    if (typeof c.expected.failure !== 'boolean') err('no failure');
    const r = c.response;
    if (typeof r.status !== 'number') err('status');
    for (const h of Object.keys(r.headers || {})) if (h !== h.toLowerCase()) err('hdr case ' + h);
    for (const h of Object.keys(c.request.headers || {})) if (h !== h.toLowerCase()) err('req hdr case ' + h);
    for (const [h, v] of Object.entries(r.headers || {})) if (typeof v !== 'string') err('hdr val ' + h);
    if (r.bodyEncoding === 'base64') {
      const b = Buffer.from(r.body, 'base64');
      if (b.toString('base64') !== r.body) err('b64');
    } else {
      const ct = (r.headers || {})['content-type'] || '';
      if (/json/.test(ct) && r.body) {
        try {
          JSON.parse(r.body);
        } catch (e) {
          // A body the source itself shows malformed is kept as published; the case says why (`malformedBody`).
          if (!/connect\+json|grpc/.test(ct) && !c.malformedBody) err('json body: ' + e.message);
        }
      }
    }
    if (c.expected.message && typeof c.expected.message === 'string') {
      const body =
        r.bodyEncoding === 'base64' || /grpc-web-text/.test((r.headers || {})['content-type'] || '')
          ? Buffer.from(r.body, 'base64').toString()
          : r.body;
      // A custom reason phrase (statusText) is part of the response too.
      const hay = (body + JSON.stringify(r.headers) + (r.statusText ?? '')).toLowerCase().replace(/\s+/g, ' ');
      let m = c.expected.message.toLowerCase().replace(/\s+/g, ' ');
      if (
        !hay.includes(m) &&
        !hay.includes(JSON.stringify(m).slice(1, -1)) &&
        !decodeURIComponent(hay.replace(/%(?![0-9a-f]{2})/g, '%25')).includes(m)
      )
        err('message not in body: ' + m);
    }
  }
}
console.log('total', total, 'apis', apis.size, 'bad', bad);
