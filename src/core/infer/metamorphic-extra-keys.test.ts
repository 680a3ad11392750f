// Session 22 (meta13): envelope metadata added beside a failed 2xx (`timestamp`, `path`, `docs_url`, `meta`) must
// not hide its failure (corpus/tools/metamorph.ts `extra-keys-*`; dev cases with the four keys appended).
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const EXTRA = {
  timestamp: '2026-11-23T18:00:00.000Z',
  path: '/v1/things/42',
  docs_url: 'https://docs.example.test/errors',
  meta: { version: '1.4.2', region: 'eu-west-1' },
};

const WITH_METADATA: Variant[] = [
  {
    name: '`{status: "1", error_text}` (vonage-verify-200-status-1-throttled) with metadata',
    status: 200,
    body: { error_text: 'Throttled', status: '1', ...EXTRA },
    expect: { failure: true, errorCode: '1', message: 'Throttled' },
  },
  {
    name: '`{status_code: "401", status_message, id}` (midtrans-200-status-code-401) with metadata',
    status: 200,
    body: {
      status_code: '401',
      status_message: 'Transaction cannot be authorized with the current client/server key.',
      id: '6fb3de50-8872-48a1-b798-073944609ffc',
      ...EXTRA,
    },
    expect: { failure: true, message: 'Transaction cannot be authorized with the current client/server key.' },
  },
  {
    name: '`{status: 240, message}` (baidu-map-200-status-240-app-disabled) with metadata',
    status: 200,
    body: { status: 240, message: 'APP 服务被禁用', ...EXTRA },
    expect: { failure: true, errorCode: '240', message: 'APP 服务被禁用' },
  },
  {
    name: 'a lone `Response` around `Error` (tencent-cloud-200-response-error-requestid) with metadata',
    status: 200,
    body: {
      Response: {
        Error: { Code: 'AuthFailure.InvalidAuthorization', Message: 'The request header does not conform.' },
        RequestId: '4188663f-43eb-421c-b53f-15566b063140',
      },
      ...EXTRA,
    },
    expect: {
      failure: true,
      errorCode: 'AuthFailure.InvalidAuthorization',
      errorId: '4188663f-43eb-421c-b53f-15566b063140',
    },
  },
  {
    name: 'a lone `response` whose `result` says error (tautulli-200-result-error) with metadata',
    status: 200,
    body: { response: { message: null, data: {}, result: 'error' }, ...EXTRA },
    expect: { failure: true },
  },
  {
    name: 'a success with the same metadata stays a success',
    status: 200,
    body: { status: 'ok', data: { id: 7 }, ...EXTRA },
    expect: { failure: false },
  },
];

describe('envelope metadata does not count toward the 2xx verdict (INCIDENTAL_KEYS)', () => {
  it.each(rows(WITH_METADATA))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
