import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodilessSuccess, type BodilessGates } from './bodiless-success';
import { classify } from './classify';
import { recognizers } from './formats/index';
import { routeTable } from './routing';
import { VENDOR_PROFILES } from './rules';
import type { Exchange } from './types';

const tables = { empty: routeTable(recognizers, 'empty'), 'not-captured': routeTable(recognizers, 'not-captured') };
const gates: BodilessGates = { route: (kind) => tables[kind], mayHaveRule: () => false };

const CDN_FAILS = { id: 'r', name: 'r', enabled: true, match: { host: 'cdn.example.net' }, set: { failure: true } };

const HAR_GET = (): Exchange => ({
  method: 'GET',
  url: 'https://cdn.example.net/pixel.gif?id=1',
  status: 204,
  requestHeaders: [{ name: 'accept', value: '*/*' }],
  responseHeaders: [
    { name: 'content-type', value: 'image/gif' },
    { name: 'x-request-id', value: 'req-0123456789' },
  ],
});

describe('bodiless success (bodiless-success.ts)', () => {
  it('settles a bodiless GET success without the full path, as the full path would', () => {
    const x = HAR_GET();
    const fast = bodilessSuccess(x, gates);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(classify(x, { fastPath: false }));
    expect(bodilessSuccess({ ...x, body: '' }, gates)?.format).toBe('empty');
  });

  it('leaves to the full path what it cannot settle, so failures stay failures', () => {
    // A protocol status in a header: the routing's gate admits gRPC-web, which says failure.
    const grpc = { ...HAR_GET(), responseHeaders: [{ name: 'Grpc-Status', value: '14' }] };
    expect(bodilessSuccess(grpc, gates)).toBeNull();
    expect(classify(grpc).failure).toBe(true);
    // A failure envelope in the body.
    const envelope = {
      ...HAR_GET(),
      status: 200,
      body: '{"ok":false,"error":"invalid_auth"}',
      mimeType: 'application/json',
    };
    expect(bodilessSuccess(envelope, gates)).toBeNull();
    expect(classify(envelope).failure).toBe(true);
    // A rule of the caller's that says failure turns the path off.
    expect(classify(HAR_GET(), { rules: [CDN_FAILS] }).failure).toBe(true);
    expect(classify(HAR_GET(), { profiles: [CDN_FAILS] }).failure).toBe(true);
    expect(classify(HAR_GET(), { profiles: [...VENDOR_PROFILES, CDN_FAILS] }).failure).toBe(true);
    // A browser error, a non-idempotent method, an origin (a CORS check), a lost outcome.
    for (const patch of [
      { error: 'net::ERR_FAILED' },
      { method: 'POST' },
      { origin: 'https://app.example.org' },
      { outcomeLost: 'unload' },
      { bodyTruncated: true },
      { status: 404 },
    ])
      expect(bodilessSuccess({ ...HAR_GET(), ...patch }, gates), JSON.stringify(patch)).toBeNull();
    // A host a built-in rule may match.
    expect(bodilessSuccess(HAR_GET(), { ...gates, mayHaveRule: () => true })).toBeNull();
  });

  it('leaves an unreadable field to the full path, which notes it', () => {
    const x = HAR_GET();
    Object.defineProperty(x, 'requestHeaders', {
      enumerable: true,
      get() {
        throw new Error('hostile');
      },
    });
    expect(bodilessSuccess(x, gates)).toBeNull();
    expect(classify(x).notes).toContain('exchange.requestHeaders could not be read');
  });

  it('agrees with the full path on generated bodiless exchanges', () => {
    let settled = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(200, 204, 204, 301, 304, 404, 503, 0),
        fc.constantFrom('GET', 'GET', 'get', 'HEAD', 'POST', 'DELETE'),
        fc.constantFrom(undefined, undefined, '', '', null, ' '),
        fc.constantFrom(undefined, 'application/grpc-web+proto', 'image/png', ''),
        // Mostly one harmless header (most traffic), sometimes what a gate names.
        fc.oneof(
          { arbitrary: fc.constant([{ name: 'cache-control', value: 'no-store' }]), weight: 3 },
          {
            arbitrary: fc.subarray([
              { name: 'grpc-status', value: '14' },
              { name: 'X-Amzn-ErrorType', value: 'ThrottlingException' },
              { name: 'Content-Type', value: 'application/grpc-web' },
              { name: 'content-type', value: 'text/plain' },
              { name: 'retry-after', value: '5' },
            ]),
            weight: 2,
          },
        ),
        fc.subarray([
          { name: 'Origin', value: 'https://app.example.org' },
          { name: 'Idempotency-Key', value: 'k-1' },
        ]),
        fc.record(
          {
            error: fc.constantFrom(undefined, undefined, null, '', 'net::ERR_ABORTED'),
            origin: fc.constantFrom(undefined, undefined, 'https://app.example.org'),
            outcomeLost: fc.constantFrom(undefined, undefined, 'unload'),
            bodyTruncated: fc.constantFrom(false, false, true),
            url: fc.constantFrom(
              'https://cdn.example.net/a.js',
              'https://cdn.example.net/a.js',
              'https://api.stripe.com/v1/charges',
              'not a url',
            ),
          },
          { requiredKeys: [] },
        ),
        // The background passes its own profile list to every call; a caller's rules turn the path off.
        fc.constantFrom(
          undefined,
          { profiles: VENDOR_PROFILES },
          { profiles: [] },
          { profiles: [CDN_FAILS] },
          { rules: [] },
        ),
        (status, method, body, mimeType, responseHeaders, requestHeaders, extra, options) => {
          const x = {
            url: 'https://cdn.example.net/a',
            method,
            status,
            body,
            mimeType,
            responseHeaders,
            requestHeaders,
            ...extra,
          } as Exchange;
          if (bodilessSuccess(x, gates)) settled++;
          expect(classify(x, options)).toEqual(classify(x, { ...options, fastPath: false }));
        },
      ),
      { numRuns: 1000, seed: 29 },
    );
    // The generator reaches the path often enough for the agreement to mean something.
    expect(settled).toBeGreaterThan(30);
  });
});
