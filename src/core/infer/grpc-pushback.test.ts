// gRPC retry pushback (gRFC A6): `grpc-retry-pushback-ms` is the server's wait in milliseconds; a negative or
// non-integer value asks the client not to retry.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const PUSHBACK: Variant[] = [
  {
    name: 'pushback 2500 on a grpc-web 503: the wait in milliseconds',
    status: 503,
    type: 'application/grpc-web+proto',
    headers: { 'grpc-status': '14', 'grpc-message': 'backend overloaded', 'grpc-retry-pushback-ms': '2500' },
    body: '',
    expect: { retryable: true, retryAfterSeconds: 2.5 },
  },
  {
    name: 'pushback -1 on a 503: do not retry',
    status: 503,
    type: 'application/grpc-web+proto',
    headers: { 'grpc-status': '14', 'grpc-message': 'draining', 'grpc-retry-pushback-ms': '-1' },
    body: '',
    expect: { retryable: false, retryAfterSeconds: null },
  },
  {
    name: 'no pushback header: a 503 UNAVAILABLE stays retryable without a server wait',
    status: 503,
    type: 'application/grpc-web+proto',
    headers: { 'grpc-status': '14', 'grpc-message': 'backend overloaded' },
    body: '',
    expect: { retryable: true, retryAfterSeconds: null },
  },
];

describe('gRPC retry pushback', () => {
  it.each(rows(PUSHBACK))('%s', (_name, variant) => {
    expect(variantMismatches(variant)).toEqual([]);
  });
});
