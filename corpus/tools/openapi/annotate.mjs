import fs from 'fs';
const sel = JSON.parse(fs.readFileSync('sel.json'));
const isIdent = (s) => typeof s === 'string' && /^[A-Za-z][A-Za-z0-9_.:\-]{2,60}$/.test(s) && !/\s/.test(s);
const get = (o, p) => p.split('.').reduce((a, k) => (a == null ? undefined : a[k]), o);
export function propose(x) {
  const v = x.example;
  const e = { failure: x.status >= 400 };
  if (typeof v === 'string') {
    e.errorCode = null;
    e.message = v.replace(/<[^>]+>/g, '').trim();
    e.errorId = null;
  } else {
    const first = Array.isArray(v) ? v[0] : v;
    const o = first || {};
    const err = o.error && typeof o.error === 'object' ? o.error : null;
    const errs = Array.isArray(o.errors)
      ? o.errors[0]
      : o.fault && o.fault.errors
        ? o.fault.errors[0]
        : Array.isArray(o.reasons)
          ? o.reasons[0]
          : null;
    const codeC = [
      err && err.code,
      err && err.name,
      o.errorCode,
      o.error_code,
      o.code,
      errs && (errs.code ?? errs.errorCode),
      o.id,
      o.category,
      o.type,
      typeof o.error === 'string' && isIdent(o.error) && o.error_description ? o.error : undefined,
    ];
    let code = null;
    for (const c of codeC) {
      if (c === undefined || c === null) continue;
      if (typeof c === 'number') {
        if (c === x.status) continue;
        code = String(c);
        break;
      }
      if (typeof c === 'string' && isIdent(c) && !/^https?:/.test(c)) {
        code = c;
        break;
      }
      if (typeof c === 'string' && /^https?:/.test(c)) continue;
    }
    e.errorCode = code;
    const msgC = [
      err && err.message,
      o.error_description,
      o.detail,
      o.details,
      errs && (errs.message || errs.detail || errs.description || errs.title),
      o.errorMessage,
      o.message,
      o.Message,
      o.debugInfo,
      o.summary,
      typeof o.error === 'string' ? o.error : undefined,
      typeof o.errors === 'string' ? o.errors : undefined,
      o.title,
      o.data && typeof o.data === 'string' ? o.data : undefined,
    ];
    e.message = null;
    for (const m of msgC) {
      if (typeof m === 'string' && m.trim()) {
        e.message = m;
        break;
      }
    }
    const idC = [
      o.request_id,
      o.requestId,
      o.correlationId,
      o.correlation_id,
      o.errorRef,
      o.fault && o.fault.faultId,
      o.traceId,
      o.operationId,
      o.instance,
    ];
    e.errorId = null;
    for (const i of idC) {
      if (typeof i === 'string' && i) {
        e.errorId = i;
        break;
      }
    }
  }
  const s = x.status;
  e.retryable = s === 429 || s === 503 || s === 502 || s === 504 || s === 500 ? true : s >= 400 ? false : undefined;
  if (s === 501) e.retryable = false;
  e.retryAfterSeconds = null;
  return e;
}
if (process.argv[2] === 'print')
  sel.forEach((x, i) => {
    const e = propose(x);
    console.log(
      `${i}|${x.id}|${x.status}| code=${e.errorCode} | id=${e.errorId} | r=${e.retryable} | msg=${(e.message || 'null').slice(0, 90)}`,
    );
  });
