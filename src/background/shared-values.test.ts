import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../protocol/messages';
import { TabStore } from './tab-store';
import { TEST_LIMITS, devtoolsExchange, fakeClassify, webRequest } from './test-support';
import { toRequestStart } from './webrequest-events';

const URL_A = 'https://api.example.test/v1/items';

/** A DevTools entry as the worker receives it: a structured copy (its own objects and strings). */
function entry(url: string, at: number, status = 500) {
  const exchange = devtoolsExchange(url, { status, at, body: '{"code":"boom"}' });
  exchange.callStack = [
    { functionName: 'load', url: 'https://app.example.test/app.js', lineNumber: 3, columnNumber: 7 },
  ];
  return structuredClone({ exchange, bodyState: 'captured' as const });
}

const requests = (store: TabStore) => store.visible().filter((r): r is RequestRecord => r.kind === 'request');

describe('records share the values that repeat across them', () => {
  it('equal headers, call stacks, sources and results are one object; each record keeps its own URL', () => {
    const store = new TabStore(7, fakeClassify, TEST_LIMITS);
    store.mergeDevtools(entry(`${URL_A}/1`, 1_000), 'devtools');
    store.mergeDevtools(entry(`${URL_A}/2`, 2_000), 'devtools');
    const [a, b] = requests(store);
    expect(a.exchange.url).not.toBe(b.exchange.url);
    expect(a.exchange.requestHeaders).toBe(b.exchange.requestHeaders);
    expect(a.exchange.responseHeaders).toBe(b.exchange.responseHeaders);
    expect(a.exchange.callStack).toBe(b.exchange.callStack);
    expect(a.sources).toBe(b.sources);
    expect(a.classification).toBe(b.classification);
    expect(a.classification.errorCode).toBe('boom');
    expect(Object.isFrozen(a.exchange.requestHeaders)).toBe(true);
  });

  it('a change to one record (its webRequest events arriving) leaves the others as they were', () => {
    const store = new TabStore(7, fakeClassify, TEST_LIMITS);
    store.mergeDevtools(entry(`${URL_A}/1`, 1_000), 'devtools');
    store.mergeDevtools(entry(`${URL_A}/2`, 2_000), 'devtools');
    const ev = webRequest(`${URL_A}/1`, { at: 1_000, status: 500 });
    store.begin(toRequestStart(ev.before));
    const [a, b] = requests(store);
    expect([...a.sources].sort()).toEqual(['devtools', 'webRequest']);
    expect(b.sources).toEqual(['devtools']);
  });

  it('a result of its own still shares its empty lists and status', () => {
    const store = new TabStore(7, fakeClassify, TEST_LIMITS);
    store.mergeDevtools(entry(`${URL_A}/1`, 1_000, 500), 'devtools');
    store.mergeDevtools(entry(`${URL_A}/2`, 2_000, 404), 'devtools');
    const [a, b] = requests(store);
    expect(a.classification).not.toBe(b.classification);
    expect(a.classification.notes).toBe(b.classification.notes);
    expect(a.classification.fieldErrors).toEqual([]);
  });
});
