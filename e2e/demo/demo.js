// The demo page's calls. Plain browser ES module, no build step, no inline script (strict CSP).
// Everything shown on the page goes through textContent: responses are never rendered as HTML.

const refusedOrigin = document.querySelector('meta[name="faultline-refused-origin"]').content;
/** @type {Array<{name: string, method: string, url: string, headers: Record<string,string>, body: string|null, expectedStatus: number}>} */
const seedRequests = JSON.parse(document.getElementById('seed-requests').textContent);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const JSON_HEADERS = { 'content-type': 'application/json' };
const NO_BODY_METHODS = new Set(['GET', 'HEAD']);

// ---------------------------------------------------------------- results log

const MAX_LOG_LINES = 300;
const logList = document.getElementById('log');

function logLine(text, failed) {
  const item = document.createElement('li');
  item.textContent = text;
  item.className = failed ? 'fail' : 'ok';
  logList.prepend(item);
  while (logList.childElementCount > MAX_LOG_LINES) logList.lastElementChild.remove();
}

function logResult(result) {
  const outcome = result.error ? `network error: ${result.error}` : `${result.status} ${result.statusText}`.trim();
  logLine(`${result.name} → ${outcome} (${result.ms} ms)`, Boolean(result.error) || result.status >= 400);
}

// ---------------------------------------------------------------- one call

/**
 * Makes one request. Reads the whole body unless `readBody` is false.
 * Resolves with {name, status, statusText, ok, ms, error?}; status 0 and `error` for a network failure.
 */
async function call(name, url, init = {}, { readBody = true, log = true } = {}) {
  const started = performance.now();
  let result;
  try {
    const response = await fetch(url, init);
    if (readBody) await response.arrayBuffer();
    result = {
      name,
      status: response.status,
      statusText: response.statusText,
      ok: response.ok,
      ms: Math.round(performance.now() - started),
      response,
    };
  } catch (error) {
    result = {
      name,
      status: 0,
      statusText: '',
      ok: false,
      ms: Math.round(performance.now() - started),
      error: String(error && error.message ? error.message : error),
    };
  }
  if (log) logResult(result);
  const { response, ...plain } = result;
  return Object.defineProperty(plain, 'response', { value: response, enumerable: false });
}

function jsonInit(method, value, headers = {}) {
  return { method, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(value) };
}

// ---------------------------------------------------------------- calls by group

/** One per seed case: its method, headers and body, URL rewritten to /api/case/<name>. */
const seedCalls = seedRequests.map((request) => ({
  name: request.name,
  label: request.name,
  status: request.expectedStatus || 'ERR',
  run: () => {
    const init = { method: request.method, headers: request.headers };
    if (request.body !== null && !NO_BODY_METHODS.has(request.method)) init.body = request.body;
    return call(request.name, request.url, init);
  },
}));

const extraCalls = [
  {
    name: 'graphql-errors',
    label: 'GraphQL errors',
    status: 200,
    run: () => call('graphql-errors', '/api/graphql', jsonInit('POST', { query: '{ user {nme} }' })),
  },
  {
    name: 'retry-after-date',
    label: 'Retry-After as an HTTP-date',
    status: 429,
    run: () => call('retry-after-date', '/api/extra/retry-after-date'),
  },
  {
    name: 'method-not-allowed',
    label: 'Wrong method, with Allow',
    status: 405,
    run: () => call('method-not-allowed', '/api/extra/method-not-allowed', jsonInit('POST', { name: 'Ada' })),
  },
  {
    name: 'conflict',
    label: 'Version conflict',
    status: 409,
    run: () => call('conflict', '/api/extra/conflict', jsonInit('PUT', { name: 'Ada', version: 6 })),
  },
  {
    name: 'locked',
    label: 'Locked',
    status: 423,
    run: () => call('locked', '/api/extra/locked', jsonInit('PATCH', { status: 'verified' })),
  },
  {
    name: 'bad-gateway-html',
    label: 'HTML page from a proxy',
    status: 502,
    run: () => call('bad-gateway-html', '/api/extra/bad-gateway-html'),
  },
  {
    name: 'gateway-timeout-empty',
    label: 'Gateway timeout, empty body',
    status: 504,
    run: () => call('gateway-timeout-empty', '/api/extra/gateway-timeout-empty'),
  },
  {
    name: 'problem-json',
    label: 'problem+json with field errors',
    status: 422,
    run: () => call('problem-json', '/api/extra/problem-json', jsonInit('POST', { email: 'not-an-email', age: -1 })),
  },
  {
    name: 'sse-error',
    label: 'Event stream with an error event',
    status: 200,
    run: () => call('sse-error', '/api/extra/sse-error', { headers: { accept: 'text/event-stream' } }),
  },
  { name: 'slow', label: 'Slow (800 ms)', status: 200, run: () => call('slow', '/api/slow?ms=800') },
  { name: 'ok', label: 'OK', status: 200, run: () => call('ok', '/api/ok') },
  {
    name: 'echo-idempotency-key',
    label: 'POST with Idempotency-Key',
    status: 200,
    run: () =>
      call(
        'echo-idempotency-key',
        '/api/echo',
        jsonInit('POST', { amount: 1000 }, { 'idempotency-key': `demo-${Date.now()}` }),
      ),
  },
];

// Absolute beacon URL: if this ever runs inside the extension, the hit still reaches the demo server.
const XSS_QUERY = `<img src=x onerror="window.__faultline_xss=1;fetch('${location.origin}/api/xss-beacon?via=url')"><script>window.__faultline_xss=1</script>`;
const RETRY_GARBAGE = {
  negative: '-5',
  overflow: '1e309',
  word: 'soon',
  'year-9999': 'Fri, 31 Dec 9999 23:59:59 GMT',
  epoch: 'Thu, 01 Jan 1970 00:00:00 GMT',
};

const hostileCalls = [
  {
    name: 'hostile-huge',
    label: '50 MB error body',
    status: 500,
    run: () => call('hostile-huge', '/api/hostile/huge'),
  },
  {
    name: 'hostile-deep',
    label: 'JSON 100,000 levels deep',
    status: 500,
    run: () => call('hostile-deep', '/api/hostile/deep'),
  },
  {
    name: 'hostile-binary',
    label: 'Binary body',
    status: 500,
    run: () => call('hostile-binary', '/api/hostile/binary'),
  },
  {
    name: 'hostile-invalid-utf8',
    label: 'Invalid UTF-8 JSON',
    status: 500,
    run: () => call('hostile-invalid-utf8', '/api/hostile/invalid-utf8'),
  },
  {
    name: 'hostile-proto',
    label: '__proto__ keys',
    status: 400,
    run: () => call('hostile-proto', '/api/hostile/proto'),
  },
  {
    name: 'hostile-xss',
    label: 'HTML/script payloads',
    status: 400,
    run: () => call('hostile-xss', `/api/hostile/xss?q=${encodeURIComponent(XSS_QUERY)}`),
  },
  {
    name: 'hostile-headers',
    label: '5,000 response headers',
    status: 500,
    run: () => call('hostile-headers', '/api/hostile/headers'),
  },
  ...Object.entries(RETRY_GARBAGE).map(([key, value]) => ({
    name: `hostile-retry-garbage-${key}`,
    label: `Retry-After: ${value}`,
    status: 429,
    run: () => call(`hostile-retry-garbage-${key}`, `/api/hostile/retry-garbage?v=${encodeURIComponent(value)}`),
  })),
];

// ---------------------------------------------------------------- retry audit

let runCounter = 0;
function freshRunId(scenario) {
  runCounter += 1;
  return `${scenario}-${Date.now().toString(36)}-${runCounter}`;
}

/**
 * Sends attempts until `nextDelay(result, attemptIndex)` returns null; it returns the wait in ms
 * before the next attempt. `initFor(attemptIndex)` builds each attempt's request.
 */
async function attempts(name, url, initFor, nextDelay, maxAttempts) {
  const started = performance.now();
  const log = [];
  let waitedMs = 0;
  for (let index = 0; index < maxAttempts; index += 1) {
    const init = initFor(index);
    const startedAtMs = Math.round(performance.now() - started);
    const result = await call(`${name} #${index + 1}`, url, init);
    log.push({ url, method: init.method ?? 'GET', status: result.status, attempt: index + 1, waitedMs, startedAtMs });
    const delay = index + 1 < maxAttempts ? nextDelay(result, index) : null;
    if (delay === null) break;
    waitedMs = delay;
    await sleep(delay);
  }
  return log;
}

const onFailure = (delay) => (result) => (result.status >= 400 || result.status === 0 ? delay : null);

/** ky-style: 300 ms·2^n backoff, Retry-After honoured, POST retried only with an Idempotency-Key. */
const RETRY_STATUSES = new Set([408, 413, 423, 429, 500, 502, 503, 504]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE']);
const RETRY_AFTER_MARGIN_MS = 50;

function politeDelay(method, hasIdempotencyKey) {
  return (result, index) => {
    if (!RETRY_STATUSES.has(result.status)) return null;
    if (!IDEMPOTENT.has(method) && !hasIdempotencyKey) return null;
    const backoff = 300 * 2 ** index;
    const retryAfter = result.response && result.response.headers.get('retry-after');
    if (retryAfter !== null && retryAfter !== undefined) {
      const seconds = Number(retryAfter);
      const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
      if (Number.isFinite(ms) && ms >= 0) return ms + RETRY_AFTER_MARGIN_MS;
    }
    return backoff;
  };
}

async function wellBehaved() {
  const log = [];
  const get = () => ({ method: 'GET' });
  const politeLimit = 5;
  log.push(
    ...(await attempts(
      'well-behaved rate-limited',
      `/api/audit/rate-limited?run=${freshRunId('well-behaved')}`,
      get,
      politeDelay('GET', false),
      politeLimit,
    )),
  );
  log.push(
    ...(await attempts(
      'well-behaved flaky',
      `/api/audit/flaky?run=${freshRunId('well-behaved')}`,
      get,
      politeDelay('GET', false),
      politeLimit,
    )),
  );
  const lockBody = { status: 'verified' };
  log.push(
    ...(await attempts(
      'well-behaved locked',
      `/api/audit/locked?run=${freshRunId('well-behaved')}`,
      () => jsonInit('PUT', lockBody),
      politeDelay('PUT', false),
      politeLimit,
    )),
  );
  const key = `idem-${freshRunId('well-behaved')}`;
  const order = { item: 'book', quantity: 1 };
  log.push(
    ...(await attempts(
      'well-behaved create',
      `/api/audit/create?run=${freshRunId('well-behaved')}`,
      () => jsonInit('POST', order, { 'idempotency-key': key }),
      politeDelay('POST', true),
      politeLimit,
    )),
  );
  // Not retryable: sent once.
  log.push(
    ...(await attempts(
      'well-behaved validation',
      `/api/audit/validation?run=${freshRunId('well-behaved')}`,
      () => jsonInit('POST', { email: 'not-an-email' }),
      politeDelay('POST', false),
      politeLimit,
    )),
  );
  // 401: refresh the credentials once, then give up.
  const tokens = ['Bearer demo-expired-token', 'Bearer demo-refreshed-token'];
  log.push(
    ...(await attempts(
      'well-behaved unauthorized',
      `/api/audit/unauthorized?run=${freshRunId('well-behaved')}`,
      (i) => ({ headers: { authorization: tokens[i] } }),
      (result, i) => (result.status === 401 && i === 0 ? 300 : null),
      2,
    )),
  );
  return log;
}

/** One scenario per client mistake the retry audit must catch, plus a well-behaved client. */
const AUDIT_SCENARIOS = {
  '4xx-retried-unchanged': {
    label: '422 retried unchanged (3× at once)',
    run: () =>
      attempts(
        '422 retried unchanged',
        `/api/audit/validation?run=${freshRunId('validation')}`,
        () => jsonInit('POST', { email: 'not-an-email' }),
        () => 0,
        3,
      ),
  },
  '401-retried-same-credentials': {
    label: '401 retried without new credentials',
    run: () =>
      attempts(
        '401 same credentials',
        `/api/audit/unauthorized?run=${freshRunId('unauthorized')}`,
        () => ({ headers: { authorization: 'Bearer demo-expired-token' } }),
        () => 100,
        3,
      ),
  },
  'retry-after-ignored': {
    label: 'Retry-After ignored (200 ms, not 2 s)',
    run: () =>
      attempts(
        'Retry-After ignored',
        `/api/audit/rate-limited?run=${freshRunId('rate-limited')}`,
        () => ({}),
        onFailure(200),
        5,
      ),
  },
  'no-backoff': {
    label: 'No backoff (503 retried 4× every 300 ms)',
    run: () =>
      attempts('no backoff', `/api/audit/flaky?run=${freshRunId('flaky')}&fail=4`, () => ({}), onFailure(300), 5),
  },
  'retry-storm': {
    label: 'Retry storm (10 attempts within 1 s)',
    run: () =>
      attempts(
        'retry storm',
        `/api/audit/flaky?run=${freshRunId('storm')}&fail=100`,
        () => ({}),
        (result, index) => 10 * (index + 1),
        10,
      ),
  },
  'unsafe-post-retry': {
    label: 'POST retried after 500 without Idempotency-Key',
    run: () =>
      attempts(
        'unsafe POST retry',
        `/api/audit/create?run=${freshRunId('create')}`,
        () => jsonInit('POST', { item: 'book', quantity: 1 }),
        onFailure(300),
        3,
      ),
  },
  '423-hammered': {
    label: '423 hammered without waiting',
    run: () =>
      attempts(
        '423 hammered',
        `/api/audit/locked?run=${freshRunId('locked')}`,
        () => jsonInit('PUT', { status: 'verified' }),
        onFailure(0),
        5,
      ),
  },
  'well-behaved': {
    label: 'Well-behaved client (backoff, Retry-After, Idempotency-Key)',
    run: wellBehaved,
  },
};

const auditCalls = Object.entries(AUDIT_SCENARIOS).map(([scenario, { label }]) => ({
  name: `audit-${scenario}`,
  label,
  status: null,
  run: () => audit(scenario),
}));

/** Runs one retry-audit scenario with a fresh run id; resolves with its attempts. */
async function audit(scenario) {
  const definition = AUDIT_SCENARIOS[scenario.replace(/^audit-/, '')];
  if (!definition) throw new Error(`unknown audit scenario: ${scenario}`);
  const result = { scenario: scenario.replace(/^audit-/, ''), attempts: await definition.run() };
  logLine(`audit ${result.scenario}: ${result.attempts.map((a) => a.status).join(', ')}`, false);
  return result;
}

// ---------------------------------------------------------------- API

const callsByName = new Map([...seedCalls, ...extraCalls, ...hostileCalls, ...auditCalls].map((c) => [c.name, c]));

async function runCase(name) {
  if (name === 'unread-body') return unreadFetch();
  const entry = callsByName.get(name);
  if (!entry) throw new Error(`unknown demo call: ${name}`);
  return entry.run();
}

async function runSequence(calls) {
  const results = [];
  for (const entry of calls) results.push(await entry.run());
  return results;
}

/** Every seed case, then every extra call, one after another. Sets body[data-done] when finished. */
async function runAll() {
  delete document.body.dataset.done;
  const results = await runSequence([...seedCalls, ...extraCalls]);
  document.body.dataset.done = 'true';
  return results;
}

async function runHostile() {
  return runSequence(hostileCalls);
}

/** A fetch whose body the page never reads. */
function unreadFetch() {
  return call('unread-body', '/api/unread', {}, { readBody: false });
}

/** Fires n requests to /api/burst/<i> with bounded concurrency, reading each body. Resolves with the number of responses. */
async function burst(n = 2000, concurrency = 50) {
  let next = 0;
  let responses = 0;
  const started = performance.now();
  async function worker() {
    while (next < n) {
      const index = next;
      next += 1;
      const result = await call(`burst ${index}`, `/api/burst/${index}`, {}, { log: false });
      if (result.status !== 0) responses += 1;
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  logLine(`burst: ${responses} of ${n} responses (${Math.round(performance.now() - started)} ms)`, responses !== n);
  return responses;
}

window.faultlineDemo = {
  runAll,
  runCase,
  burst,
  unreadFetch,
  audit,
  runHostile,
  refusedOrigin,
  names: {
    seed: seedCalls.map((c) => c.name),
    extra: extraCalls.map((c) => c.name),
    hostile: hostileCalls.map((c) => c.name),
    audit: Object.keys(AUDIT_SCENARIOS),
  },
};

// ---------------------------------------------------------------- buttons

function addButtons(group, calls) {
  const container = document.querySelector(`[data-group="${group}"]`);
  for (const entry of calls) {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = entry.name;
    button.dataset.case = entry.name;
    if (entry.status !== null) {
      const status = document.createElement('span');
      status.className = 'status';
      status.textContent = String(entry.status);
      button.append(status);
    }
    button.append(entry.label);
    container.append(button);
  }
}

addButtons('seed', seedCalls);
addButtons('extra', extraCalls);
addButtons('audit', auditCalls);
addButtons('hostile', hostileCalls);

async function onButton(button, action) {
  button.dataset.running = 'true';
  try {
    await action();
  } catch (error) {
    logLine(`${button.dataset.case}: ${error}`, true);
  } finally {
    delete button.dataset.running;
  }
}

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-case]') : null;
  if (!button) return;
  const name = button.dataset.case;
  if (name === 'run-all') onButton(button, runAll);
  else if (name === 'burst') onButton(button, () => burst(2000));
  else onButton(button, () => runCase(name));
});

const params = new URLSearchParams(location.search);
if (params.get('page')) document.getElementById('page-indicator').textContent = `Page ${params.get('page')}`;
document.body.dataset.ready = 'true';
if (params.get('autorun') === '1') runAll();
