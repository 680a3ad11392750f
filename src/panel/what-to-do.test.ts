import { describe, expect, it } from 'vitest';
import { classify } from '../core/classify';
import type { Exchange } from '../core/types';
import { whatToDo } from './what-to-do';

const todo = (x: Exchange) => whatToDo(classify(x), x);
const json = (body: unknown) => ({
  responseHeaders: [{ name: 'content-type', value: 'application/json' }],
  body: JSON.stringify(body),
});

describe('whatToDo', () => {
  it('puts each failure in the bucket of what to do about it', () => {
    expect(todo({ method: 'POST', url: 'https://a.test/x', status: 422, ...json({ error: 'invalid' }) })).toBe(
      'fix-request',
    );
    expect(todo({ method: 'GET', url: 'https://a.test/x', status: 401 })).toBe('reauthenticate');
    expect(
      todo({
        method: 'GET',
        url: 'https://a.test/x',
        status: 429,
        responseHeaders: [{ name: 'retry-after', value: '30' }],
      }),
    ).toBe('wait-retry');
    expect(todo({ method: 'GET', url: 'https://a.test/x', status: 502 })).toBe('server');
    expect(todo({ method: 'GET', url: 'https://a.test/x', status: 0, error: 'net::ERR_CONNECTION_REFUSED' })).toBe(
      'network',
    );
    expect(todo({ method: 'GET', url: 'https://a.test/x', status: 0, error: 'net::ERR_ABORTED' })).toBe('canceled');
    expect(todo({ method: 'GET', url: 'https://a.test/x', status: 0, error: 'NS_BINDING_ABORTED' })).toBe('canceled');
  });

  it('has no bucket for a success', () => {
    expect(todo({ method: 'GET', url: 'https://a.test/x', status: 200, ...json({ ok: true }) })).toBeNull();
  });
});

describe('canceled', () => {
  it('is its own bucket even when the classifier does not call it a failure', () => {
    const x: Exchange = { method: 'GET', url: 'https://a.test/x', status: 0, error: 'net::ERR_ABORTED' };
    expect(whatToDo({ ...classify(x), failure: false }, x)).toBe('canceled');
  });
});
