// The payload beside an envelope's own failure flag (issue 13, session 26): `{success: 0, data: {code}}`,
// `{status: "Error", payload: {code, message}}`. Such a payload carries the failure's details, so its code is the
// error's; beside no failure flag a payload stays a payload and its `code` is a record's.
// Sources: corpus/tools/learn-s26a-sources.md (the class and the dev cases that show it).
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const FAILURE_PAYLOADS: Variant[] = [
  {
    name: 'a numeric code under `data` beside `success: 0`, in a 2xx',
    status: 200,
    body: { success: 0, data: { code: 30417 } },
    expect: { failure: true, errorCode: '30417' },
  },
  {
    name: 'a token code under `payload` beside `status: "Error"`, on a 5xx',
    status: 502,
    body: {
      requestRef: 'f31c09aa',
      payload: { code: 'UPSTREAM_UNAVAILABLE', message: 'UPSTREAM_UNAVAILABLE' },
      status: 'Error',
    },
    expect: { failure: true, errorCode: 'UPSTREAM_UNAVAILABLE' },
  },
  {
    name: 'an `error_code` under `data` beside `ok: false`, on a 4xx',
    status: 403,
    body: { ok: false, data: { error_code: 'plan_limit_reached', detail: 'Your plan allows 3 projects.' } },
    expect: { failure: true, errorCode: 'plan_limit_reached' },
  },
  {
    name: 'the same flags and payload in Pascal case',
    status: 200,
    body: { Success: 0, Data: { Code: 41002 } },
    expect: { failure: true, errorCode: '41002' },
  },
  {
    name: 'a code under `data` beside `error: true`',
    status: 400,
    body: { error: true, data: { code: 'E_BAD_RANGE' } },
    expect: { failure: true, errorCode: 'E_BAD_RANGE' },
  },
];

const PLAIN_PAYLOADS: Variant[] = [
  {
    name: 'counter: a record code under `data` beside `success: true` is no error code',
    status: 200,
    body: { success: true, data: { code: 'PRD-2201', name: 'Blue mug' } },
    expect: { failure: false, errorCode: null },
  },
  {
    name: 'counter: a record code under `data` beside `status: "ok"` is no error code',
    status: 200,
    body: { status: 'ok', data: { code: 'EUR', rate: 1.08 } },
    expect: { failure: false, errorCode: null },
  },
  {
    name: 'counter: a payload beside no failure flag stays a payload, even on a 4xx',
    status: 404,
    body: { data: { code: 'SKU-0042' }, message: 'Product not found' },
    expect: { failure: true, errorCode: null, message: 'Product not found' },
  },
];

describe('failure payloads: the code beside an envelope failure flag is the error code', () => {
  it.each(rows(FAILURE_PAYLOADS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('failure payloads: a payload beside no failure flag is not read for codes', () => {
  it.each(rows(PLAIN_PAYLOADS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
