// Holds the dev part of the real-response corpus (corpus/cases/*.json, split by API in corpus/split.mjs):
// classify() must keep at least DEV_FLOOR of its cases right, by the fixtures README's rules. The test
// part is never read here, nor the held-back collections (corpus/held-back.json): they are scored only by
// `npm run corpus:score`, to measure, not to tune.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HELD_BACK, loadCorpus } from '../../corpus/split.mjs';
import { classify } from './classify';
import { seedMismatches, type SeedCase } from './testing/seed-cases';
import type { Exchange } from './types';

interface CorpusCase extends SeedCase {
  api: string;
  part: 'dev' | 'test' | 'held-back';
  response: SeedCase['response'] & { bodyEncoding?: 'base64' };
}

/**
 * A share of the dev cases set a margin below the dev score (`node corpus/score.mjs --part dev`), so a regression fails
 * here while new dev cases, added before they are fixed, do not. Raise it when the dev score has risen well above it.
 * Session 28: 0.965, as learning sets join the dev part before their fixes (with learn-s28b, dev 1971/2035 = 96.9%).
 * Session 29: 0.955, learn-s29b (non-JSON answers, 35 dev cases, 13 right when added) joins (dev 2093/2183 = 95.9%).
 * Session 30: 0.945 while fresh-s28k's 60 dev cases and the learning sets joined (dev 2166/2273 = 95.3%), then 0.96
 * with their rules in (dev 2284/2364 = 96.6%).
 */
const DEV_FLOOR = 0.96;

/**
 * Dev cases the engine gets wrong on purpose or cannot get right yet, with the reason. They count
 * against the floor like any other miss; listed so that a new miss stands out.
 */
const KNOWN_MISSES: Record<string, string> = {
  // vendors2.json
  'bitfinex-500-array-error': 'the error is a bare array `["error", code, message]`: no envelope key to read',
  'xrpl-200-act-not-found':
    'rippled sends both `error: "actNotFound"` and the numeric `error_code: 19`; the dictionary ranks `error_code` first',
  'contentstack-422-graphql':
    'the GraphQL message is a wrapper ("Failed to run query.") that the generic-wrapper list does not know; the specific one is in extensions.errors',
  'deezer-200-quota':
    'Deezer\'s "Quota limit exceeded" on a 200 is a per-5-seconds rate per its docs; the wording alone reads as an exhausted quota',
  'zoom-429-daily-limit':
    'expects a numeric `code` equal to the HTTP status as the code; other APIs in the corpus (and formats.md) treat that as a status echo',
  'openapi-va-benefits-500-1': 'problem+json reads `code: 500` beside `status: 500` as its code extension',
  'auth0-403-invalid-grant':
    'expects no ID although the response carries a cf-ray header, which the engine offers as the last resort',
  'auth0-mgmt-400-payload-validation': 'same: a cf-ray header is offered as the ID',
  'openai-503-overloaded-request-id-in-message':
    'the OpenAI recognizer falls back to `error.type` when `error.code` is null',
  'openapi-clever-cloud-403-1': 'the code is a numeric `id` beside `type: "error"`',
  // reach-d.json (class 3 misses of the session-15 fresh batch, the other reach engineer's classes)
  'slite-429-id-is-the-error-kind':
    'the error kind is in `id` (`rate-limit`), a name the code dictionary does not read',
  'netsuite-401-invalid-login-error-details':
    'the specific message is in `o:errorDetails[0].detail`; the generic `title` ("Unauthorized") is taken',
  // reach-e.json (misses of the round-2 fresh batch left after its fixes)
  'filestack-200-text-invalid-application':
    'a 200 whose plain-text body is "Invalid Application": no rule tells a short error phrase from text data in a success',
  'census-api-200-html-invalid-key':
    'a 200 HTML page headed "Invalid Key": pages are read as errors only with an error status',
  'feedly-401-error-id-message':
    'expects no code for `errorCode: 401` equal to the status; the engine keeps a number under a key named errorCode (`error_code: 429`)',
  // reach-c.json
  'ups-track-200-warning-not-found':
    'a 200 whose only content is a `warnings[]` item ("Tracking Information Not Found"); warnings are data in successes too',
  // reach-i-2.json
  'liveperson-500-internal-error-code-9007':
    'a 500 whose only content is `internalErrorCode: "9007"` (an invalid JWT per the vendor); nothing in the body says the failure is permanent',
  // reach-f.json
  'brex-401-revoked-token':
    'Brex names the error in `type: "UNAUTHORIZED"`; a one-word upper-case `type` also names kinds of records, so it is not read as a code',
  // reach-j.json
  'nexus-repository-400-reason-phrase':
    'Nexus puts its message in a custom reason phrase over an empty body; the inference never sees the status text',
  'misskey-401-credential-required-type-id':
    "Misskey's `error.id` is the UUID of the error's kind, not of the event; no rule tells it from an event UUID in the same place",
  'prestashop-500-xml-cdata-error': 'a validation message sent as a 500: no general rule tells it from a transient 500',
};

const START = Date.parse('2026-11-23T18:00:00.000Z');

function exchangeOf(c: CorpusCase): Exchange {
  const headers = c.response.headers ?? {};
  return {
    method: c.request.method,
    url: c.request.url,
    requestHeaders: c.request.headers ?? {},
    requestBody: c.request.body,
    status: c.response.status,
    statusText: c.response.statusText,
    responseHeaders: headers,
    body: c.response.body,
    bodyEncoding: c.response.bodyEncoding,
    error: c.response.error,
    mimeType: (headers['content-type'] ?? '').split(';')[0].trim() || undefined,
  };
}

const casesDir = fileURLToPath(new URL('../../corpus/cases', import.meta.url));
const all: CorpusCase[] = existsSync(casesDir) ? (loadCorpus([casesDir]) as CorpusCase[]) : [];
const dev = all.filter((c) => c.part === 'dev');

describe('corpus dev part', () => {
  it(`keeps at least ${DEV_FLOOR * 100}% of the dev cases right (${dev.length} cases)`, () => {
    const misses: string[] = [];
    dev.forEach((c, i) => {
      const got = classify(exchangeOf(c), { now: START + i * 1000 });
      const problems = seedMismatches(c.expected, got);
      if (problems.length) misses.push(`${c.name}${KNOWN_MISSES[c.name] ? ' (known)' : ''}: ${problems.join('; ')}`);
    });
    const unknown = misses.filter((m) => !m.includes(' (known): '));
    const passRate = dev.length ? (dev.length - misses.length) / dev.length : 1;
    if (process.env.CORPUS_MISSES) console.log(misses.join('\n'));
    expect(passRate, `misses not listed in KNOWN_MISSES:\n${unknown.join('\n')}`).toBeGreaterThanOrEqual(DEV_FLOOR);
  });

  it('never reads the test part', () => {
    // The split is by API: no API has cases in both parts, so tuning on dev cannot see a test API.
    const devApis = new Set(dev.map((c) => c.api));
    expect(all.filter((c) => c.part === 'test' && devApis.has(c.api))).toEqual([]);
  });

  it('never reads a held-back collection, whatever its APIs hash to', () => {
    const heldBack = all.filter((c) => HELD_BACK.has((c as CorpusCase & { collection: string }).collection));
    expect(heldBack.length).toBeGreaterThan(0);
    expect(heldBack.every((c) => c.part === 'held-back')).toBe(true);
    expect(dev.filter((c) => heldBack.includes(c))).toEqual([]);
  });
});
