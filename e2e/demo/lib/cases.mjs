// The seed cases from ../shared/fixtures/seed-cases.json, replayed verbatim under /api/case/<name>.
import { readFile } from 'node:fs/promises';
import { send, sendJson } from './http.mjs';

export async function loadSeedCases(url) {
  const cases = JSON.parse(await readFile(url, 'utf8'));
  if (!Array.isArray(cases)) throw new Error(`${url.pathname}: expected an array of cases`);
  return cases;
}

/** A case that records no HTTP response at all (status 0, e.g. connection refused). */
export function hasNoHttpResponse(seedCase) {
  return !seedCase.response || !seedCase.response.status;
}

/** Replays a case's status, statusText, headers and body exactly (plus CORS exposure). */
export function replyWithCase(res, seedCase) {
  if (hasNoHttpResponse(seedCase)) {
    // The page reproduces these for real (a closed port); this route only explains that.
    sendJson(res, 404, 'Not Found', {
      error: {
        code: 'no_http_response',
        message: `Case ${seedCase.name} has no HTTP response (${seedCase.response?.error ?? 'status 0'}); the demo page requests a closed port instead.`,
      },
    });
    return;
  }
  const { status, statusText, headers = {}, body = '' } = seedCase.response;
  send(res, status, statusText || undefined, headers, body ?? '', { exactHeaders: true });
}

/**
 * What the page needs to replay each case: the case's method, headers and body, with the URL
 * rewritten to this server (path /api/case/<name>, query kept). Cases without an HTTP response
 * go to the closed port instead, keeping their path.
 */
export function pageRequests(cases, refusedOrigin) {
  return cases.map((seedCase) => {
    const original = new URL(seedCase.request.url);
    const url = hasNoHttpResponse(seedCase)
      ? `${refusedOrigin}${original.pathname}${original.search}`
      : `/api/case/${encodeURIComponent(seedCase.name)}${original.search}`;
    return {
      name: seedCase.name,
      method: seedCase.request.method,
      url,
      headers: seedCase.request.headers ?? {},
      body: seedCase.request.body ?? null,
      expectedStatus: seedCase.response?.status ?? 0,
      expectedError: seedCase.response?.error ?? null,
    };
  });
}
