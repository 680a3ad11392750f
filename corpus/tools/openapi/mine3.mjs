import fs from 'fs';
import { eachOperationResponse, eachSpec, mediaExamples, pointerSegment as esc } from './spec-walk.mjs';
const have = new Set(
  JSON.parse(fs.readFileSync('cands.json'))
    .map((c) => c.id)
    .concat(JSON.parse(fs.readFileSync('cands2.json')).map((c) => c.id)),
);
const out = [];
for (const { id, spec } of eachSpec()) {
  if (have.has(id)) continue;
  const server = (spec.servers && spec.servers[0] && spec.servers[0].url) || '';
  for (const { path: p, method: m, op, status: st, response: resp } of eachOperationResponse(spec)) {
    const n = parseInt(st);
    if (!(n >= 400)) continue;
    for (const [mt, med] of Object.entries((resp && resp.content) || {})) {
      const c = mediaExamples(`/paths/${esc(p)}/${m}/responses/${st}/content/${esc(mt)}`, med);
      for (const [ptr, v] of c) {
        const s = JSON.stringify(v);
        if (!s || s.length < 10) continue;
        if (!/[A-Za-z]{3,}/.test(s)) continue;
        out.push({
          id,
          server,
          path: p,
          method: m,
          status: n,
          mt,
          ptr,
          example: v,
          reqHeaders: (op.parameters || []).filter((x) => x && x.in === 'header').map((x) => x.name),
          respHeaders: Object.keys(resp.headers || {}),
        });
      }
    }
  }
}
fs.writeFileSync('cands3.json', JSON.stringify(out));
const by = {};
for (const c of out) {
  (by[c.id] ??= []).push(c);
}
console.log(out.length, Object.keys(by).length);
for (const [id, xs] of Object.entries(by)) {
  const u = [...new Set(xs.map((x) => JSON.stringify(x.example)))];
  console.log(id, '|', xs[0].status, '|', u.slice(0, 2).join(' || ').slice(0, 200));
}
