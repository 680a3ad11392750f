#!/usr/bin/env node
// Checks the case files without running Faultline: every file parses, every case has the fields the
// corpus README asks for, JSON bodies parse when the content type says JSON, names are unique, and an
// expected errorId/errorCode/message can be found in the response it describes.
// Usage: node corpus/tools/check-cases.mjs [dir...]   (default: corpus/cases)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dirs = process.argv.slice(2).length ? process.argv.slice(2) : [path.join(here, '..', 'cases')];
const KINDS = new Set(['vendor', 'protocol', 'framework', 'gateway', 'issue', 'openapi']);
const squash = (s) => String(s).replace(/\s+/g, ' ').trim().toLowerCase();
const problems = [];
const names = new Map();
const apis = new Map();
let total = 0;

for (const dir of dirs) {
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    let cases;
    try {
      cases = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (e) {
      problems.push(`${file}: does not parse: ${e.message}`);
      continue;
    }
    if (!Array.isArray(cases)) {
      problems.push(`${file}: not an array`);
      continue;
    }
    for (const c of cases) {
      total++;
      const at = `${file}: ${c.name ?? '(no name)'}`;
      for (const f of ['name', 'api', 'kind', 'source', 'request', 'response', 'expected'])
        if (!(f in c)) problems.push(`${at}: missing ${f}`);
      if (c.name) {
        if (names.has(c.name)) problems.push(`${at}: name also in ${names.get(c.name)}`);
        names.set(c.name, file);
      }
      if (
        c.api !==
        String(c.api ?? '')
          .trim()
          .toLowerCase()
      )
        problems.push(`${at}: api must be lower-case`);
      apis.set(c.api, (apis.get(c.api) ?? 0) + 1);
      if (!KINDS.has(c.kind)) problems.push(`${at}: unknown kind ${c.kind}`);
      const rs = c.response ?? {};
      const e = c.expected ?? {};
      const body = rs.bodyEncoding === 'base64' ? '' : String(rs.body ?? '');
      const headers = rs.headers ?? {};
      const ct = headers['content-type'] ?? '';
      if (typeof e.failure !== 'boolean') problems.push(`${at}: expected.failure must be true or false`);
      if (/json/i.test(ct) && body) {
        let parsed = true;
        try {
          // A BOM or an anti-XSSI prefix (`)]}'`) before the JSON is part of the real response.
          JSON.parse(body.replace(/^\uFEFF/, '').replace(/^\)\]\}'?,?\s*/, ''));
        } catch (err) {
          parsed = false;
          // A body the source itself shows malformed is kept as published; the case says why (`malformedBody`).
          if (!c.malformedBody) problems.push(`${at}: JSON body does not parse: ${err.message}`);
        }
        if (parsed && c.malformedBody) problems.push(`${at}: malformedBody is set but the body parses`);
      }
      // Framed or encoded bodies (gRPC-web, Connect streams, base64) hide their text: no presence checks there.
      if (rs.bodyEncoding === 'base64' || /grpc|connect\+/i.test(ct)) continue;
      // A custom reason phrase (statusText) is part of the response too.
      const haystack = squash(body + ' ' + Object.values(headers).join(' ') + ' ' + (rs.statusText ?? ''));
      let decoded = haystack;
      try {
        decoded = squash(JSON.stringify(JSON.parse(body)) + ' ' + Object.values(headers).join(' '));
      } catch {}
      for (const f of ['errorId', 'errorCode']) {
        if (e[f] != null && !haystack.includes(squash(e[f])))
          problems.push(`${at}: expected.${f} ${JSON.stringify(e[f])} is not in the response`);
      }
      if (e.message != null) {
        const m = squash(e.message);
        const unescaped = squash(body.replace(/\\"/g, '"'));
        if (
          !haystack.includes(m) &&
          !decoded.includes(m) &&
          !unescaped.includes(m) &&
          !squash(formDecoded(body)).includes(m) &&
          !squash(JSON.stringify(safeParse(body))).includes(m)
        ) {
          problems.push(`${at}: expected.message is not in the response`);
        }
      }
    }
  }
}
/** A form-encoded body (`error_description=The+code+passed…`) as its decoded text. */
function formDecoded(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
function safeParse(s) {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

console.log(`${total} cases, ${apis.size} APIs`);
if (problems.length) {
  for (const p of problems) console.log('  ' + p);
  process.exit(1);
}
console.log('ok');
