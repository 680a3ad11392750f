// A 0/1 success flag at 0 whose payload slot holds only an error's code (`{success: 0, data: {code: 20001}}`) failed;
// the same flag beside a real payload, or at 1, says nothing of a failure (issue 13, verdict25).
import { describe, expect, it } from 'vitest';
import { statusVerdict } from './json';
import { classify } from '../classify';

const failed = (body: unknown): boolean =>
  classify({
    method: 'GET',
    url: 'https://api.example.test/v1/ticker',
    status: 200,
    responseHeaders: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).failure;

describe('success: 0 with a code-only payload', () => {
  it('is a failure', () => {
    expect(statusVerdict({ success: 0, data: { code: 20001 } })).toBe(true);
    expect(statusVerdict({ ok: 0, data: { errorCode: 'E1001' } })).toBe(true);
    expect(failed({ success: 0, data: { code: 20001 } })).toBe(true);
  });
  it('is not one with a payload, a zero code, or the flag at 1', () => {
    expect(statusVerdict({ success: 0, data: { code: 20001, price: '1.0', volume: '3' } })).toBeUndefined();
    expect(statusVerdict({ success: 0, data: { code: 0 } })).toBeUndefined();
    expect(statusVerdict({ success: 1, data: { code: 20001 } })).toBe(false);
    expect(failed({ success: 1, data: { pair: 'btc_jpy', last: '1' } })).toBe(false);
  });
});

describe('a nonzero return code, an empty payload slot and a code token', () => {
  it('is a failure', () => {
    expect(statusVerdict({ rc: 1, mc: 'AUTH_103', ma: [], result: null })).toBe(true);
    expect(failed({ rc: 1, mc: 'AUTH_103', ma: [], result: null })).toBe(true);
  });
  it('is not one with a payload, a zero code or no code token', () => {
    expect(statusVerdict({ rc: 1, mc: 'AUTH_103', ma: [], result: { a: 1 } })).toBeUndefined();
    expect(statusVerdict({ rc: 0, mc: 'SUCCESS', ma: [], result: null })).not.toBe(true);
    expect(statusVerdict({ rc: 1, mc: 'pending', result: null })).toBeUndefined();
    expect(failed({ rc: 0, mc: 'SUCCESS', ma: [], result: { a: 1 } })).toBe(false);
  });
});
