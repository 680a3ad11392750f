// JSON-RPC 2.0 conformance, generated from the specification: every reserved code (-32700 … -32603,
// the -32000..-32099 server-error range) single and batched, on HTTP 200 and on the statuses the
// JSON-RPC-over-HTTP draft maps them to, the spec's own examples (id null on parse errors, the
// mixed batch, the invalid batches), notifications (no response object), `data` of every JSON type,
// and the look-alikes that are successes (`result: null`, `error: null` in 1.0 style).
// Sources: https://www.jsonrpc.org/specification (§5 Response object, §5.1 Error object, §6 Batch,
// §7 Examples), https://www.jsonrpc.org/historical/json-rpc-over-http.html (HTTP status of each code),
// https://eips.ethereum.org/EIPS/eip-1474#error-codes
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import type { Exchange } from '../types';

const ex = (status: number, body: unknown): Exchange => ({
  method: 'POST',
  url: 'https://rpc.example.test/',
  status,
  responseHeaders: { 'content-type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** §5.1's table, the HTTP status json-rpc-over-http gives each, and whether a re-send can succeed. */
const RESERVED: ReadonlyArray<[number, string, number, boolean]> = [
  [-32700, 'Parse error', 500, false],
  [-32600, 'Invalid Request', 400, false],
  [-32601, 'Method not found', 404, false],
  [-32602, 'Invalid params', 500, false],
  [-32603, 'Internal error', 500, true],
];

const resp = (id: unknown, error: unknown) => ({ jsonrpc: '2.0', error, id });

describe('JSON-RPC 2.0: reserved codes × transports', () => {
  for (const http of [200, 'mapped'] as const) {
    describe(http === 200 ? 'on HTTP 200' : 'on the status json-rpc-over-http maps it to', () => {
      it.each(RESERVED)('%i %s', (code, message, mapped, retryable) => {
        const id = code === -32700 || code === -32600 ? null : 'a1';
        const c = classify(ex(http === 200 ? 200 : mapped, resp(id, { code, message })));
        expect(c).toMatchObject({
          failure: true,
          protocol: 'jsonrpc',
          errorCode: String(code),
          retryable,
          errorId: null,
        });
        expect(c.message).toContain(message);
      });
    });
  }
  it.each([-32000, -32050, -32099])('server error %i with a transient message is retryable', (code) => {
    const c = classify(ex(200, resp(3, { code, message: 'Server is temporarily unavailable, try again' })));
    expect(c).toMatchObject({ failure: true, protocol: 'jsonrpc', errorCode: String(code), retryable: true });
  });
  it.each([-32000, -32099])('server error %i is a failure with its code', (code) => {
    const c = classify(ex(200, resp(3, { code, message: 'execution reverted' })));
    expect(c).toMatchObject({ failure: true, protocol: 'jsonrpc', errorCode: String(code) });
  });
  it('an application code outside the reserved range is the code', () => {
    const c = classify(ex(200, resp(9, { code: 4001, message: 'User rejected the request.' })));
    expect(c).toMatchObject({ failure: true, protocol: 'jsonrpc', errorCode: '4001', retryable: false });
  });
});

describe('JSON-RPC 2.0: error.data of every JSON type', () => {
  const rows: Array<[string, unknown]> = [
    ['string', 'missing param "to"'],
    ['number', 42],
    ['boolean', true],
    ['null', null],
    ['array', ['to', 'from']],
    ['object', { field: 'to', reason: 'required' }],
  ];
  it.each(rows)('data as %s', (_type, data) => {
    const c = classify(ex(200, resp(1, { code: -32602, message: 'Invalid params', data })));
    expect(c).toMatchObject({ failure: true, protocol: 'jsonrpc', errorCode: '-32602', retryable: false });
    expect(c.message).toContain('Invalid params');
  });
});

describe('JSON-RPC 2.0: batches (§6, §7)', () => {
  it("the spec's mixed batch: two failures of five, each with its own code", () => {
    const c = classify(
      ex(200, [
        { jsonrpc: '2.0', result: 7, id: '1' },
        { jsonrpc: '2.0', result: 19, id: '2' },
        { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request' }, id: null },
        { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: '5' },
        { jsonrpc: '2.0', result: ['hello', 5], id: '9' },
      ]),
    );
    expect(c).toMatchObject({
      failure: true,
      protocol: 'jsonrpc',
      errorCode: '-32600',
      operationCount: 5,
      errorId: null,
    });
    expect(c.operations?.map((o) => o.errorCode)).toEqual(['-32600', '-32601']);
  });
  it('responses in any order: the failure is found wherever it sits', () => {
    const c = classify(
      ex(200, [
        { jsonrpc: '2.0', result: 19, id: '2' },
        { jsonrpc: '2.0', result: 7, id: '1' },
        { jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: '3' },
      ]),
    );
    expect(c).toMatchObject({ failure: true, errorCode: '-32603', retryable: true, operationCount: 3 });
    expect(c.operations).toHaveLength(1);
  });
  it('the invalid (empty) batch is answered with one Invalid Request, id null', () => {
    const c = classify(ex(200, { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request' }, id: null }));
    expect(c).toMatchObject({ failure: true, protocol: 'jsonrpc', errorCode: '-32600', retryable: false });
  });
  it('the invalid batch [1,2,3] is answered with three Invalid Request', () => {
    const one = { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request' }, id: null };
    const c = classify(ex(200, [one, one, one]));
    expect(c).toMatchObject({ failure: true, errorCode: '-32600', operationCount: 3 });
    expect(c.operations).toHaveLength(3);
  });
  it('a batch of successes is a success', () => {
    const c = classify(
      ex(200, [
        { jsonrpc: '2.0', result: 7, id: '1' },
        { jsonrpc: '2.0', result: null, id: '2' },
      ]),
    );
    expect(c.failure).toBe(false);
  });
  it('a batch whose first element is a success and whose answer to a notification is absent', () => {
    const c = classify(
      ex(200, [
        { jsonrpc: '2.0', result: 7, id: '1' },
        { jsonrpc: '2.0', error: { code: -32602, message: 'Invalid params' }, id: '4' },
      ]),
    );
    expect(c).toMatchObject({ failure: true, errorCode: '-32602', retryable: false, operationCount: 2 });
  });
});

describe('JSON-RPC 2.0: successes and notifications', () => {
  it('result null is a success', () => {
    expect(classify(ex(200, { jsonrpc: '2.0', result: null, id: 1 })).failure).toBe(false);
  });
  it('error null beside a result (1.0 style) is a success', () => {
    expect(classify(ex(200, { result: 'ok', error: null, id: 1 })).failure).toBe(false);
  });
  it('a notification (or all-notification batch) gets no body: 204 is a success', () => {
    expect(classify({ ...ex(204, ''), responseHeaders: {} }).failure).toBe(false);
  });
  it('a notification answered with an empty 200 is a success', () => {
    expect(classify(ex(200, '')).failure).toBe(false);
  });
});

describe('JSON-RPC 2.0: EIP-1474 provider codes (message as the EIP gives it)', () => {
  const rows: Array<[number, string, boolean]> = [
    [-32000, 'Invalid input', false],
    [-32001, 'Resource not found', false],
    [-32002, 'Resource unavailable', true],
    [-32003, 'Transaction rejected', false],
    [-32004, 'Method not supported', false],
    [-32005, 'Request exceeds defined limit', false],
    [-32006, 'JSON-RPC version not supported', false],
  ];
  it.each(rows)('%i %s', (code, message, retryable) => {
    const c = classify(ex(200, resp(1, { code, message })));
    expect(c).toMatchObject({ failure: true, protocol: 'jsonrpc', errorCode: String(code), retryable });
  });
});

describe('JSON-RPC 2.0: a response carrying both members', () => {
  it('result null beside an error object is the error', () => {
    const c = classify(
      ex(200, { jsonrpc: '2.0', id: 1, result: null, error: { code: -32603, message: 'Internal error' } }),
    );
    expect(c).toMatchObject({ failure: true, protocol: 'jsonrpc', errorCode: '-32603' });
  });
  it('error null beside a result is a success', () => {
    expect(classify(ex(200, { jsonrpc: '2.0', id: 1, result: '0x1', error: null })).failure).toBe(false);
  });
});
