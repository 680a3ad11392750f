// A node model of the worker's heap at the record cap (issue 19): one TabStore fed the soak's traffic
// the way the worker receives it (webRequest events with headers redacted in the worker, then DevTools
// entries arriving as messages: structured-cloned, so their strings and objects are the worker's own),
// past the 10,000-record cap. Reports the heap after a full GC and how long full GCs take
// (node --expose-gc). For comparing builds of src/background in node, without a browser.
// Usage: node --expose-gc --import tsx e2e/bench/heap-model.ts [requests=16000] [--snapshot file]
import { randomBytes } from 'node:crypto';
import { writeHeapSnapshot } from 'node:v8';
import { classify } from '../../src/core/classify';
import { redactHeaderList } from '../../src/core/redact';
import { DEFAULT_LIMITS } from '../../src/background/limits';
import { TabStore } from '../../src/background/tab-store';
import type { DevtoolsEntry } from '../../src/protocol/messages';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const requests = Number(process.argv[2]) || 16_000;
const snapshotAt = process.argv.indexOf('--snapshot');

const retained: unknown[] = [];
const store = new TabStore(
  7,
  (ex) => classify(ex),
  DEFAULT_LIMITS,
  () => {},
);
retained.push(store);
const statuses = [400, 404, 429, 500, 503];
const origin = 'http://127.0.0.1:41234';
const t0 = 1_796_686_867_647;
const burst = 10_500;
for (let n = 0; n < requests; n++) {
  const failure = n < burst || n % 5 === 0;
  const kind = n % 20;
  const refused = !failure && kind === 4;
  const bytes = 300 + (((n * 2654435761) % 4294967296) % (120_000 - 300));
  const url = refused
    ? 'http://127.0.0.1:1/refused'
    : failure
      ? `${origin}/api/soak/${n}?status=${statuses[n % statuses.length]}&bytes=${bytes}`
      : `${origin}/api/soak/${n}`;
  const status = refused ? 0 : failure ? statuses[n % statuses.length] : 200;
  const at = t0 + n * 22;
  const requestId = String(100_000 + n);
  store.begin({ requestId, method: 'GET', url, resourceType: 'xmlhttprequest', startedAt: at, origin });
  store.requestHeaders({
    requestId,
    requestHeaders: redactHeaderList([
      {
        name: 'User-Agent',
        value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36',
      },
      { name: 'Accept', value: '*/*' },
      { name: 'Sec-Fetch-Mode', value: 'cors' },
      { name: 'Referer', value: `${origin}/demo.html` },
    ]),
  });
  if (refused) {
    store.failed({ requestId, error: 'net::ERR_CONNECTION_REFUSED', at: at + 3 } as never);
    continue;
  }
  const responseHeaders = [
    { name: 'Content-Type', value: 'application/json' },
    { name: 'Content-Length', value: String(failure ? bytes : 11) },
    { name: 'Date', value: new Date(at).toUTCString() },
    { name: 'Connection', value: 'keep-alive' },
    { name: 'Keep-Alive', value: 'timeout=5' },
  ];
  const response = {
    requestId,
    status,
    statusText: failure ? 'Error' : 'OK',
    responseHeaders: redactHeaderList(responseHeaders),
    at: at + 5,
  };
  store.responseStarted(response);
  store.completed({ ...response, at: at + 9 });
  const body = failure
    ? JSON.stringify({
        error: {
          code: `E${status}`,
          message: `failure ${n}`,
          pad: randomBytes(Math.ceil(Math.max(0, bytes - 80) * 0.75)).toString('base64'),
        },
      })
    : '{"ok":true}';
  const entry: DevtoolsEntry = {
    exchange: {
      method: 'GET',
      url,
      status,
      statusText: failure ? 'Error' : 'OK',
      requestHeaders: [
        { name: 'Accept', value: '*/*' },
        { name: 'Referer', value: `${origin}/demo.html` },
        {
          name: 'User-Agent',
          value:
            'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36',
        },
        { name: 'sec-ch-ua', value: '"Chromium";v="150", "Not?A_Brand";v="24"' },
        { name: 'sec-ch-ua-mobile', value: '?0' },
        { name: 'sec-ch-ua-platform', value: '"Linux"' },
      ],
      responseHeaders: responseHeaders.map((h) => ({ name: h.name.toLowerCase(), value: h.value })),
      startedAt: at,
      durationMs: 9,
      mimeType: 'application/json',
      callStack: [
        { functionName: 'fire', url: `${origin}/demo.js`, lineNumber: 70, columnNumber: 30 },
        { functionName: '', url: `${origin}/demo.js`, lineNumber: 90, columnNumber: 12 },
      ],
      origin,
      body,
    } as DevtoolsEntry['exchange'],
    bodyState: 'captured',
    resourceType: 'fetch',
  };
  store.mergeDevtools(structuredClone(entry), 'devtools');
}

gc();
gc();
const heap = process.memoryUsage().heapUsed;
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  gc();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    held: store.size,
    heapMB: +(heap / 2 ** 20).toFixed(2),
    fullGcMs: times.map((t) => +t.toFixed(1)),
    medianGcMs: +times[2].toFixed(1),
  }),
);
if (snapshotAt > 0) console.log(writeHeapSnapshot(process.argv[snapshotAt + 1]));
