import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { describeRetry } from './describe';
import type { Exchange } from './types';

const ex = (status: number, over: Partial<Exchange> = {}): Exchange => ({
  method: 'GET',
  url: 'https://api.example.com/x',
  status,
  ...over,
});

describe('describeRetry', () => {
  it('gives the short verdict for each kind of outcome', () => {
    expect(describeRetry(classify(ex(200)))).toBe('—');
    expect(describeRetry(classify(ex(429, { responseHeaders: { 'retry-after': '37' } })))).toBe('retry in 37 s');
    expect(describeRetry(classify(ex(503)))).toBe('retry with backoff');
    expect(describeRetry(classify(ex(500, { method: 'POST' })))).toBe('retry only with an Idempotency-Key');
    expect(describeRetry(classify(ex(401)))).toBe('re-authenticate');
    expect(describeRetry(classify(ex(400)))).toBe("don't retry: fix the request");
    expect(describeRetry(classify(ex(403)))).toBe("don't retry");
  });
});
