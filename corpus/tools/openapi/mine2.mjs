import fs from 'fs';
import { candidateRecord, contentPointer, eachOperationResponse, eachSpec } from './spec-walk.mjs';
const have = new Set(JSON.parse(fs.readFileSync('cands.json')).map((c) => c.id));
function compose(s, depth = 0) {
  if (!s || depth > 4) return undefined;
  if (s.example !== undefined) return s.example;
  if (s.allOf) {
    const o = {};
    let any = false;
    for (const x of s.allOf) {
      const v = compose(x, depth + 1);
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        Object.assign(o, v);
        any = true;
      }
    }
    return any ? o : undefined;
  }
  if (s.type === 'object' || s.properties) {
    const o = {};
    let any = false;
    for (const [k, v] of Object.entries(s.properties || {})) {
      const e = compose(v, depth + 1);
      if (e !== undefined) {
        o[k] = e;
        any = true;
      }
    }
    return any ? o : undefined;
  }
  if (s.type === 'array' && s.items) {
    const e = compose(s.items, depth + 1);
    return e !== undefined ? [e] : undefined;
  }
  return undefined;
}
const out = [];
for (const { id, spec } of eachSpec()) {
  if (have.has(id)) continue;
  for (const found of eachOperationResponse(spec)) {
    const { path: p, method: m, status: st, response: resp } = found;
    const n = parseInt(st);
    if (!(n >= 400)) continue;
    for (const [mt, med] of Object.entries((resp && resp.content) || {})) {
      if (!/json/.test(mt)) continue;
      const v = compose(med.schema);
      if (!v || typeof v !== 'object') continue;
      const s = JSON.stringify(v);
      if (!/[A-Za-z]{4,}[ ,.][A-Za-z]{3,}/.test(s)) continue;
      const ptr = `${contentPointer(p, m, st, mt)}/schema (property examples)`;
      out.push(candidateRecord({ id, spec, ...found, mt, ptr, example: v }, { composed: true }));
    }
  }
}
fs.writeFileSync('cands2.json', JSON.stringify(out));
const by = {};
for (const c of out) {
  (by[c.id] ??= []).push(c);
}
console.log(out.length, Object.keys(by).length);
