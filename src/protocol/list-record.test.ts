import { describe, expect, it } from 'vitest';
import type { RequestRecord } from './messages';
import { isListOnly, ROW_BODY_CHARS, toListRecord } from './list-record';

const record = (exchange: Partial<RequestRecord['exchange']> = {}): RequestRecord => ({
  kind: 'request',
  id: 'wr:1',
  tabId: 7,
  seq: 1,
  exchange: {
    method: 'POST',
    url: 'https://api.example.com/orders',
    status: 422,
    requestHeaders: [
      { name: 'Authorization', value: 'Bearer s3cret' },
      { name: 'Idempotency-Key', value: 'k-1' },
      { name: 'Accept', value: 'application/json' },
    ],
    requestBody: '{"qty":1}',
    responseHeaders: [
      { name: 'Content-Type', value: 'application/json' },
      { name: 'X-Request-Id', value: 'req_1' },
    ],
    body: '{"error":{"code":"invalid"}}',
    ...exchange,
  },
  classification: {} as RequestRecord['classification'],
  bodyState: 'captured',
  sources: ['webRequest'],
});

describe('toListRecord', () => {
  it('keeps what the list reads and drops the rest of the headers, the request body and the stack', () => {
    const row = toListRecord(
      record({
        callStack: [
          { functionName: 'a', url: 'https://app.example.com/app.js', lineNumber: 1, columnNumber: 2 },
          { functionName: 'b', url: 'https://app.example.com/main.js', lineNumber: 3, columnNumber: 4 },
        ],
      }),
    );
    expect(isListOnly(row)).toBe(true);
    if (row.kind !== 'request') throw new Error('a request stays a request');
    expect(row.exchange.requestHeaders).toEqual([{ name: 'idempotency-key', value: 'k-1' }]);
    expect(row.exchange.responseHeaders).toEqual([{ name: 'content-type', value: 'application/json' }]);
    expect(row.exchange.requestBody).toBeUndefined();
    expect(row.exchange.requestBodyHash).toMatch(/\w/);
    expect(row.exchange.credentialsFingerprint).toMatch(/\w/);
    expect(JSON.stringify(row)).not.toContain('s3cret');
    expect(row.exchange.body).toBe('{"error":{"code":"invalid"}}');
    expect(row.exchange.callStack).toHaveLength(1);
  });

  it('drops a large body but keeps its size', () => {
    const body = 'x'.repeat(ROW_BODY_CHARS + 1);
    const row = toListRecord(record({ body }));
    if (row.kind !== 'request') throw new Error('a request stays a request');
    expect(row.exchange.body).toBeUndefined();
    expect(row.exchange.responseHeaders).toContainEqual({ name: 'content-length', value: String(body.length) });
  });

  it('keeps fingerprints the background already computed', () => {
    const row = toListRecord(record({ requestBodyHash: 'h1', credentialsFingerprint: 'c1' }));
    if (row.kind !== 'request') throw new Error('a request stays a request');
    expect([row.exchange.requestBodyHash, row.exchange.credentialsFingerprint]).toEqual(['h1', 'c1']);
  });

  it('passes navigation markers through', () => {
    const nav = { kind: 'navigation' as const, id: 'nav:1', tabId: 7, seq: 2, url: 'https://app.example.com/', at: 1 };
    expect(toListRecord(nav)).toBe(nav);
    expect(isListOnly(nav)).toBe(false);
  });
});
