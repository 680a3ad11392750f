import fs from 'fs';
import { candidateRecord, contentPointer, eachOperationResponse, eachSpec, mediaExamples } from './spec-walk.mjs';
const out = [];
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
for (const { id, spec } of eachSpec()) {
  for (const found of eachOperationResponse(spec)) {
    const { path: p, method: m, status: st, response: resp } = found;
    const n = parseInt(st);
    if (!n) continue;
    const isErr = n >= 400;
    if (!(isErr || (n >= 200 && n < 300))) continue;
    for (const [mt, med] of Object.entries((resp && resp.content) || {})) {
      const cands = mediaExamples(contentPointer(p, m, st, mt), med);
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
        // Path-level header parameters count too here (mine2/mine3 read the operation's only).
        out.push(
          candidateRecord(
            { id, spec, ...found, mt, ptr, example: v },
            { pathHeaders: true, respDesc: resp.description },
          ),
        );
      }
    }
  }
}
fs.writeFileSync('cands.json', JSON.stringify(out));
const byApi = {};
for (const c of out) {
  (byApi[c.id] ??= []).push(c);
}
console.log('cands', out.length, 'apis', Object.keys(byApi).length);
