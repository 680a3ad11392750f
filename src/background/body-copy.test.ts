import { describe, expect, it } from 'vitest';
import { charsetOf, decodeCopiedBody } from '../platform/body-bytes';
import { bodyCopyPlan } from './body-copy';
import { TabStore } from './tab-store';
import { TEST_LIMITS, devtoolsExchange, fakeClassify, webRequest } from './test-support';
import { toRequestStart, toResponse, type WebRequestDetails } from './webrequest-events';

const headers = (
  status: number,
  contentType: string | null,
  extra: Record<string, string> = {},
  type = 'xmlhttprequest',
): WebRequestDetails => ({
  requestId: '1',
  url: 'http://127.0.0.1:5173/api/x',
  method: 'GET',
  tabId: 1,
  type,
  timeStamp: 1,
  statusCode: status,
  responseHeaders: [
    ...(contentType ? [{ name: 'Content-Type', value: contentType }] : []),
    ...Object.entries(extra).map(([name, value]) => ({ name, value })),
  ],
});

describe('bodyCopyPlan: which Firefox responses get a body copy', () => {
  it('copies every failure with a readable body and API-like successes, capped', () => {
    expect(bodyCopyPlan(headers(500, 'text/html'), 1000)).toEqual({ capBytes: 1000 });
    expect(bodyCopyPlan(headers(404, null), 1000)).toEqual({ capBytes: 1000 });
    expect(bodyCopyPlan(headers(200, 'application/json; charset=utf-8'), 1000)).toEqual({ capBytes: 1000 });
    expect(bodyCopyPlan(headers(200, 'application/problem+json'), 1000)).not.toBeNull();
  });

  it('leaves documents, media, scripts, empty statuses and large success bodies untouched', () => {
    expect(bodyCopyPlan(headers(200, 'text/javascript'), 1000)).toBeNull();
    expect(bodyCopyPlan(headers(200, 'text/html', {}, 'main_frame'), 1000)).toBeNull();
    expect(bodyCopyPlan(headers(404, 'text/html', {}, 'sub_frame'), 1000)).toBeNull();
    expect(bodyCopyPlan(headers(404, 'image/png', {}, 'xmlhttprequest'), 1000)).toBeNull();
    expect(bodyCopyPlan(headers(404, 'text/plain', {}, 'image'), 1000)).toBeNull();
    expect(bodyCopyPlan(headers(304, 'application/json'), 1000)).toBeNull();
    expect(bodyCopyPlan(headers(204, 'application/json'), 1000)).toBeNull();
    expect(bodyCopyPlan(headers(302, 'application/json'), 1000)).toBeNull();
    expect(
      bodyCopyPlan(headers(200, 'application/json', { 'Content-Length': String(2 * 1024 * 1024) }), 1000),
    ).toBeNull();
    expect(bodyCopyPlan({ ...headers(500, 'application/json'), method: 'HEAD' }, 1000)).toBeNull();
  });
});

describe('decodeCopiedBody', () => {
  it('joins chunks, honours the charset and drops a character cut at the cap', () => {
    const bytes = new TextEncoder().encode('{"code":"naïve"}');
    expect(decodeCopiedBody([bytes.slice(0, 5), bytes.slice(5)], 'utf-8')).toBe('{"code":"naïve"}');
    const cut = bytes.slice(0, bytes.indexOf(0xc3) + 1);
    expect(decodeCopiedBody([cut], 'utf-8')).toBe('{"code":"na');
    expect(
      decodeCopiedBody([new Uint8Array([0x63, 0x61, 0x66, 0xe9])], charsetOf('text/plain; charset=ISO-8859-1')),
    ).toBe('café');
    expect(charsetOf('text/plain; charset=nonsense')).toBe('utf-8');
  });
});

describe('TabStore.copiedBody', () => {
  it("gives a webRequest-only failure its body (code from the body), and DevTools' body still wins", () => {
    const store = new TabStore(7, fakeClassify, TEST_LIMITS);
    const ev = webRequest('http://127.0.0.1:5173/api/fail', { status: 422 });
    store.begin(toRequestStart(ev.before));
    store.responseStarted(toResponse(ev.headers));
    store.copiedBody(ev.requestId, '{"code":"invalid_input"}', false);
    store.completed(toResponse(ev.completed));
    const record = store.visible()[0];
    expect(record.kind === 'request' && record.classification.errorCode).toBe('invalid_input');
    expect(record.kind === 'request' && record.bodyState).toBe('captured');
    expect(record.kind === 'request' && record.sources).toEqual(['webRequest', 'filter']);
    expect(store.stats.bodiesArriving).toBe(true);
    // A second copy for the same request changes nothing.
    store.copiedBody(ev.requestId, '{"code":"other"}', false);
    const code = () =>
      (store.visible()[0] as { classification: { errorCode: string | null } }).classification.errorCode;
    expect(code()).toBe('invalid_input');
    store.mergeDevtools(
      {
        exchange: {
          ...devtoolsExchange('http://127.0.0.1:5173/api/fail', {
            status: 422,
            at: 1_000_000,
            body: '{"code":"from_devtools"}',
          }),
        },
        bodyState: 'captured',
      },
      'devtools',
    );
    expect(code()).toBe('from_devtools');
    expect(store.visible()).toHaveLength(1);
  });

  it('cuts a copy to the per-body cap, marks it truncated and counts it', () => {
    const store = new TabStore(7, fakeClassify, TEST_LIMITS);
    const ev = webRequest('http://127.0.0.1:5173/api/big', { status: 500 });
    store.begin(toRequestStart(ev.before));
    store.responseStarted(toResponse(ev.headers));
    store.copiedBody(ev.requestId, 'x'.repeat(TEST_LIMITS.maxBodyChars + 50), true);
    const record = store.visible()[0];
    expect(record.kind === 'request' && record.exchange.body?.length).toBe(TEST_LIMITS.maxBodyChars);
    expect(record.kind === 'request' && record.bodyState).toBe('truncated');
    expect(store.stats.truncatedBodies).toBe(1);
  });
});
