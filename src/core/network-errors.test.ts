import { describe, expect, it } from 'vitest';
import { networkErrorRule } from './network-errors';

describe('networkErrorRule', () => {
  it.each([
    ['net::ERR_CONNECTION_REFUSED', 'refused', true, false],
    ['NS_ERROR_CONNECTION_REFUSED', 'refused', true, false],
    ["Multiple exceptions: [Errno 60] Connect call failed ('123.58.180.8', 80)", 'refused', true, false],
    ['net::ERR_NAME_NOT_RESOLVED', 'dns', true, false],
    ['NS_ERROR_UNKNOWN_HOST', 'dns', true, false],
    ['net::ERR_INTERNET_DISCONNECTED', 'offline', true, false],
    ['net::ERR_CONNECTION_TIMED_OUT', 'connect-timeout', true, false],
    ['net::ERR_TIMED_OUT', 'timeout', true, true],
    ['NS_ERROR_NET_TIMEOUT', 'timeout', true, true],
    ['net::ERR_CONNECTION_RESET', 'reset', true, true],
    ['net::ERR_QUIC_PROTOCOL_ERROR', 'reset', true, true],
    ['net::ERR_HTTP2_PROTOCOL_ERROR', 'reset', true, true],
    ['net::ERR_EMPTY_RESPONSE', 'reset', true, true],
    ['net::ERR_ABORTED', 'aborted', false, true],
    ['NS_BINDING_ABORTED', 'aborted', false, true],
    ['net::ERR_BLOCKED_BY_CLIENT', 'blocked-by-client', false, false],
    ['CORS request did not succeed', 'cors', false, true],
    ['Cross-Origin Request Blocked: missing Access-Control-Allow-Origin', 'cors', false, true],
    ['net::ERR_BLOCKED_BY_ORB', 'blocked-by-policy', false, true],
    ['blocked:mixed-content', 'blocked-by-policy', false, true],
    ['net::ERR_INSECURE_RESPONSE', 'tls', false, false],
    ['net::ERR_CERT_DATE_INVALID', 'tls', false, false],
    ['SEC_ERROR_UNKNOWN_ISSUER', 'tls', false, false],
    ['net::ERR_TOO_MANY_REDIRECTS', 'redirect-loop', false, true],
  ])('%s → %s', (error, cause, retryable, mayHaveReachedServer) => {
    expect(networkErrorRule(error)).toMatchObject({ cause, retryable, mayHaveReachedServer });
  });

  it('treats ERR_CONNECTION_ABORTED as a broken connection, not a page cancel', () => {
    expect(networkErrorRule('net::ERR_CONNECTION_ABORTED').cause).toBe('reset');
  });

  it('admits not knowing when there is no usable reason', () => {
    expect(networkErrorRule(undefined).cause).toBe('unknown');
    expect(networkErrorRule('net::ERR_FAILED').cause).toBe('unknown');
    expect(networkErrorRule('').retryable).toBe(false);
  });
});
