import { describe, expect, it } from 'vitest';
import { indexHeaders } from './headers';
import { idempotency } from './idempotency';

const none = indexHeaders({});

describe('idempotency', () => {
  it('follows RFC 9110 method semantics, case-insensitively', () => {
    for (const m of ['GET', 'head', 'OPTIONS', 'TRACE', 'PUT', 'delete'])
      expect(idempotency(m, none)).toEqual({ idempotent: true, idempotencySource: 'method' });
    for (const m of ['POST', 'PATCH', 'CONNECT', ''])
      expect(idempotency(m, none)).toEqual({ idempotent: false, idempotencySource: 'none' });
  });

  it('accepts an idempotency key header on POST/PATCH', () => {
    for (const name of ['Idempotency-Key', 'X-Idempotency-Key', 'PayPal-Request-Id']) {
      expect(idempotency('POST', indexHeaders({ [name]: 'k-1' }))).toMatchObject({
        idempotent: true,
        idempotencySource: 'idempotency-key',
        keyName: name.toLowerCase(),
      });
    }
    expect(idempotency('POST', indexHeaders({ 'Idempotency-Key': '  ' })).idempotent).toBe(false);
  });

  it("accepts Square's idempotency_key in the JSON body", () => {
    expect(
      idempotency('POST', none, '{"idempotency_key":"4935a656-a929-4792-b97c-8848be85c27c","amount_money":{}}'),
    ).toMatchObject({
      idempotent: true,
      keyName: 'body.idempotency_key',
    });
  });
});
