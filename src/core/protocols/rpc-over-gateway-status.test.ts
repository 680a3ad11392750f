// Issue #13: which wins when the HTTP status and an RPC body disagree, protocol by protocol, as each spec says
// (table and sources: docs/formats.md, "HTTP status or protocol status"). gRPC, Connect, Twirp and tRPC tie the
// status to the code, so a valid protocol error is the server's and its code decides; a body that is not one
// (a proxy's HTML or empty 503) is judged by the status. GraphQL over HTTP lets a client trust an
// `application/json` body on a non-200 only as far as it goes: on a gateway retry status the status judges.
// JSON-RPC's rules are in jsonrpc-transport-status.test.ts.
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import type { Classification, Exchange } from '../types';
import { protocolLabel } from './label';

const ex = (
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
  url = 'https://api.example.test/acme.v1.Users/Get',
): Exchange => ({
  method: 'POST',
  url,
  status,
  responseHeaders: { 'content-type': contentType, ...headers },
  body,
});
const json = (status: number, body: unknown, headers: Record<string, string> = {}, url?: string) =>
  classify(ex(status, 'application/json', JSON.stringify(body), headers, url));
const PROXY_503 =
  '<html><head><title>503 Service Temporarily Unavailable</title></head><body><h1>Service Temporarily Unavailable</h1><p>The upstream server is not responding. Please try again later.</p></body></html>';
const fields = (c: Classification) => ({
  protocol: c.protocol,
  errorCode: c.errorCode,
  retryable: c.retryable,
});

describe('gRPC-web: grpc-status, when present, decides; without it the HTTP status does', () => {
  it('a grpc-status header on a 503 is the server’s: INVALID_ARGUMENT stays a fix-the-request error', () => {
    const c = classify(ex(503, 'application/grpc-web+proto', '', { 'grpc-status': '3', 'grpc-message': 'bad id' }));
    expect(fields(c)).toEqual({ protocol: 'grpc-web', errorCode: 'INVALID_ARGUMENT', retryable: false });
    expect(protocolLabel(c)).toBe('gRPC-web · INVALID_ARGUMENT (3)');
  });

  it('a proxy’s 503 without grpc-status is retryable, names no code, and notes what a gRPC client infers', () => {
    const c = classify(ex(503, 'application/grpc-web+proto', ''));
    expect(fields(c)).toEqual({ protocol: 'grpc-web', errorCode: null, retryable: true });
    expect(c.notes.join('\n')).toContain('HTTP 503 without grpc-status as UNAVAILABLE (14)');
    expect(protocolLabel(c)).toBe('gRPC-web');
  });

  it('a 404 without grpc-status reads as UNIMPLEMENTED (no such route) and is not retried', () => {
    const c = classify(ex(404, 'application/grpc-web+proto', ''));
    expect(c).toMatchObject({ protocol: 'grpc-web', errorCode: null, retryable: false });
    expect(c.notes.join('\n')).toContain('as UNIMPLEMENTED (12)');
  });
});

describe('Connect: a valid Connect error decides; any other body is judged by its status', () => {
  it('invalid_argument on a 503 keeps its code and is not retried (the status should match the code)', () => {
    const c = json(503, { code: 'invalid_argument', message: 'name is required' });
    expect(fields(c)).toEqual({ protocol: 'connect', errorCode: 'invalid_argument', retryable: false });
    expect(protocolLabel(c)).toBe('Connect · invalid_argument (3)');
  });

  it('a proxy’s HTML 503 is retryable, with the page’s sentence and no code', () => {
    const c = classify(ex(503, 'text/html', PROXY_503));
    expect(c).toMatchObject({ errorCode: null, retryable: true });
    expect(c.protocol).toBeUndefined();
    expect(c.message).toContain('The upstream server is not responding');
  });

  it('JSON that is not a Connect error (a gateway’s own envelope) on a 503 is judged by the status', () => {
    const c = json(503, { message: 'no healthy upstream' });
    expect(c.protocol).toBeUndefined();
    expect(c).toMatchObject({ errorCode: null, message: 'no healthy upstream', retryable: true });
  });
});

describe('Twirp: a valid Twirp error decides; an intermediary’s body is judged by its status', () => {
  const twirpUrl = 'https://api.example.test/twirp/acme.v1.Users/Get';

  it('invalid_argument on a 503 keeps its code and is not retried', () => {
    const c = json(503, { code: 'invalid_argument', msg: 'id is required' }, {}, twirpUrl);
    expect(fields(c)).toEqual({ protocol: 'twirp', errorCode: 'invalid_argument', retryable: false });
    expect(protocolLabel(c)).toBe('Twirp · invalid_argument (3)');
  });

  it('a code outside Twirp’s table is no Twirp error: a 502 with it is retryable', () => {
    const c = json(502, { code: 'upstream_gone', msg: 'upstream closed the connection' }, {}, twirpUrl);
    expect(c.protocol).toBeUndefined();
    expect(c.retryable).toBe(true);
  });

  it('an empty 504 from the load balancer is retryable and names no code', () => {
    const c = classify(ex(504, 'text/plain', '', {}, twirpUrl));
    expect(c).toMatchObject({ errorCode: null, message: null, retryable: true });
  });
});

describe('tRPC: the error shape decides (the server sets the status from the code)', () => {
  const shape = (code: string, httpStatus: number, message: string) => ({
    error: { json: { message, code: -32600, data: { code, httpStatus, path: 'user.get' } } },
  });

  it('BAD_REQUEST on a 503 keeps its code and is not retried', () => {
    const c = json(503, shape('BAD_REQUEST', 400, 'id must be a uuid'));
    expect(fields(c)).toEqual({ protocol: 'trpc', errorCode: 'BAD_REQUEST', retryable: false });
    expect(protocolLabel(c)).toBe('tRPC · BAD_REQUEST');
  });

  it('TOO_MANY_REQUESTS on a 429 with Retry-After waits that long', () => {
    const c = json(429, shape('TOO_MANY_REQUESTS', 429, 'slow down'), { 'retry-after': '12' });
    expect(c).toMatchObject({ protocol: 'trpc', retryable: true, retryAfterSeconds: 12 });
  });
});

describe('GraphQL over HTTP: an application/json body on a gateway retry status does not decide', () => {
  const body = { data: null, errors: [{ message: 'Subgraph request failed', extensions: { code: 'FORBIDDEN' } }] };

  it('FORBIDDEN in application/json on a 502 keeps its code; the status makes it retryable', () => {
    const c = json(502, body);
    expect(fields(c)).toEqual({ protocol: 'graphql', errorCode: 'FORBIDDEN', retryable: true });
    expect(protocolLabel(c)).toBe('GraphQL · FORBIDDEN');
  });

  it('the same body as application/graphql-response+json is the server’s own: not retryable', () => {
    const c = classify(ex(502, 'application/graphql-response+json', JSON.stringify(body)));
    expect(fields(c)).toEqual({ protocol: 'graphql', errorCode: 'FORBIDDEN', retryable: false });
  });

  it('on a 200 and a 403 the code still decides', () => {
    expect(json(200, body).retryable).toBe(false);
    expect(json(403, body).retryable).toBe(false);
  });

  it('a message naming a used-up monthly quota still says no on a 503', () => {
    const quota = {
      errors: [{ message: 'Your monthly quota is used up; upgrade your plan', extensions: { code: 'QUOTA' } }],
    };
    expect(json(503, quota, {}, 'https://api.example.test/graphql').retryable).toBe(false);
  });
});
