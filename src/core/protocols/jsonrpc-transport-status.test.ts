// Issue #13: a JSON-RPC error on a gateway's retry status (429, 502, 503, 504, 408) is judged by that status,
// as retry libraries do (urllib3 Retry, got, axios-retry, Polly retry 429/503 by status, honouring Retry-After);
// the code still decides on 200 and 500, and a quota the message names still says no on any status.
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import type { Exchange } from '../types';

const ex = (status: number, body: unknown, headers: Record<string, string> = {}): Exchange => ({
  method: 'POST',
  url: 'https://rpc.example.test/',
  status,
  responseHeaders: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const rpc = (code: number, message: string) => ({ jsonrpc: '2.0', id: 1, error: { code, message } });

describe('JSON-RPC error under a transport retry status', () => {
  it('429 + Retry-After with -32005 "limit exceeded" is retryable after the stated wait', () => {
    const c = classify(ex(429, rpc(-32005, 'limit exceeded'), { 'retry-after': '5' }));
    expect(c).toMatchObject({ protocol: 'jsonrpc', errorCode: '-32005', retryable: true, retryAfterSeconds: 5 });
    expect(c.verdict).toBe('retry-after');
  });

  it.each([502, 503, 504])('%i with -32000 "no backend is currently healthy" is retryable', (status) => {
    const c = classify(ex(status, rpc(-32000, 'no backend is currently healthy')));
    expect(c).toMatchObject({ protocol: 'jsonrpc', errorCode: '-32000', retryable: true });
  });

  it('a batch on 503 is retryable as a whole', () => {
    const c = classify(ex(503, [rpc(-32601, 'Method not found'), { jsonrpc: '2.0', id: 2, result: 1 }]));
    expect(c).toMatchObject({ protocol: 'jsonrpc', retryable: true });
  });

  it('the code still decides on 200 and on 500 (servers send every error with one status)', () => {
    expect(classify(ex(200, rpc(-32602, 'invalid params')))).toMatchObject({
      retryable: false,
      verdict: 'fix-request',
    });
    expect(classify(ex(500, rpc(-32700, 'Parse error')))).toMatchObject({ retryable: false });
  });

  it('a 429 whose message names an exhausted monthly quota is not retryable, as for any other body', () => {
    const message = 'Your monthly request quota has been exhausted. Upgrade your plan.';
    const plain = classify(ex(429, { error: { message } }));
    const c = classify(ex(429, rpc(-32005, message)));
    expect(plain.retryable).toBe(false);
    expect(c).toMatchObject({ protocol: 'jsonrpc', retryable: false, verdict: 'do-not-retry' });
  });
});
