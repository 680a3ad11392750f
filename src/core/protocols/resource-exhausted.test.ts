// Issue 13, class 7 in RPC protocols (session 16, reach-k): RESOURCE_EXHAUSTED is a rate limit, so a
// re-send after a wait can succeed, unless its message names a quota that waiting seconds won't
// refill (per day, per month, billing). Rows written from the Connect and Twirp error formats
// (connectrpc.com/docs/protocol, twitchtv.github.io/twirp/docs/spec_v7.html) and gRPC-web trailers.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const EXHAUSTED: Variant[] = [
  {
    name: 'Connect resource_exhausted: a per-day quota',
    status: 429,
    method: 'POST',
    body: { code: 'resource_exhausted', message: 'quota exceeded: 1000 requests per day' },
    expect: { failure: true, retryable: false, errorCode: 'resource_exhausted' },
  },
  {
    name: 'Connect resource_exhausted: a billing limit',
    status: 429,
    method: 'POST',
    body: { code: 'resource_exhausted', message: 'Your organization has reached its monthly spending limit.' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'Twirp resource_exhausted: a daily quota',
    status: 429,
    method: 'POST',
    body: { code: 'resource_exhausted', msg: 'daily quota exceeded for this API key', meta: {} },
    expect: { failure: true, retryable: false, errorCode: 'resource_exhausted' },
  },
  {
    name: 'gRPC-web trailers-only RESOURCE_EXHAUSTED (8): a per-day quota',
    status: 200,
    method: 'POST',
    headers: { 'grpc-status': '8', 'grpc-message': 'Quota%20exceeded%3A%20requests%20per%20day' },
    body: '',
    type: 'application/grpc-web+proto',
    expect: { failure: true, retryable: false },
  },
  {
    name: 'Connect resource_exhausted: a per-second rate stays retryable',
    status: 429,
    method: 'POST',
    body: { code: 'resource_exhausted', message: 'rate limit exceeded: 10 requests per second' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'Twirp resource_exhausted: retry later stays retryable',
    status: 429,
    method: 'POST',
    body: { code: 'resource_exhausted', msg: 'rate limit exceeded, retry later', meta: { retry_after: '5' } },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'gRPC-web RESOURCE_EXHAUSTED with no message stays retryable',
    status: 200,
    method: 'POST',
    headers: { 'grpc-status': '8' },
    body: '',
    type: 'application/grpc-web+proto',
    expect: { failure: true, retryable: true },
  },
];

describe('RESOURCE_EXHAUSTED: rate limit or exhausted quota', () => {
  it.each(rows(EXHAUSTED))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
