// The scorer's two halves shared by score.mjs and tools/ablate.ts: a case as a HAR entry, and the
// fixtures README's rules for comparing a triage row with a case's expected fields.

const pairs = (headers = {}) => Object.entries(headers).map(([name, value]) => ({ name, value: String(value) }));
const START = Date.parse('2026-11-23T18:00:00.000Z');

export function toEntry(c, i) {
  const { request: rq, response: rs } = c;
  let query = [];
  try {
    query = [...new URL(rq.url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {}
  const mimeType = (rs.headers?.['content-type'] ?? '').split(';')[0].trim() || 'x-unknown';
  const content = { size: (rs.body ?? '').length, mimeType, text: rs.body ?? '' };
  if (rs.bodyEncoding === 'base64') content.encoding = 'base64';
  const entry = {
    startedDateTime: new Date(START + i * 1000).toISOString(),
    time: 42,
    request: {
      method: rq.method,
      url: rq.url,
      httpVersion: 'HTTP/1.1',
      headers: pairs(rq.headers),
      cookies: [],
      queryString: query,
      headersSize: -1,
      bodySize: rq.body ? rq.body.length : 0,
    },
    response: {
      status: rs.status,
      statusText: rs.statusText ?? '',
      httpVersion: rs.status ? 'HTTP/1.1' : '',
      headers: pairs(rs.headers),
      cookies: [],
      content,
      redirectURL: '',
      headersSize: -1,
      bodySize: content.size,
    },
    cache: {},
    timings: { send: 1, wait: 40, receive: 1 },
  };
  if (rq.body) entry.request.postData = { mimeType: rq.headers?.['content-type'] ?? 'application/json', text: rq.body };
  if (rs.error) entry.response._error = rs.error;
  return entry;
}

const squash = (s) => String(s).replace(/\s+/g, ' ').trim().toLowerCase();

/** The fixtures README's rules; the same as src/core/testing/seed-cases.ts seedMismatches. */
export function mismatches(want, got) {
  const out = [];
  const check = (f, ok) => {
    if (!ok)
      out.push(
        `${f}: expected ${JSON.stringify(want[f])}, got ${JSON.stringify(f === 'actionMentionsAny' ? got.action : got[f])}`,
      );
  };
  for (const f of ['failure', 'errorCode', 'errorId', 'retryable', 'idempotent'])
    if (f in want) check(f, got[f] === want[f]);
  if ('message' in want)
    check(
      'message',
      want.message === null
        ? got.message == null
        : got.message != null && squash(got.message).includes(squash(want.message)),
    );
  if ('retryAfterSeconds' in want) {
    const w = want.retryAfterSeconds;
    check(
      'retryAfterSeconds',
      w === null
        ? got.retryAfterSeconds == null
        : got.retryAfterSeconds != null && Math.abs(got.retryAfterSeconds - w) <= 1,
    );
  }
  if (want.actionMentionsAny)
    check(
      'actionMentionsAny',
      want.actionMentionsAny.some((w) => (got.action ?? '').toLowerCase().includes(w.toLowerCase())),
    );
  return out;
}
