// Issue 13, round 3 (reach-h): problem details from frameworks and gateways. A `type` linking the
// status's own definition (W3C's RFC 2616 section 10, httpstatuses.*) restates the status; and an
// occurrence id may sit in an extension object (`trace: {requestId}`, `meta: {request_id}`).
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const UUID = '2f1b7e3c-1a7d-4c6f-9a3e-6f7c2b4d8e01';
const PROBLEM = 'application/problem+json';

const STATUS_DOC_TYPES: Variant[] = [
  {
    name: 'W3C RFC 2616 section 10 page',
    status: 422,
    type: PROBLEM,
    body: {
      type: 'http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'Failed Validation',
    },
    expect: { errorCode: null, message: 'Failed Validation' },
  },
  {
    name: 'W3C page without www, https, 404',
    status: 404,
    type: PROBLEM,
    body: {
      type: 'https://w3.org/Protocols/rfc2616/rfc2616-sec10.html',
      title: 'Not Found',
      status: 404,
      detail: 'Entity not found',
    },
    expect: { errorCode: null, message: 'Entity not found' },
  },
  {
    name: 'httpstatuses.com status page',
    status: 409,
    type: PROBLEM,
    body: { type: 'https://httpstatuses.com/409', title: 'Conflict', status: 409, detail: 'Version already exists' },
    expect: { errorCode: null, message: 'Version already exists' },
  },
  {
    name: 'httpstatuses.io status page',
    status: 403,
    type: PROBLEM,
    body: { type: 'https://httpstatuses.io/403', title: 'Forbidden', status: 403, detail: 'Scope missing' },
    expect: { errorCode: null, message: 'Scope missing' },
  },
  {
    name: 'counter: a vendor page under w3.org that is not the status definitions stays a code',
    status: 400,
    type: PROBLEM,
    body: {
      type: 'https://www.w3.org/ns/problems/invalid-shape',
      title: 'Bad shape',
      status: 400,
      detail: 'Shape is invalid',
    },
    expect: { errorCode: 'https://www.w3.org/ns/problems/invalid-shape' },
  },
  {
    name: 'counter: an API type naming the error stays a code',
    status: 400,
    type: PROBLEM,
    body: {
      type: 'https://api.example.com/problems/out-of-credit',
      title: 'No credit',
      status: 400,
      detail: 'Balance 30',
    },
    expect: { errorCode: 'https://api.example.com/problems/out-of-credit' },
  },
];

const NESTED_IDS: Variant[] = [
  {
    name: 'trace.requestId beside timestamp and rayId',
    status: 401,
    type: PROBLEM,
    body: {
      type: 'https://httpproblems.com/http-status/401',
      title: 'Unauthorized',
      status: 401,
      detail: 'No Authorization Header',
      instance: '/v1/todos',
      trace: { timestamp: '2026-12-06T05:00:00.000Z', requestId: UUID, rayId: '7f1e2d3c4b5a6978-IAD' },
    },
    expect: { errorId: UUID, message: 'No Authorization Header', errorCode: null },
  },
  {
    name: 'trace.traceId, 429',
    status: 429,
    type: PROBLEM,
    body: {
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      trace: { traceId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' },
    },
    expect: { errorId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', retryable: true },
  },
  {
    name: 'meta.request_id',
    status: 400,
    type: PROBLEM,
    body: {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'name is required',
      meta: { request_id: 'req_8f3a2b1c9d' },
    },
    expect: { errorId: 'req_8f3a2b1c9d', message: 'name is required' },
  },
  {
    name: 'debug.correlationId',
    status: 500,
    type: PROBLEM,
    body: { type: 'about:blank', title: 'Internal Server Error', status: 500, debug: { correlationId: UUID } },
    expect: { errorId: UUID },
  },
  {
    name: 'top-level traceId wins over a nested one',
    status: 400,
    type: PROBLEM,
    body: {
      title: 'Bad Request',
      status: 400,
      detail: 'x is bad',
      traceId: '00-abc123def4567890abc123def4567890-1234567890abcdef-00',
      trace: { requestId: UUID },
    },
    expect: { errorId: '00-abc123def4567890abc123def4567890-1234567890abcdef-00' },
  },
];

describe('problem status-definition types and nested occurrence ids (issue 13, reach-h)', () => {
  it.each(rows(STATUS_DOC_TYPES))('status-doc type: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(NESTED_IDS))('nested id: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
