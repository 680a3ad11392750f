// Stateful retry-audit scenarios. Each run id (?run=<id>) counts its own attempts, so every
// button press on the demo page starts from attempt 1. `?fail=<n>` overrides how many
// attempts fail before the success (not for the always-failing scenarios).
import { intParam, sendJson } from './http.mjs';

const JSON_ERRORS = {
  429: 'Too Many Requests',
  503: 'Service Unavailable',
  422: 'Unprocessable Content',
  401: 'Unauthorized',
  423: 'Locked',
  500: 'Internal Server Error',
};

/** failures: attempts that fail before success (Infinity: always fails). */
export const AUDIT_SCENARIOS = Object.freeze({
  'rate-limited': { failStatus: 429, failures: 2, successStatus: 200, headers: { 'retry-after': '2' } },
  flaky: { failStatus: 503, failures: 2, successStatus: 200, headers: {} },
  validation: { failStatus: 422, failures: Infinity, successStatus: 200, headers: {} },
  unauthorized: {
    failStatus: 401,
    failures: Infinity,
    successStatus: 200,
    headers: { 'www-authenticate': 'Bearer realm="demo", error="invalid_token"' },
  },
  locked: { failStatus: 423, failures: 3, successStatus: 200, headers: {} },
  create: { failStatus: 500, failures: 1, successStatus: 201, headers: {}, method: 'POST' },
});

const MAX_RUNS = 10_000;

export function createAuditState() {
  /** `${scenario} ${run}` -> attempts so far */
  const attempts = new Map();
  /** `${run} ${idempotency key}` -> created id, so a replayed key returns the same resource */
  const created = new Map();

  function handle(req, res, url, match) {
    const scenarioName = match[1];
    const scenario = AUDIT_SCENARIOS[scenarioName];
    if (!scenario) {
      sendJson(res, 404, 'Not Found', {
        error: { code: 'unknown_scenario', message: `No audit scenario ${scenarioName}` },
      });
      return;
    }
    if (scenario.method && req.method !== scenario.method) {
      sendJson(
        res,
        405,
        'Method Not Allowed',
        { error: { code: 'method_not_allowed', message: `Use ${scenario.method}` } },
        { allow: scenario.method },
      );
      return;
    }
    const run = url.searchParams.get('run') ?? 'default';
    if (attempts.size > MAX_RUNS) attempts.clear();
    const key = `${scenarioName} ${run}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const failures = Number.isFinite(scenario.failures)
      ? intParam(url.searchParams, 'fail', scenario.failures, 0, 1000)
      : Infinity;
    const common = { 'x-audit-attempt': String(attempt), 'x-request-id': `req_audit_${scenarioName}_${attempt}` };

    if (attempt <= failures) {
      sendJson(
        res,
        scenario.failStatus,
        JSON_ERRORS[scenario.failStatus],
        {
          error: {
            code: `audit_${scenarioName}`,
            message: `Attempt ${attempt} of run ${run} fails on purpose.`,
            attempt,
          },
        },
        { ...scenario.headers, ...common },
      );
      return;
    }

    if (scenario.successStatus === 201) {
      const idempotencyKey = req.headers['idempotency-key'];
      const replayKey = idempotencyKey ? `${run} ${idempotencyKey}` : null;
      const replayed = replayKey !== null && created.has(replayKey);
      const id = replayed ? created.get(replayKey) : `ord_${run}_${attempt}`;
      if (replayKey && !replayed) {
        if (created.size > MAX_RUNS) created.clear();
        created.set(replayKey, id);
      }
      sendJson(
        res,
        201,
        'Created',
        { id, attempt },
        { ...common, location: `/api/audit/create/${id}`, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) },
      );
      return;
    }
    sendJson(res, 200, 'OK', { ok: true, attempt }, common);
  }

  return { handle, route: [null, /^\/api\/audit\/([a-z-]+)$/, handle] };
}
