import fs from 'fs';
import { candidateRecord, contentPointer, eachOperationResponse, eachSpec, mediaExamples } from './spec-walk.mjs';
const have = new Set(
  JSON.parse(fs.readFileSync('cands.json'))
    .map((c) => c.id)
    .concat(JSON.parse(fs.readFileSync('cands2.json')).map((c) => c.id)),
);
const out = [];
for (const { id, spec } of eachSpec()) {
  if (have.has(id)) continue;
  for (const found of eachOperationResponse(spec)) {
    const { path: p, method: m, status: st, response: resp } = found;
    const n = parseInt(st);
    if (!(n >= 400)) continue;
    for (const [mt, med] of Object.entries((resp && resp.content) || {})) {
      const c = mediaExamples(contentPointer(p, m, st, mt), med);
      for (const [ptr, v] of c) {
        const s = JSON.stringify(v);
        if (!s || s.length < 10) continue;
        if (!/[A-Za-z]{3,}/.test(s)) continue;
        out.push(candidateRecord({ id, spec, ...found, mt, ptr, example: v }));
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
