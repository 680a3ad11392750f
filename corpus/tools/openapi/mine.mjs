import fs from 'fs';
import path from 'path';
import { specFiles } from './spec-walk.mjs';
const { root, files } = specFiles();
const out = [];
const esc = (s) => s.replace(/~/g, '~0').replace(/\//g, '~1');
function placeholderish(v) {
  const leaves = [];
  (function l(x) {
    if (x && typeof x === 'object') {
      for (const k in x) l(x[k]);
    } else leaves.push(x);
  })(v);
  if (!leaves.length) return true;
  const strs = leaves.filter((x) => typeof x === 'string');
  if (strs.length === 0) return true;
  const bad = strs.filter(
    (s) => /^(string|example|text|message|error|null|undefined|\s*)$/i.test(s) || /^<.*>$/.test(s),
  );
  if (bad.length === strs.length) return true;
  return !strs.some((s) => s.length >= 12 && /[a-z]{3,}/i.test(s));
}
function failingBody(v) {
  const s = JSON.stringify(v);
  return /"(success|ok)":false|"status":"(error|fail|failure|NOTOK|ERROR)"|"errors?":\s*[\[{"]|"error_?code"|"fault"/i.test(
    s,
  );
}
for (const f of files) {
  let spec;
  try {
    spec = JSON.parse(fs.readFileSync(f, 'utf8'));
  } catch {
    continue;
  }
  const id = path.relative(root, f).replace(/\.json$/, '');
  const server = (spec.servers && spec.servers[0] && spec.servers[0].url) || '';
  for (const [p, item] of Object.entries(spec.paths || {}))
    for (const [m, op] of Object.entries(item || {})) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      for (const [st, resp] of Object.entries(op.responses)) {
        const n = parseInt(st);
        if (!n) continue;
        const isErr = n >= 400;
        if (!(isErr || (n >= 200 && n < 300))) continue;
        for (const [mt, med] of Object.entries((resp && resp.content) || {})) {
          const cands = [];
          const base = `/paths/${esc(p)}/${m}/responses/${st}/content/${esc(mt)}`;
          if (med.example !== undefined) cands.push([base + '/example', med.example]);
          for (const [k, e] of Object.entries(med.examples || {}))
            if (e && e.value !== undefined) cands.push([base + `/examples/${esc(k)}/value`, e.value]);
          if (med.schema && med.schema.example !== undefined)
            cands.push([base + '/schema/example', med.schema.example]);
          for (const [ptr, ex] of cands) {
            let v = ex;
            if (typeof v === 'string') {
              try {
                v = JSON.parse(v);
              } catch {}
            }
            if (typeof v === 'string') {
              if (!isErr || v.length < 8) continue;
            } else if (placeholderish(v)) continue;
            if (!isErr && !(typeof v === 'object' && failingBody(v))) continue;
            const reqHeaders = (op.parameters || [])
              .concat(item.parameters || [])
              .filter((x) => x && x.in === 'header')
              .map((x) => x.name);
            const respHeaders = Object.keys(resp.headers || {});
            out.push({
              id,
              server,
              path: p,
              method: m,
              status: n,
              mt,
              ptr,
              example: v,
              reqHeaders,
              respHeaders,
              respDesc: resp.description,
            });
          }
        }
      }
    }
}
fs.writeFileSync('/tmp/mine/cands.json', JSON.stringify(out));
const byApi = {};
for (const c of out) {
  (byApi[c.id] ??= []).push(c);
}
console.log('cands', out.length, 'apis', Object.keys(byApi).length);
