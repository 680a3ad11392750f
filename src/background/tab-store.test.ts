import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../protocol/messages';
import { TabStore, type StoreEvent, type StoredRequest } from './tab-store';
import { TEST_LIMITS, devtoolsExchange, fakeClassify, webRequest } from './test-support';
import { toFailure, toRedirect, toRequestHeaders, toRequestStart, toResponse } from './webrequest-events';

const URL_A = 'https://api.example.test/v1/items';

function newStore(limits = TEST_LIMITS) {
  const events: StoreEvent[] = [];
  const store = new TabStore(7, fakeClassify, limits, (e) => events.push(e));
  return { store, events };
}

/** Feeds a whole successful webRequest lifecycle. */
function fire(
  store: TabStore,
  ev: ReturnType<typeof webRequest>,
  until: 'before' | 'headers' | 'completed' | 'error' = 'completed',
) {
  store.begin(toRequestStart(ev.before));
  if (until === 'before') return;
  store.requestHeaders(toRequestHeaders(ev.sendHeaders));
  if (until === 'error') {
    store.failed(toFailure(ev.error));
    return;
  }
  store.responseStarted(toResponse(ev.headers));
  if (until === 'headers') return;
  store.completed(toResponse(ev.completed));
}

const requests = (store: TabStore) => store.visible().filter((r): r is RequestRecord => r.kind === 'request');

describe('TabStore: webRequest records', () => {
  it('classifies from status and headers as soon as the response starts, before any body', () => {
    const { store } = newStore();
    const ev = webRequest(URL_A, { status: 503 });
    fire(store, ev, 'headers');
    const [record] = requests(store);
    expect(record?.exchange.status).toBe(503);
    expect(record?.classification.failure).toBe(true);
    expect(record?.exchange.body).toBeUndefined();
  });

  it('keeps an in-flight request out of the visible list until its response starts', () => {
    const { store } = newStore();
    fire(store, webRequest(URL_A), 'before');
    expect(store.visible()).toEqual([]);
    expect(store.all()).toHaveLength(1);
  });

  it('marks a completed request without a DevTools body as not captured', () => {
    const { store } = newStore();
    fire(store, webRequest(URL_A, { status: 500 }));
    const [record] = requests(store);
    expect(record?.bodyState).toBe('not-captured');
    expect(record?.sources).toEqual(['webRequest']);
    expect(record?.exchange.durationMs).toBe(9);
  });

  it('records a network failure with its error string and status 0', () => {
    const { store } = newStore();
    fire(store, webRequest(URL_A, { error: 'net::ERR_NAME_NOT_RESOLVED' }), 'error');
    const [record] = requests(store);
    expect(record?.exchange.status).toBe(0);
    expect(record?.exchange.error).toBe('net::ERR_NAME_NOT_RESOLVED');
    expect(record?.classification.failure).toBe(true);
  });

  it('keeps only the presence of Authorization, never its value, and keeps Idempotency-Key', () => {
    const { store } = newStore();
    const ev = webRequest(URL_A, {
      method: 'POST',
      headers: [
        { name: 'Authorization', value: 'Bearer sk_live_abcdefghijklmnop1234' },
        { name: 'Idempotency-Key', value: 'order-42' },
      ],
    });
    fire(store, ev);
    const [record] = requests(store);
    const headers = record.exchange.requestHeaders as Array<{ name: string; value: string }>;
    expect(headers.find((h) => h.name === 'Authorization')?.value).not.toContain('sk_live');
    expect(headers.find((h) => h.name === 'Idempotency-Key')?.value).toBe('order-42');
    expect(JSON.stringify(record)).not.toContain('abcdefghijklmnop1234');
    expect(record.exchange.credentialsFingerprint).toMatch(/^[0-9a-f]{8}$/);
  });

  it('gives each redirect hop its own record, like the Network panel', () => {
    const { store } = newStore();
    const ev = webRequest('https://a.test/old', { requestId: '55' });
    store.begin(toRequestStart(ev.before));
    store.redirected(
      toRedirect({
        ...ev.completed,
        statusCode: 302,
        statusLine: 'HTTP/1.1 302 Found',
        redirectUrl: 'https://a.test/new',
      }),
    );
    store.begin(toRequestStart({ ...ev.before, url: 'https://a.test/new', timeStamp: ev.before.timeStamp + 20 }));
    store.completed(toResponse({ ...ev.completed, url: 'https://a.test/new', timeStamp: ev.before.timeStamp + 30 }));
    const list = requests(store);
    expect(list.map((r) => [r.exchange.url, r.exchange.status])).toEqual([
      ['https://a.test/old', 302],
      ['https://a.test/new', 200],
    ]);
    expect(new Set(list.map((r) => r.id)).size).toBe(2);
  });

  it('ignores a second onBeforeRequest for a request still in flight', () => {
    const { store } = newStore();
    const ev = webRequest(URL_A);
    store.begin(toRequestStart(ev.before));
    store.begin(toRequestStart(ev.before));
    expect(store.all()).toHaveLength(1);
    expect(store.stats.seen).toBe(1);
  });

  it("adds nothing for a repeat of a finished request's events (dispatched again to a restarted worker); a redirect still starts a hop", () => {
    const { store } = newStore();
    const ev = webRequest(URL_A, { status: 500, requestId: '77' });
    fire(store, ev);
    // The whole lifecycle again, after its end: before the fix its start made a second record (a hop).
    fire(store, ev);
    fire(store, ev, 'error');
    expect(store.all().map((r) => r.id)).toEqual(['wr:77']);
    expect(store.stats.seen).toBe(1);

    const hop = webRequest('https://a.test/old', { requestId: '78' });
    store.begin(toRequestStart(hop.before));
    store.redirected(toRedirect({ ...hop.completed, statusCode: 302, redirectUrl: 'https://a.test/new' }));
    store.begin(toRequestStart({ ...hop.before, url: 'https://a.test/new', timeStamp: hop.before.timeStamp + 20 }));
    store.begin(toRequestStart({ ...hop.before, url: 'https://a.test/new', timeStamp: hop.before.timeStamp + 20 }));
    expect(store.all().map((r) => (r.kind === 'request' ? r.exchange.url : r.id))).toEqual([
      URL_A,
      'https://a.test/old',
      'https://a.test/new',
    ]);
    expect(store.stats.seen).toBe(3);
  });

  it('discards a request found not to be page traffic, without counting it', () => {
    const { store } = newStore();
    const ev = webRequest(URL_A);
    fire(store, ev, 'before');
    store.discard(ev.requestId);
    expect(store.all()).toEqual([]);
    expect(store.stats.seen).toBe(0);
  });
});

describe('TabStore: merging DevTools entries', () => {
  it('merges webRequest and DevTools into one record, and the body upgrades the classification', () => {
    const { store } = newStore();
    fire(store, webRequest(URL_A, { status: 422, at: 5000 }));
    expect(requests(store)[0]?.classification.errorCode).toBeNull();
    store.mergeDevtools(
      {
        exchange: devtoolsExchange(URL_A, { status: 422, at: 5003, body: '{"code":"invalid_input"}' }),
        bodyState: 'captured',
      },
      'devtools',
    );
    const list = requests(store);
    expect(list).toHaveLength(1);
    expect(list[0]?.sources).toEqual(['webRequest', 'devtools']);
    expect(list[0]?.bodyState).toBe('captured');
    expect(list[0]?.classification.errorCode).toBe('invalid_input');
    expect(list[0]?.classification.format).toBe('json');
  });

  it('handles DevTools arriving before webRequest (out of order) without a duplicate', () => {
    const { store } = newStore();
    const ev = webRequest(URL_A, { status: 404, at: 8000 });
    store.mergeDevtools(
      {
        exchange: devtoolsExchange(URL_A, { status: 404, at: 8001, body: '{"code":"missing"}' }),
        bodyState: 'captured',
      },
      'devtools',
    );
    fire(store, ev);
    const list = requests(store);
    expect(list).toHaveLength(1);
    expect([...(list[0]?.sources ?? [])].sort()).toEqual(['devtools', 'webRequest']);
    expect(list[0]?.classification.errorCode).toBe('missing');
    expect(list[0]?.bodyState).toBe('captured');
  });

  it('handles DevTools arriving between onHeadersReceived and onCompleted', () => {
    const { store } = newStore();
    const ev = webRequest(URL_A, { status: 500, at: 100 });
    fire(store, ev, 'headers');
    store.mergeDevtools(
      { exchange: devtoolsExchange(URL_A, { status: 500, at: 100, body: '{"code":"boom"}' }), bodyState: 'captured' },
      'devtools',
    );
    store.completed(toResponse(ev.completed));
    const list = requests(store);
    expect(list).toHaveLength(1);
    expect(list[0]?.bodyState).toBe('captured');
    expect(list[0]?.classification.errorCode).toBe('boom');
  });

  it('does not add the HAR backfill of an entry onRequestFinished already delivered', () => {
    const { store } = newStore();
    fire(store, webRequest(URL_A, { status: 400, at: 100 }));
    const exchange = devtoolsExchange(URL_A, { status: 400, at: 100, body: '{"code":"bad"}' });
    store.mergeDevtools({ exchange, bodyState: 'captured' }, 'devtools');
    store.mergeDevtools({ exchange: { ...exchange, body: undefined }, bodyState: 'not-captured' }, 'har');
    store.mergeDevtools({ exchange, bodyState: 'captured' }, 'devtools');
    const list = requests(store);
    expect(list).toHaveLength(1);
    expect(list[0]?.exchange.body).toBe('{"code":"bad"}');
  });

  it('matches identical URLs by the closest start time', () => {
    const { store } = newStore();
    fire(store, webRequest(URL_A, { status: 500, at: 1000 }));
    fire(store, webRequest(URL_A, { status: 500, at: 1600 }));
    store.mergeDevtools(
      {
        exchange: devtoolsExchange(URL_A, { status: 500, at: 1590, body: '{"code":"second"}' }),
        bodyState: 'captured',
      },
      'devtools',
    );
    store.mergeDevtools(
      { exchange: devtoolsExchange(URL_A, { status: 500, at: 1002, body: '{"code":"first"}' }), bodyState: 'captured' },
      'devtools',
    );
    expect(requests(store).map((r) => r.classification.errorCode)).toEqual(['first', 'second']);
  });

  it("takes an adopted request's time as an upper bound: an entry that started any time before it matches, one after it does not", () => {
    const { store } = newStore();
    const window = TEST_LIMITS.matchWindowMs;
    // Two same-URL requests whose starts died with a stopped worker; their responses reach this store.
    const early = webRequest(URL_A, { status: 500, at: 50_000 });
    const late = webRequest(URL_A, { status: 500, at: 60_000 });
    for (const ev of [early, late]) {
      store.adopt(toRequestStart(ev.headers));
      store.completed(toResponse(ev.completed));
    }
    expect(requests(store).map((r) => r.exchange.durationMs)).toEqual([undefined, undefined]); // the start is unknown
    const entry = (at: number, code: string) => ({
      exchange: devtoolsExchange(URL_A, { status: 500, at, body: `{"code":"${code}"}` }),
      bodyState: 'captured' as const,
    });
    // Started long before the later event, and later than the earlier one's: it is the later request.
    store.mergeDevtools(entry(60_000 - 4 * window, 'second'), 'devtools');
    // Started before both: the closest start before one of them, the earlier.
    store.mergeDevtools(entry(50_000 - 5 * window, 'first'), 'devtools');
    // Started after both events by more than the window: a request of its own.
    store.mergeDevtools(entry(60_000 + 2 * window, 'third'), 'devtools');
    expect(
      requests(store).map((r) => [
        r.classification.errorCode,
        r.exchange.startedAt,
        (store.get(r.id) as StoredRequest).startIsUpperBound ?? false,
      ]),
    ).toEqual([
      ['first', 50_000 - 5 * window, false],
      ['second', 60_000 - 4 * window, false],
      ['third', 60_000 + 2 * window, false],
    ]);
    expect(store.stats.seen).toBe(3);
  });

  it('does not merge entries whose known statuses differ', () => {
    const { store } = newStore();
    fire(store, webRequest(URL_A, { status: 200, at: 1000 }));
    store.mergeDevtools(
      { exchange: devtoolsExchange(URL_A, { status: 500, at: 1001 }), bodyState: 'not-captured' },
      'devtools',
    );
    expect(requests(store)).toHaveLength(2);
  });

  it('keeps an unread-body fetch (no DevTools entry ever) as a webRequest-only record', () => {
    const { store } = newStore();
    fire(store, webRequest('https://a.test/unread', { status: 500, at: 1000 }));
    fire(store, webRequest(URL_A, { status: 200, at: 1001 }));
    store.mergeDevtools(
      { exchange: devtoolsExchange(URL_A, { status: 200, at: 1001, body: '{}' }), bodyState: 'captured' },
      'devtools',
    );
    const unread = requests(store).find((r) => r.exchange.url.endsWith('/unread'));
    expect(unread?.sources).toEqual(['webRequest']);
    expect(unread?.bodyState).toBe('not-captured');
    expect(unread?.classification.failure).toBe(true);
  });

  it('adds a DevTools-only entry (nothing from webRequest) as its own record', () => {
    const { store } = newStore();
    store.mergeDevtools(
      { exchange: devtoolsExchange('https://cdn.test/cached.json', { status: 200 }), bodyState: 'not-captured' },
      'har',
    );
    const list = requests(store);
    expect(list).toHaveLength(1);
    expect(list[0]?.id).toMatch(/^dt:/);
    expect(list[0]?.sources).toEqual(['har']);
  });

  it("matches a fragment-bearing DevTools URL to webRequest's fragment-less one", () => {
    const { store } = newStore();
    fire(store, webRequest(URL_A, { at: 10 }));
    store.mergeDevtools({ exchange: devtoolsExchange(URL_A + '#top', { at: 10 }), bodyState: 'empty' }, 'devtools');
    expect(requests(store)).toHaveLength(1);
  });

  it('notes that bodies arrive once DevTools delivers its first entry', () => {
    const { store } = newStore();
    expect(store.stats.bodiesArriving).toBe(false);
    store.mergeDevtools({ exchange: devtoolsExchange(URL_A), bodyState: 'empty' }, 'har');
    expect(store.stats.bodiesArriving).toBe(false);
    store.mergeDevtools({ exchange: devtoolsExchange(URL_A, { at: 5 }), bodyState: 'empty' }, 'devtools');
    expect(store.stats.bodiesArriving).toBe(true);
  });
});

describe('TabStore: bounds and drop counting', () => {
  it('evicts the oldest records beyond N and counts each one', () => {
    const { store, events } = newStore({ ...TEST_LIMITS, maxRecords: 5 });
    for (let i = 0; i < 8; i++) fire(store, webRequest(`${URL_A}/${i}`, { at: 1000 + i * 10 }));
    const urls = requests(store).map((r) => r.exchange.url);
    expect(urls).toEqual([3, 4, 5, 6, 7].map((i) => `${URL_A}/${i}`));
    expect(store.stats.droppedRecords).toBe(3);
    expect(store.stats.seen).toBe(8);
    expect(events.filter((e) => e.type === 'remove')).toHaveLength(3);
  });

  it('cuts a body to the per-body cap and marks it truncated', () => {
    const { store } = newStore();
    fire(store, webRequest(URL_A, { status: 500, at: 1 }));
    store.mergeDevtools(
      {
        exchange: devtoolsExchange(URL_A, { status: 500, at: 1, body: 'x'.repeat(TEST_LIMITS.maxBodyChars + 50) }),
        bodyState: 'captured',
      },
      'devtools',
    );
    const [record] = requests(store);
    expect(record?.exchange.body).toHaveLength(TEST_LIMITS.maxBodyChars);
    expect(record?.exchange.bodyTruncated).toBe(true);
    expect(record?.bodyState).toBe('truncated');
    expect(store.stats.truncatedBodies).toBe(1);
  });

  it('counts a body the devtools page already cut as truncated', () => {
    const { store } = newStore();
    store.mergeDevtools(
      { exchange: { ...devtoolsExchange(URL_A, { body: 'abc' }), bodyTruncated: true }, bodyState: 'truncated' },
      'devtools',
    );
    expect(store.stats.truncatedBodies).toBe(1);
  });

  it('drops the oldest bodies beyond M, keeping their classification, and counts them', () => {
    const { store } = newStore({ ...TEST_LIMITS, maxBodyBytesPerTab: 650 });
    for (let i = 0; i < 4; i++) {
      const url = `${URL_A}/${i}`;
      fire(store, webRequest(url, { status: 500, at: 100 * i }));
      store.mergeDevtools(
        {
          exchange: devtoolsExchange(url, { status: 500, at: 100 * i, body: `{"code":"c${i}"}`.padEnd(200, ' ') }),
          bodyState: 'captured',
        },
        'devtools',
      );
    }
    const list = requests(store);
    expect(list.map((r) => r.bodyState)).toEqual(['dropped', 'captured', 'captured', 'captured']);
    expect(list[0]?.exchange.body).toBeUndefined();
    expect(list[0]?.classification.errorCode).toBe('c0');
    expect(store.stats.droppedBodies).toBe(1);
    expect(store.bodyBytes).toBeLessThanOrEqual(650);
  });

  it('drops the oldest record’s body first even when bodies arrive out of order', () => {
    const { store } = newStore({ ...TEST_LIMITS, maxBodyBytesPerTab: 450 });
    const url = (i: number) => `${URL_A}/${i}`;
    for (let i = 0; i < 4; i++) fire(store, webRequest(url(i), { status: 500, at: 100 * i }));
    // Record 0's body comes after those of 1 and 2 (a late HAR backfill): it is still the oldest.
    for (const i of [1, 2, 0, 3])
      store.mergeDevtools(
        {
          exchange: devtoolsExchange(url(i), { status: 500, at: 100 * i, body: `{"code":"c${i}"}`.padEnd(200, ' ') }),
          bodyState: 'captured',
        },
        'devtools',
      );
    const list = requests(store);
    expect(list.map((r) => r.bodyState)).toEqual(['dropped', 'dropped', 'captured', 'captured']);
    expect(list[0]?.classification.errorCode).toBe('c0');
    expect(store.stats.droppedBodies).toBe(2);
    expect(store.bodyBytes).toBe(400);
  });

  it('keeps the body budget past the record cap: evicted records take their bodies, the oldest held body goes first', () => {
    const { store } = newStore({ ...TEST_LIMITS, maxRecords: 3, maxBodyBytesPerTab: 450 });
    const url = (i: number) => `${URL_A}/${i}`;
    for (let i = 0; i < 6; i++) {
      fire(store, webRequest(url(i), { status: 500, at: 100 * i }));
      // Every other record gets a body: the held bodiless ones are passed over.
      if (i % 2 === 0)
        store.mergeDevtools(
          {
            exchange: devtoolsExchange(url(i), { status: 500, at: 100 * i, body: 'x'.repeat(200) }),
            bodyState: 'captured',
          },
          'devtools',
        );
    }
    // Held: 3, 4, 5; record 4's body is the only one left of 0, 2, 4 (0 evicted with its body, 2 dropped).
    const list = requests(store);
    expect(list.map((r) => r.exchange.url)).toEqual([url(3), url(4), url(5)]);
    expect(list.map((r) => r.bodyState)).toEqual(['not-captured', 'captured', 'not-captured']);
    expect(store.bodyBytes).toBe(200);
    fire(store, webRequest(url(6), { status: 500, at: 600 }));
    for (const i of [5, 6])
      store.mergeDevtools(
        {
          exchange: devtoolsExchange(url(i), { status: 500, at: 100 * i, body: 'y'.repeat(200) }),
          bodyState: 'captured',
        },
        'devtools',
      );
    expect(requests(store).map((r) => r.bodyState)).toEqual(['dropped', 'captured', 'captured']);
    expect(store.bodyBytes).toBe(400);
  });

  it('counts a dropped request body too, when its record had no response body', () => {
    const { store } = newStore({ ...TEST_LIMITS, maxBodyBytesPerTab: 150 });
    for (let i = 0; i < 3; i++) {
      const url = `${URL_A}/${i}`;
      fire(store, webRequest(url, { status: 204, at: 100 * i, method: 'POST' }));
      const exchange = {
        ...devtoolsExchange(url, { status: 204, at: 100 * i, method: 'POST' }),
        requestBody: 'x'.repeat(60),
      };
      store.mergeDevtools({ exchange, bodyState: 'empty' }, 'devtools');
    }
    const list = requests(store);
    expect(list.map((r) => r.exchange.requestBody !== undefined)).toEqual([false, true, true]);
    // Nothing silently: the request body that went is counted; the record keeps its response body state.
    expect(store.stats.droppedBodies).toBe(1);
    expect(list[0]?.bodyState).toBe('empty');
  });

  it('keeps the failure count (the badge number) in step with evictions', () => {
    const { store } = newStore({ ...TEST_LIMITS, maxRecords: 3 });
    fire(store, webRequest(`${URL_A}/a`, { status: 500, at: 1 }));
    fire(store, webRequest(`${URL_A}/b`, { status: 200, at: 2 }));
    fire(store, webRequest(`${URL_A}/c`, { status: 404, at: 3 }));
    expect(store.stats.failures).toBe(2);
    fire(store, webRequest(`${URL_A}/d`, { status: 200, at: 4 }));
    expect(store.stats.failures).toBe(1);
    expect(requests(store).filter((r) => r.classification.failure)).toHaveLength(1);
  });
});

describe('TabStore: navigation, preserve and clear', () => {
  it('puts a marker before the requests of each new document and keeps earlier ones with preserve on', () => {
    const { store } = newStore();
    // Off by default, like the Network panel's; the panel turns it on from its setting.
    expect(store.preserve).toBe(false);
    store.setPreserve(true);
    fire(store, webRequest('https://a.test/', { type: 'main_frame', at: 1 }));
    fire(store, webRequest(URL_A, { status: 500, at: 2 }));
    fire(store, webRequest('https://a.test/next', { type: 'main_frame', at: 3 }));
    fire(store, webRequest(URL_A, { status: 500, at: 4 }));
    const kinds = store.visible().map((r) => (r.kind === 'navigation' ? `nav ${r.url}` : r.exchange.url));
    expect(kinds).toEqual([
      'nav https://a.test/',
      'https://a.test/',
      URL_A,
      'nav https://a.test/next',
      'https://a.test/next',
      URL_A,
    ]);
    expect(store.preserve).toBe(true);
  });

  it('adds no second marker for a redirect of the main frame', () => {
    const { store } = newStore();
    const ev = webRequest('https://a.test/', { type: 'main_frame', requestId: '9' });
    store.begin(toRequestStart(ev.before));
    store.redirected(toRedirect({ ...ev.completed, statusCode: 301, redirectUrl: 'https://a.test/home' }));
    store.begin(toRequestStart({ ...ev.before, url: 'https://a.test/home' }));
    expect(store.all().filter((r) => r.kind === 'navigation')).toHaveLength(1);
  });

  it('starts over on navigation when preserve is off', () => {
    const { store } = newStore();
    store.setPreserve(false);
    fire(store, webRequest(URL_A, { status: 500, at: 1 }));
    fire(store, webRequest('https://a.test/next', { type: 'main_frame', at: 3 }));
    const list = store.visible();
    expect(list.map((r) => r.kind)).toEqual(['navigation', 'request']);
    expect(store.stats.failures).toBe(0);
  });

  it('clear removes what is shown and resets the counters, but keeps in-flight requests', () => {
    const { store, events } = newStore();
    fire(store, webRequest(URL_A, { status: 500, at: 1 }));
    const inflight = webRequest('https://a.test/slow', { status: 503, at: 2 });
    fire(store, inflight, 'before');
    store.clear();
    expect(store.visible()).toEqual([]);
    expect(store.stats.failures).toBe(0);
    expect(events.some((e) => e.type === 'clear')).toBe(true);
    store.responseStarted(toResponse(inflight.headers));
    expect(requests(store).map((r) => r.exchange.url)).toEqual(['https://a.test/slow']);
  });
});

describe('TabStore: hydrate', () => {
  it('rebuilds its indexes so webRequest events and DevTools entries after a restart still merge', () => {
    const { store } = newStore();
    const ev = webRequest(URL_A, { status: 500, at: 100 });
    fire(store, ev, 'headers');
    const copy = JSON.parse(JSON.stringify({ meta: store.meta(), records: store.all() }));
    const { store: restored } = newStore();
    restored.hydrate(copy.meta, copy.records);
    restored.completed(toResponse(ev.completed));
    restored.mergeDevtools(
      {
        exchange: devtoolsExchange(URL_A, { status: 500, at: 101, body: '{"code":"after_restart"}' }),
        bodyState: 'captured',
      },
      'devtools',
    );
    fire(restored, webRequest('https://a.test/new', { at: 200 }));
    const list = requests(restored);
    expect(list).toHaveLength(2);
    expect(list[0]?.classification.errorCode).toBe('after_restart');
    expect(list[1].seq).toBeGreaterThan(list[0].seq);
    expect(restored.stats.failures).toBe(1);
  });
});

describe('TabStore: rules changed', () => {
  it('re-classifies stored requests with the new classifier and emits only the changed ones', async () => {
    const { classify } = await import('../core/classify');
    let rules: import('../core/rules').Rule[] = [];
    const events: StoreEvent[] = [];
    const store = new TabStore(
      7,
      (ex) => classify(ex, { rules }),
      TEST_LIMITS,
      (e) => events.push(e),
    );
    fire(store, webRequest('https://api.example.test/v1/locked', { status: 423 }));
    fire(store, webRequest('https://other.example.test/v1/x', { status: 500 }));
    fire(store, webRequest('https://api.example.test/v1/slow'), 'before'); // in flight: not classified yet
    const byPath = (path: string) => requests(store).find((r) => r.exchange.url.endsWith(path))!;
    expect(byPath('/locked').classification.retryAfterSeconds).toBeNull();

    rules = [
      {
        id: 'r',
        name: 'busy',
        enabled: true,
        match: { host: 'api.example.test', status: '423' },
        set: { defaultWaitSeconds: 7, action: 'Rule: wait 7 s' },
      },
    ];
    events.length = 0;
    store.reclassifyAll();
    expect(byPath('/locked').classification).toMatchObject({ retryAfterSeconds: 7, action: 'Rule: wait 7 s' });
    const upserted = events
      .filter((e) => e.type === 'upsert')
      .map((e) => (e as { record: { exchange: { url: string } } }).record.exchange.url);
    expect(upserted).toEqual(['https://api.example.test/v1/locked']);
  });
});

describe('TabStore: requests restored in flight (their end went with a stopped background)', () => {
  /** A store restored from a copy taken while `started` had not started its response and `responding` had. */
  function restoredMidFlight() {
    const { store } = newStore();
    const started = webRequest('https://a.test/started', { at: 100 });
    const responding = webRequest('https://a.test/responding', { status: 502, at: 110 });
    const done = webRequest('https://a.test/done', { status: 200, at: 120 });
    fire(store, started, 'before');
    fire(store, responding, 'headers');
    fire(store, done);
    const copy = JSON.parse(JSON.stringify({ meta: store.meta(), records: store.all() }));
    const restored = newStore();
    restored.store.hydrate(copy.meta, copy.records);
    return { ...restored, started, responding, done };
  }

  it('ends them as "outcome lost", counted and classified, so none waits forever for an end that will not come', () => {
    const { store, events } = restoredMidFlight();
    expect(store.restoredInFlightCount).toBe(2);
    expect(store.all().filter((r) => r.kind === 'request' && r.classification === undefined)).toHaveLength(1);
    events.length = 0;
    expect(store.endLostOutcomes('background restart')).toBe(2);
    // Nothing pending: every request is shown, the two whose end was lost say so; the complete one is untouched.
    expect(store.all().every((r) => r.kind !== 'request' || r.classification !== undefined)).toBe(true);
    const byPath = (path: string) => requests(store).find((r) => r.exchange.url.endsWith(path))!;
    expect(byPath('/started').exchange).toMatchObject({ status: 0, outcomeLost: 'background restart' });
    expect(byPath('/started').bodyState).toBe('not-captured');
    expect(byPath('/responding').exchange).toMatchObject({ status: 502, outcomeLost: 'background restart' });
    expect(byPath('/done').exchange.outcomeLost).toBeUndefined();
    expect(store.stats).toMatchObject({ seen: 3, droppedRecords: 0, outcomesLost: 2 });
    // Written as complete (each emitted once), and a second call ends nothing more.
    expect(events.filter((e) => e.type === 'upsert')).toHaveLength(2);
    expect(store.restoredInFlightCount).toBe(0);
    expect(store.endLostOutcomes('background restart')).toBe(0);
  });

  it('takes one back when its end (or its DevTools entry) arrives after all, and leaves ended ones alone', () => {
    const { store, started, responding } = restoredMidFlight();
    // The end of one arrives before the wait is over: it is complete, not lost.
    store.failed(toFailure(started.error));
    expect(store.endLostOutcomes('background restart')).toBe(1);
    expect(store.stats.outcomesLost).toBe(1);
    // A late end of the lost one completes it and takes it back from the count.
    store.completed(toResponse(responding.completed));
    const late = requests(store).find((r) => r.exchange.url.endsWith('/responding'))!;
    expect(late.exchange.outcomeLost).toBeUndefined();
    expect(late.exchange.durationMs).toBeGreaterThanOrEqual(0);
    expect(store.stats).toMatchObject({ seen: 3, outcomesLost: 0 });
  });

  it('ends one whose DevTools entry merged without counting it as lost: its outcome is known', () => {
    const { store } = restoredMidFlight();
    store.mergeDevtools(
      { exchange: devtoolsExchange('https://a.test/started', { status: 404, at: 100 }), bodyState: 'not-captured' },
      'devtools',
    );
    expect(store.endLostOutcomes('background restart')).toBe(1);
    const started = requests(store).find((r) => r.exchange.url.endsWith('/started'))!;
    expect(started.exchange.outcomeLost).toBeUndefined();
    expect(started.exchange.status).toBe(404);
    expect(store.restoredInFlightCount).toBe(0);
  });
});
