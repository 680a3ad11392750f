// Issue 13, session 21 (fresh21b): shapes the fresh protocol/platform set (corpus/cases/fresh-s21b.json, unseen real
// responses labelled before any run) showed in its dev part; corpus/tools/fresh-s21b-sources.md names the sources.
// "counter" rows hold what must not change.
import { describe, expect, it } from 'vitest';
import { retryableFromCode } from './semantics';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

const VARIANTS: Variant[] = [
  {
    name: 'SCIM 2.0 (RFC 7644 §3.12): scimType is the error code',
    status: 400,
    type: 'application/scim+json',
    body: { schemas: [SCIM_ERROR], scimType: 'invalidFilter', detail: 'Filter syntax is invalid', status: '400' },
    expect: { errorCode: 'invalidFilter', message: 'Filter syntax is invalid', retryable: false },
  },
  {
    name: 'counter: a SCIM error without scimType carries no code',
    status: 404,
    type: 'application/scim+json',
    body: { schemas: [SCIM_ERROR], detail: 'Resource 42 not found', status: '404' },
    expect: { errorCode: null, message: 'Resource 42 not found' },
  },
  {
    name: 'a 200 whose result is a failure sentence and no payload fails (Transmission RPC shape)',
    status: 200,
    body: { arguments: {}, result: 'unable to save resume file' },
    expect: { failure: true, message: 'unable to save resume file' },
  },
  {
    name: 'a 200 whose status is a failure sentence beside an empty data slot fails',
    status: 200,
    body: { status: 'Invalid session token', data: null },
    expect: { failure: true, message: 'Invalid session token' },
  },
  {
    name: 'counter: result "success" with a payload is a success',
    status: 200,
    body: { arguments: { 'torrent-added': { id: 1, name: 'x' } }, result: 'success' },
    expect: { failure: false },
  },
  {
    name: 'counter: a result sentence beside a payload is data, not the call failing',
    status: 200,
    body: { result: 'invalid address format', data: { input: 'foo', suggestions: ['bar'] } },
    expect: { failure: false },
  },
  {
    name: 'counter: a one-word result is left to the status words',
    status: 200,
    body: { result: 'unknown', arguments: {} },
    expect: { failure: false },
  },
  {
    name: 'counter: a neutral result sentence is a success',
    status: 200,
    body: { arguments: {}, result: 'torrent queued for download' },
    expect: { failure: false },
  },
];

describe('fresh-set shapes (session 21, protocols and platforms)', () => {
  it.each(rows(VARIANTS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('a code that names a duplicate is not retryable, even beside a timeout word', () => {
  it.each([
    ['timeout-or-duplicate', false],
    ['DUPLICATE_TRANSACTION', false],
    ['token_already_used', false],
    ['already-redeemed', false],
  ] as const)('%s', (code, want) => expect(retryableFromCode(code)).toBe(want));
  it.each([
    // counters: a duplicate still being processed passes later; a plain timeout stays transient
    ['duplicate_request_in_progress', true],
    ['request_timeout', true],
  ] as const)('counter: %s', (code, want) => expect(retryableFromCode(code)).toBe(want));
});
