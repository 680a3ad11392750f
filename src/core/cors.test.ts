import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { corsDiagnosis, isCrossOrigin } from './cors';
import type { Exchange } from './types';

const PAGE = 'http://127.0.0.1:5173';
const API = 'http://localhost:5174/api/items';

function blocked(extra: Partial<Exchange> = {}): Exchange {
  return {
    method: 'GET',
    url: API,
    status: 200,
    responseHeaders: [{ name: 'content-type', value: 'application/json' }],
    error: 'net::ERR_FAILED',
    origin: PAGE,
    ...extra,
  };
}

describe('corsDiagnosis', () => {
  it('is only about cross-origin requests the browser failed', () => {
    expect(isCrossOrigin(PAGE, API)).toBe(true);
    expect(isCrossOrigin(PAGE, `${PAGE}/x`)).toBe(false);
    expect(isCrossOrigin(undefined, API)).toBeNull();
    expect(corsDiagnosis(blocked({ url: `${PAGE}/api` }))).toBeNull();
    expect(corsDiagnosis(blocked({ origin: undefined }))).toBeNull();
    expect(corsDiagnosis(blocked({ error: undefined }))).toBeNull();
    // No response and no preflight: a refused connection reads the same; not called CORS.
    expect(corsDiagnosis(blocked({ status: 0, responseHeaders: [] }))).toBeNull();
    // A WebSocket handshake sends Origin and gets no Access-Control-Allow-Origin: not CORS (Chrome lists it as 101).
    const handshake = blocked({
      url: 'ws://127.0.0.1:5173/socket',
      status: 101,
      error: undefined,
      requestHeaders: [{ name: 'Origin', value: PAGE }],
      responseHeaders: [{ name: 'upgrade', value: 'websocket' }],
    });
    expect(corsDiagnosis(handshake)).toBeNull();
    expect(corsDiagnosis({ ...handshake, url: 'https://127.0.0.1:5173/socket' })).not.toBeNull();
  });

  it('names a missing, mismatched, repeated or wildcard-with-credentials Access-Control-Allow-Origin', () => {
    expect(corsDiagnosis(blocked())?.reason).toBe('MissingAllowOriginHeader');
    const other = corsDiagnosis(
      blocked({ responseHeaders: [{ name: 'Access-Control-Allow-Origin', value: 'https://app.example.com' }] }),
    );
    expect(other?.reason).toBe('AllowOriginMismatch');
    expect(other?.message).toContain('https://app.example.com');
    expect(other?.action).toContain(`Access-Control-Allow-Origin: ${PAGE}`);
    expect(
      corsDiagnosis(blocked({ responseHeaders: [{ name: 'access-control-allow-origin', value: `${PAGE}, ${PAGE}` }] }))
        ?.reason,
    ).toBe('MultipleAllowOriginValues');
    const cookie = [{ name: 'Cookie', value: '[REDACTED]' }];
    const wildcard = [{ name: 'access-control-allow-origin', value: '*' }];
    expect(corsDiagnosis(blocked({ requestHeaders: cookie, responseHeaders: wildcard }))?.reason).toBe(
      'WildcardOriginNotAllowed',
    );
    expect(
      corsDiagnosis(
        blocked({ requestHeaders: cookie, responseHeaders: [{ name: 'access-control-allow-origin', value: PAGE }] }),
      )?.reason,
    ).toBe('InvalidAllowCredentials');
  });

  it('names a failed preflight by its status, and a preflight that does not allow the method or a header', () => {
    const preflight404 = corsDiagnosis(
      blocked({ method: 'PUT', status: 0, responseHeaders: [], preflight: { status: 404, statusText: 'Not Found' } }),
    );
    expect(preflight404?.reason).toBe('PreflightInvalidStatus');
    expect(preflight404?.message).toContain('404 Not Found');
    expect(preflight404?.action).toMatch(/answer OPTIONS \/api\/items with a 2xx/);
    const ok = [{ name: 'access-control-allow-origin', value: PAGE }];
    const method = corsDiagnosis(
      blocked({
        method: 'DELETE',
        status: 0,
        responseHeaders: [],
        preflight: {
          status: 204,
          requestHeaders: [{ name: 'Access-Control-Request-Method', value: 'DELETE' }],
          responseHeaders: [...ok, { name: 'Access-Control-Allow-Methods', value: 'GET, POST' }],
        },
      }),
    );
    expect(method?.reason).toBe('MethodDisallowedByPreflightResponse');
    expect(method?.action).toBe("Add DELETE to the preflight's Access-Control-Allow-Methods.");
    const header = corsDiagnosis(
      blocked({
        method: 'POST',
        status: 0,
        responseHeaders: [],
        preflight: {
          status: 204,
          requestHeaders: [
            { name: 'Access-Control-Request-Method', value: 'POST' },
            { name: 'Access-Control-Request-Headers', value: 'content-type,x-trace-id' },
          ],
          responseHeaders: [...ok, { name: 'Access-Control-Allow-Headers', value: 'Content-Type' }],
        },
      }),
    );
    expect(header?.reason).toBe('HeaderDisallowedByPreflightResponse');
    expect(header?.message).toContain('x-trace-id');
    expect(
      corsDiagnosis(blocked({ status: 0, responseHeaders: [], preflight: { status: 204, responseHeaders: [] } }))
        ?.reason,
    ).toBe('PreflightMissingAllowOriginHeader');
  });
});

describe('classify: CORS and canceled', () => {
  it('names a CORS block "CORS error" with the reason and a server-side action, not retryable', () => {
    const c = classify(blocked());
    expect(c.failure).toBe(true);
    expect(c.kind).toBe('network');
    expect(c.message).toBe('CORS error: the response has no Access-Control-Allow-Origin header');
    expect(c.action).toContain('Access-Control-Allow-Origin');
    expect(c.retryable).toBe(false);
    expect(c.notes).toContain('cors: MissingAllowOriginHeader');
    // The same failure without the page's origin stays a plain network failure.
    expect(classify(blocked({ origin: undefined })).message).not.toMatch(/CORS/);
  });

  it('names a blocked response that the browser reported as completed (Firefox), only for a CORS-mode request', () => {
    const firefox = {
      method: 'GET',
      url: API,
      status: 200,
      responseHeaders: [{ name: 'content-type', value: 'application/json' }],
      origin: PAGE,
    };
    const c = classify({ ...firefox, requestHeaders: [{ name: 'Origin', value: PAGE }] });
    expect([c.failure, c.kind, c.message]).toEqual([
      true,
      'network',
      'CORS error: the response has no Access-Control-Allow-Origin header',
    ]);
    // No Origin header: a no-cors request (an image), which needs no CORS headers.
    expect(classify(firefox).failure).toBe(false);
    // Allowed: not blocked.
    expect(
      classify({
        ...firefox,
        requestHeaders: [{ name: 'Origin', value: PAGE }],
        responseHeaders: [{ name: 'access-control-allow-origin', value: '*' }],
      }).failure,
    ).toBe(false);
    // Same origin sends Origin on POST: never CORS.
    expect(
      classify({ ...firefox, method: 'POST', url: `${PAGE}/api`, requestHeaders: [{ name: 'Origin', value: PAGE }] })
        .failure,
    ).toBe(false);
  });

  it('reads a hostile origin or preflight without throwing', () => {
    const ex = blocked() as unknown as Record<string, unknown>;
    Object.defineProperty(ex, 'preflight', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    const c = classify(ex as unknown as Exchange);
    expect(c.failure).toBe(true);
    expect(c.message).toMatch(/^CORS error/);
  });

  it('makes aborts a canceled kind that is not a failure, with the reason when known', () => {
    for (const error of ['net::ERR_ABORTED', 'NS_BINDING_ABORTED', 'AbortError: The user aborted a request.']) {
      const c = classify({ method: 'GET', url: API, status: 0, error });
      expect(c.kind, error).toBe('canceled');
      expect(c.failure, error).toBe(false);
      expect(c.message).toMatch(/^\(canceled\)/);
    }
    const nav = classify({ method: 'GET', url: API, status: 0, error: 'net::ERR_ABORTED', cancelReason: 'navigation' });
    expect(nav.message).toContain('navigated away');
    expect(nav.action).toMatch(/keepalive|sendBeacon/);
    // A refused connection and a server timeout stay failures.
    expect(classify({ method: 'GET', url: API, status: 0, error: 'net::ERR_CONNECTION_REFUSED' }).kind).toBe('network');
    expect(classify({ method: 'GET', url: API, status: 0, error: 'net::ERR_TIMED_OUT' }).failure).toBe(true);
    // A 500 whose body read was aborted is still the 500.
    expect(classify({ method: 'GET', url: API, status: 500, error: 'net::ERR_ABORTED' }).kind).toBe('server');
  });
});
