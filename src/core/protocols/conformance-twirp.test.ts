// Twirp conformance, generated from spec v7: every error code with the HTTP status the spec maps it to,
// as JSON and protobuf routes answer it (errors are always JSON), with and without `meta`, with an
// empty `msg`, and a route error's `twirp_invalid_route` meta.
// Sources: https://twitchtv.github.io/twirp/docs/spec_v7.html#error-codes ,
// https://github.com/twitchtv/twirp/blob/main/errors.go (ServerHTTPStatusFromErrorCode, badRouteError),
// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md (the retry guidance of the codes Twirp shares with gRPC)
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import type { Exchange } from '../types';

/** spec_v7 "Error codes": code, HTTP status, and whether a re-send after a wait can succeed. */
const CODES: ReadonlyArray<[string, number, boolean]> = [
  ['canceled', 408, false],
  ['unknown', 500, true],
  ['invalid_argument', 400, false],
  ['malformed', 400, false],
  ['deadline_exceeded', 408, true],
  ['not_found', 404, false],
  ['bad_route', 404, false],
  ['already_exists', 409, false],
  ['permission_denied', 403, false],
  ['unauthenticated', 401, false],
  ['resource_exhausted', 429, true],
  ['failed_precondition', 412, false],
  ['aborted', 409, true],
  ['out_of_range', 400, false],
  ['unimplemented', 501, false],
  ['internal', 500, true],
  ['unavailable', 503, true],
  ['dataloss', 500, false],
];

const MSG = 'the order could not be updated';

const ex = (status: number, body: unknown, requestMime = 'application/json'): Exchange => ({
  method: 'POST',
  url: 'https://api.example.test/twirp/acme.orders.v1.Orders/Update',
  status,
  requestHeaders: { 'content-type': requestMime },
  responseHeaders: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

type Framing = { name: string; build: (code: string, http: number) => Exchange };
const FRAMINGS: Framing[] = [
  { name: 'code and msg', build: (code, http) => ex(http, { code, msg: MSG }) },
  { name: 'with empty meta', build: (code, http) => ex(http, { code, msg: MSG, meta: {} }) },
  {
    name: 'with string meta',
    build: (code, http) => ex(http, { code, msg: MSG, meta: { argument: 'order_id', cause: 'lookup' } }),
  },
  {
    name: 'protobuf route (errors stay JSON)',
    build: (code, http) => ex(http, { code, msg: MSG }, 'application/protobuf'),
  },
];

describe('Twirp: every error code × every framing', () => {
  for (const framing of FRAMINGS) {
    describe(framing.name, () => {
      it.each(CODES)('%s (HTTP %i)', (code, http, retryable) => {
        const c = classify(framing.build(code, http));
        expect(c).toMatchObject({ failure: true, protocol: 'twirp', errorCode: code, retryable, message: MSG });
      });
    });
  }
  it('an empty msg reports no message', () => {
    const c = classify(ex(500, { code: 'internal', msg: '' }));
    expect(c).toMatchObject({ failure: true, protocol: 'twirp', errorCode: 'internal' });
  });
  it('bad_route with twirp_invalid_route meta', () => {
    const c = classify(
      ex(404, {
        code: 'bad_route',
        msg: 'no handler for path "/twirp/acme.orders.v1.Orders/Updat"',
        meta: { twirp_invalid_route: 'POST /twirp/acme.orders.v1.Orders/Updat' },
      }),
    );
    expect(c).toMatchObject({
      failure: true,
      protocol: 'twirp',
      errorCode: 'bad_route',
      retryable: false,
      errorId: null,
    });
  });
  it('a resource_exhausted naming a daily quota is not worth a re-send', () => {
    const c = classify(ex(429, { code: 'resource_exhausted', msg: 'daily quota exceeded for this project' }));
    expect(c).toMatchObject({ errorCode: 'resource_exhausted', retryable: false });
  });
});
