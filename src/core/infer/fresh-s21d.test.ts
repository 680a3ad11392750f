// Issue 13, session 21 round 2 (fresh21d): shapes the second fresh protocol/platform set (corpus/cases/fresh-s21d.json,
// unseen real responses labelled before any run) showed in its dev part; corpus/tools/fresh-s21d-sources.md names the
// sources. "counter" rows hold what must not change.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const VARIANTS: Variant[] = [
  {
    name: 'a plain-text "[code] message" line names its code (Go jrpc2 error text, JSON-RPC code in brackets)',
    status: 500,
    type: 'text/plain; charset=utf-8',
    body: '[-32700] invalid request value\n',
    expect: { errorCode: '-32700', message: 'invalid request value', retryable: false },
  },
  {
    name: 'a bracketed symbolic code leads a plain-text line',
    status: 400,
    type: 'text/plain',
    body: '[INVALID_ARGUMENT] the field "name" is required',
    expect: { errorCode: 'INVALID_ARGUMENT', message: 'the field "name" is required' },
  },
  {
    name: 'counter: a bracketed log prefix that is not a code is no code',
    status: 500,
    type: 'text/plain',
    body: '[error] upstream connection refused',
    expect: { errorCode: null },
  },
  {
    name: 'counter: a bracketed date is no code',
    status: 502,
    type: 'text/plain',
    body: '[2026-12-06] upstream connection refused',
    expect: { errorCode: null },
  },
  {
    name: 'a 200 whose only member is an error-named object holding an HTTP error status fails (gateway error details)',
    status: 200,
    body: { error_backend_alias: { http_body: 'Data does not exist in the system', http_status_code: 500 } },
    expect: { failure: true, message: 'Data does not exist in the system' },
  },
  {
    name: 'counter: an error-named counter beside a payload is a success',
    status: 200,
    body: { error_count: 0, items: [{ id: 1 }] },
    expect: { failure: false },
  },
  {
    name: 'counter: an error-named object holding a success status is a success',
    status: 200,
    body: { error_backend_alias: { http_status_code: 200 }, data: { id: 1 } },
    expect: { failure: false },
  },
  {
    name: 'a 202 whose code and message say the work is in progress is accepted, not failed (Snowflake SQL API 333334)',
    status: 202,
    body: {
      code: '333334',
      message: 'Asynchronous execution in progress. Use provided query id to perform query monitoring and management.',
      statementHandle: '01b2c3d4-0000-1a2b-0000-00a1b2c3d4e6',
    },
    expect: { failure: false },
  },
  {
    name: 'counter: a 202 whose message says another operation is in progress still fails',
    status: 202,
    body: { code: 1001, message: 'Another operation is in progress for this resource' },
    expect: { failure: true },
  },
  {
    name: 'counter: a 200 with a code and a progress message is left to the code',
    status: 200,
    body: { code: 5003, message: 'Export queued' },
    expect: { failure: true },
  },
];

describe('fresh-set shapes (session 21 round 2, protocols and platforms)', () => {
  it.each(rows(VARIANTS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
