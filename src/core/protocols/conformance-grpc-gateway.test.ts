// gRPC transcoding gateways (grpc-gateway, Envoy's gRPC-JSON transcoder, ESPv2) answer REST callers with
// the google.rpc.Status as JSON: `{code: <number>, message, details: [{"@type", …}]}` on the HTTP status
// the gateway maps the code to (grpc-gateway v1 also repeats the message under `error`). Every code ×
// both shapes, and RetryInfo/ErrorInfo details.
// Sources: https://github.com/grpc-ecosystem/grpc-gateway/blob/main/runtime/errors.go (HTTPStatusFromCode,
// DefaultHTTPErrorHandler), https://github.com/grpc-ecosystem/grpc-gateway/blob/v1.16.0/runtime/errors.go
// (errorBody with `error`), https://github.com/grpc/grpc/blob/master/doc/statuscodes.md ,
// https://github.com/googleapis/googleapis/blob/master/google/rpc/error_details.proto
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import type { Exchange } from '../types';

/** code number, HTTPStatusFromCode, whether a re-send after a wait can succeed. */
const CODES: ReadonlyArray<[number, number, boolean]> = [
  [1, 499, false],
  [2, 500, true],
  [3, 400, false],
  [4, 504, true],
  [5, 404, false],
  [6, 409, false],
  [7, 403, false],
  [8, 429, true],
  [9, 400, false],
  [10, 409, true],
  [11, 400, false],
  [12, 501, false],
  [13, 500, true],
  [14, 503, true],
  [15, 500, false],
  [16, 401, false],
];

const MESSAGE = 'user 42 could not be read';

const ex = (status: number, body: unknown): Exchange => ({
  method: 'GET',
  url: 'https://api.example.test/v1/users/42',
  status,
  responseHeaders: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('gRPC transcoding gateways: every code × both body shapes', () => {
  it.each(CODES)('v2 {code, message, details}: %i on HTTP %i', (code, http, retryable) => {
    const c = classify(ex(http, { code, message: MESSAGE, details: [] }));
    expect(c).toMatchObject({ failure: true, errorCode: String(code), retryable, message: MESSAGE });
  });
  it.each(CODES)('v1 {error, code, message, details}: %i on HTTP %i', (code, http, retryable) => {
    const c = classify(ex(http, { error: MESSAGE, code, message: MESSAGE, details: [] }));
    expect(c).toMatchObject({ failure: true, errorCode: String(code), retryable, message: MESSAGE });
  });
});

describe('gRPC transcoding gateways: details', () => {
  it('RetryInfo.retryDelay is the wait', () => {
    const c = classify(
      ex(429, {
        code: 8,
        message: 'quota',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '30s' }],
      }),
    );
    expect(c).toMatchObject({ errorCode: '8', retryable: true, retryAfterSeconds: 30 });
  });
  it('RequestInfo.requestId is the support ID', () => {
    const c = classify(
      ex(500, {
        code: 13,
        message: 'boom',
        details: [
          { '@type': 'type.googleapis.com/google.rpc.RequestInfo', requestId: 'req-9f8e7d6c', servingData: '' },
        ],
      }),
    );
    expect(c).toMatchObject({ errorCode: '13', errorId: 'req-9f8e7d6c' });
  });
});
