import fs from 'fs';
import path from 'path';
import { specFiles } from './spec-walk.mjs';
const { root, files } = specFiles();
const have = new Set(
  JSON.parse(fs.readFileSync('cands.json'))
    .map((c) => c.id)
    .concat(JSON.parse(fs.readFileSync('cands2.json')).map((c) => c.id)),
);
const esc = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const out = [];
for (const f of files) {
  let spec;
  try {
    spec = JSON.parse(fs.readFileSync(f, 'utf8'));
  } catch {
    continue;
  }
  const id = path.relative(root, f).replace(/\.json$/, '');
  if (have.has(id)) continue;
  const server = (spec.servers && spec.servers[0] && spec.servers[0].url) || '';
  for (const [p, item] of Object.entries(spec.paths || {}))
    for (const [m, op] of Object.entries(item || {})) {
      if (!op || !op.responses) continue;
      for (const [st, resp] of Object.entries(op.responses)) {
        const n = parseInt(st);
        if (!(n >= 400)) continue;
        for (const [mt, med] of Object.entries((resp && resp.content) || {})) {
          const base = `/paths/${esc(p)}/${m}/responses/${st}/content/${esc(mt)}`;
          const c = [];
          if (med.example !== undefined) c.push([base + '/example', med.example]);
          for (const [k, e] of Object.entries(med.examples || {}))
            if (e && e.value !== undefined) c.push([base + `/examples/${esc(k)}/value`, e.value]);
          if (med.schema && med.schema.example !== undefined) c.push([base + '/schema/example', med.schema.example]);
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
