import { describe, expect, it } from 'vitest';
import { loadBundledCore } from './core-bundle';

// The classify, panel and soak benches all load this bundle: one unresolved dependency and every figure is missing.
describe('loadBundledCore', () => {
  it('bundles src/core with its npm dependencies and classifies as the source does', async () => {
    const { classify } = await loadBundledCore();
    // An XML body: read through the classifier's XML parser dependency.
    const got = classify({
      method: 'GET',
      url: 'https://api.example.test/v1/lookup',
      requestHeaders: {},
      status: 200,
      statusText: 'OK',
      responseHeaders: { 'content-type': 'application/xml' },
      body: '<result><status message="the daily limit of 1000 credits has been exceeded" value="18"/></result>',
      mimeType: 'application/xml',
    });
    expect(got.failure).toBe(true);
    expect(got.message).toMatch(/daily limit/);
  }, 60_000);
});
