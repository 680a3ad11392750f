// Issue 13, session 20, reach-y: a probe grid of JSON envelopes written from the rules, not from cases.
// Independent dimensions (the verdict of a 2xx, where code/message/ID sit, under which name family) are
// combined; each cell's expected value follows from ../shared/fixtures/README.md. The value lists and
// where they come from are in corpus/tools/reach-y-sources.md. `PROBE_GRID_REPORT=1` prints the tallies
// per dimension value (the before/after figures of that file).
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';

interface Cell {
  /** Dimension → value, for the tallies and the failure report. */
  dims: Record<string, string>;
  status: number;
  body: unknown;
  failure: boolean;
  code?: string | null;
  messageHas?: string;
  id?: string;
}

function mismatches(cell: Cell): string[] {
  const c = classify({
    method: 'POST',
    url: 'https://api.example.test/v1/things',
    status: cell.status,
    responseHeaders: { 'content-type': 'application/json' },
    body: JSON.stringify(cell.body),
  });
  const out: string[] = [];
  if (c.failure !== cell.failure) out.push(`failure ${c.failure}`);
  if (cell.code === null && c.errorCode != null) out.push(`code ${c.errorCode} (expected none)`);
  if (typeof cell.code === 'string' && String(c.errorCode) !== cell.code) out.push(`code ${String(c.errorCode)}`);
  if (cell.messageHas !== undefined && !(c.message ?? '').toLowerCase().includes(cell.messageHas.toLowerCase()))
    out.push(`message ${JSON.stringify(c.message)}`);
  if (cell.id !== undefined && c.errorId !== cell.id) out.push(`id ${String(c.errorId)}`);
  return out;
}

/** Runs a grid: the failing cells (for the assertion) and, on request, the right/total per dimension value. */
function runGrid(title: string, cells: Cell[]): string[] {
  const tally = new Map<string, [number, number]>();
  const failing: string[] = [];
  for (const cell of cells) {
    const bad = mismatches(cell);
    for (const [dim, value] of Object.entries(cell.dims)) {
      const key = `${dim}=${value}`;
      const t = tally.get(key) ?? [0, 0];
      t[1]++;
      if (!bad.length) t[0]++;
      tally.set(key, t);
    }
    if (bad.length) failing.push(`${cell.status} ${JSON.stringify(cell.body)} → ${bad.join('; ')}`);
  }
  if (process.env.PROBE_GRID_REPORT) {
    const lines = [...tally].map(([k, [ok, n]]) => `  ${k}: ${ok}/${n}`);
    console.log(`${title}: ${cells.length - failing.length}/${cells.length}\n${lines.join('\n')}`);
    if (process.env.PROBE_GRID_REPORT === 'cells') console.log(failing.map((f) => `CELL ${title} ${f}`).join('\n'));
  }
  return failing;
}

// ---------------------------------------------------------------------------------------------------------
// Grid 1: the verdict of a 2xx envelope. A status signal × where it sits × what is beside it.

/** A payload beside the status fields, or none. */
const PAYLOADS: Array<[string, Record<string, unknown>]> = [
  ['none', {}],
  ['data-null', { data: null }],
  ['data-object', { data: { id: 17, name: 'alpha' } }],
];

/** Messages beside a failure signal: a specific one, a generic one, none. */
const FAILURE_MESSAGES: Array<[string, Record<string, unknown>, string | undefined]> = [
  ['msg-specific', { msg: 'system busy, please retry' }, 'system busy'],
  ['message-specific', { message: 'The app key is not valid for this endpoint' }, 'app key is not valid'],
  ['errmsg-specific', { errmsg: 'invalid appid hint' }, 'invalid appid'],
  ['error_msg-specific', { error_msg: 'Access token expired' }, 'access token expired'],
  ['none', {}, undefined],
];

/** Signals a 2xx body fails by (issue 13 class 2; fixtures README "success:false or status:failure"). */
const FAILURE_SIGNALS: Array<[string, Record<string, unknown>]> = [
  ['success:false', { success: false }],
  ['success:"false"', { success: 'false' }],
  ['ok:false', { ok: false }],
  ['succeeded:false', { succeeded: false }],
  ['isSuccess:false', { isSuccess: false }],
  ['is_success:false', { is_success: false }],
  ['error:true', { error: true }],
  ['failed:true', { failed: true }],
  ['hasError:true', { hasError: true }],
  ['isError:true', { isError: true }],
  ['status:"error"', { status: 'error' }],
  ['status:"fail"', { status: 'fail' }],
  ['status:"failed"', { status: 'failed' }],
  ['status:"failure"', { status: 'failure' }],
  ['status:"NOTOK"', { status: 'NOTOK' }],
  ['status:"REQUEST_DENIED"', { status: 'REQUEST_DENIED' }],
  ['status:"Error"', { status: 'Error' }],
  ['state:"error"', { state: 'error' }],
  ['result:"error"', { result: 'error' }],
  ['result:"failure"', { result: 'failure' }],
  ['outcome:"failure"', { outcome: 'failure' }],
  ['stat:"fail"', { stat: 'fail' }],
  ['ack:"Failure"', { ack: 'Failure' }],
  ['code:-1', { code: -1 }],
  ['code:40001', { code: 40001 }],
  ['code:"40001"', { code: '40001' }],
  ['errcode:40013', { errcode: 40013 }],
  ['errno:1001', { errno: 1001 }],
  ['ret:-1', { ret: -1 }],
  ['retcode:1001', { retcode: 1001 }],
  ['result:-1', { result: -1 }],
  ['result_code:2001', { result_code: 2001 }],
  ['resultCode:2001', { resultCode: 2001 }],
  ['returnCode:-2', { returnCode: -2 }],
  ['rc:12', { rc: 12 }],
  ['error_code:110', { error_code: 110 }],
  ['errorCode:"E1001"', { errorCode: 'E1001' }],
  ['error_code:"E1001"', { error_code: 'E1001' }],
  ['errorCode:"InvalidToken"', { errorCode: 'InvalidToken' }],
  // An HTTP error status the body reports for itself (the brief's `{"status":503,"error":"Upstream timeout"}`).
  ['status:503', { status: 503 }],
  ['httpStatus:401', { httpStatus: 401 }],
  ['httpCode:503', { httpCode: 503 }],
];

/** Signals of a success, or of "nothing failed" (issue 13 class 2, the reverse). */
const SUCCESS_SIGNALS: Array<[string, Record<string, unknown>]> = [
  ['success:true', { success: true }],
  ['ok:true', { ok: true }],
  ['error:null', { error: null }],
  ['error:false', { error: false }],
  ['error:""', { error: '' }],
  ['error:{}', { error: {} }],
  ['errors:[]', { errors: [] }],
  ['errors:false', { errors: false }],
  ['errors:null', { errors: null }],
  ['status:"ok"', { status: 'ok' }],
  ['status:"success"', { status: 'success' }],
  ['status:"OK"', { status: 'OK' }],
  ['status:"ZERO_RESULTS"', { status: 'ZERO_RESULTS' }],
  ['code:0', { code: 0 }],
  ['code:"0"', { code: '0' }],
  ['code:200', { code: 200 }],
  ['errcode:0', { errcode: 0 }],
  ['ret:0', { ret: 0 }],
  ['result:0', { result: 0 }],
  ['resultCode:0', { resultCode: 0 }],
  ['error_code:0', { error_code: 0 }],
  ['success:true,errors:[]', { success: true, errors: [] }],
  ['code:0,error:null', { code: 0, error: null }],
];

/** Success messages beside a success signal. */
const SUCCESS_MESSAGES: Array<[string, Record<string, unknown>]> = [
  ['none', {}],
  ['msg:"ok"', { msg: 'ok' }],
  ['message:"success"', { message: 'success' }],
  ['message:"Request processed"', { message: 'Request processed' }],
];

/** Where the status fields sit: at the top, or in a status holder beside the payload. */
const HOLDERS: Array<[string, (fields: Record<string, unknown>) => Record<string, unknown>]> = [
  ['top', (f) => f],
  ['meta', (f) => ({ meta: f })],
  ['header', (f) => ({ header: f })],
  ['result', (f) => ({ result: f })],
  ['base_resp', (f) => ({ base_resp: f })],
  ['Result(Pascal)', (f) => ({ Result: f })],
  ['head', (f) => ({ head: f })],
];

/** A signal that is an HTTP status the body reports for itself: a status, not the API's code. */
const httpSignal = (signal: Record<string, unknown>): boolean =>
  Object.keys(signal).some((k) => /^(?:http|status)/i.test(k));

/** A numeric or string code as the text the panel shows. */
function codeOf(signal: Record<string, unknown>): string | undefined {
  if (httpSignal(signal)) return undefined;
  for (const [k, v] of Object.entries(signal))
    if (/code|errno|^ret$|^rc$/i.test(k) || (k === 'result' && typeof v === 'number')) return String(v);
  return undefined;
}

function verdictCells(): Cell[] {
  const cells: Cell[] = [];
  let turn = 0;
  for (const [holder, wrap] of HOLDERS) {
    for (const [signal, fields] of FAILURE_SIGNALS) {
      // A holder holds a status object; a flag or word alone in `result` is the result itself, not a holder.
      if (/^result$/i.test(holder.replace(/\(.*\)$/, '')) && 'result' in fields) continue;
      // The payload beside is taken in turn; below the top so is the message key (the top multiplies them all in).
      const [payload, payloadFields] = PAYLOADS[turn % PAYLOADS.length];
      const pick = turn++ % (FAILURE_MESSAGES.length - 1);
      for (const [i, [message, messageFields, text]] of FAILURE_MESSAGES.entries()) {
        // A bare flag in a holder without a message says too little to be a status object: left out as arguable.
        if (holder !== 'top' && (message === 'none' || i !== pick)) continue;
        // JSend: a `fail`'s `data` holds the per-field messages, so a payload there is read as one (arguable).
        if (signal === 'status:"fail"' && payload === 'data-object') continue;
        // A lone result code with no message beside it (`{code: 40001}`): a payload's number as often as a verdict.
        if (message === 'none' && (codeOf(fields) !== undefined || httpSignal(fields))) continue;
        cells.push({
          dims: { grid: 'fail', holder, payload, signal, message },
          status: 200,
          body: { ...wrap({ ...fields, ...messageFields }), ...payloadFields },
          failure: true,
          code: codeOf(fields),
          messageHas: text,
        });
      }
    }
    for (const [signal, fields] of SUCCESS_SIGNALS) {
      if (/^result$/i.test(holder.replace(/\(.*\)$/, '')) && 'result' in fields) continue;
      const [payload, payloadFields] = PAYLOADS[turn++ % PAYLOADS.length];
      for (const [message, messageFields] of SUCCESS_MESSAGES)
        cells.push({
          dims: { grid: 'ok', holder, payload, signal, message },
          status: 200,
          body: { ...wrap({ ...fields, ...messageFields }), ...payloadFields },
          failure: false,
        });
    }
  }
  return cells;
}

// ---------------------------------------------------------------------------------------------------------
// Grid 2: code, message and ID on an error status (and on a 2xx that says it failed). Name family × nesting.

/** Code fields: the key, its value, and the code expected (as text). */
const CODE_FAMILIES: Array<[string, Record<string, unknown>, string]> = [
  ['code:token', { code: 'invalid_parameter' }, 'invalid_parameter'],
  ['code:UPPER', { code: 'RESOURCE_NOT_FOUND' }, 'RESOURCE_NOT_FOUND'],
  ['code:number', { code: 40017 }, '40017'],
  ['code:"number"', { code: '40017' }, '40017'],
  ['errorCode', { errorCode: 'QUOTA_LOW' }, 'QUOTA_LOW'],
  ['error_code', { error_code: 'card_declined' }, 'card_declined'],
  ['errcode', { errcode: 40013 }, '40013'],
  ['errorType', { errorType: 'InvalidInputException' }, 'InvalidInputException'],
  ['type:snake', { type: 'invalid_request_error' }, 'invalid_request_error'],
  ['reason:camel', { reason: 'invalidParameter' }, 'invalidParameter'],
  ['name:Error', { name: 'ValidationError' }, 'ValidationError'],
  ['errno', { errno: 1062 }, '1062'],
  ['status:UPPER+code:http', { code: 400, status: 'INVALID_ARGUMENT' }, 'INVALID_ARGUMENT'],
];

/** Message fields: key and sentence; the sentence is what must show. */
const MESSAGE_FAMILIES: Array<[string, string]> = [
  ['message', 'message'],
  ['msg', 'msg'],
  ['errorMessage', 'errorMessage'],
  ['error_message', 'error_message'],
  ['error_description', 'error_description'],
  ['detail', 'detail'],
  ['description', 'description'],
  ['errmsg', 'errmsg'],
  ['error_msg', 'error_msg'],
  ['error(prose)', 'error'],
];

const MESSAGE_TEXT = 'The amount must be lower than the account limit';

/** Where the error object sits (issue 13 class 3 and the API style guides in the sources file). */
const NESTINGS: Array<[string, (o: Record<string, unknown>) => unknown]> = [
  ['top', (o) => o],
  ['error', (o) => ({ error: o })],
  ['errors[0]', (o) => ({ errors: [o] })],
  ['error.errors[0]', (o) => ({ error: { errors: [o] } })],
  ['error.details[0]', (o) => ({ error: { details: [o] } })],
  ['fault', (o) => ({ fault: o })],
  ['data-null+error', (o) => ({ data: null, error: o })],
  ['response.error', (o) => ({ response: { error: o } })],
  ['err', (o) => ({ err: o })],
  ['Error(Pascal)', (o) => ({ Error: o })],
];

/** Statuses the error is sent with; the 2xx ones say they failed beside the nesting. */
// A 5xx is left to grid 6, which sends its cells with 500 as often as with 400.
const ERROR_STATUSES: Array<[string, number, Record<string, unknown>]> = [
  ['400', 400, {}],
  ['200+success:false', 200, { success: false }],
  ['200+status:"error"', 200, { status: 'error' }],
];

function extractionCells(): Cell[] {
  const cells: Cell[] = [];
  let turn = 0;
  for (const [nesting, nest] of NESTINGS)
    for (const [codeFamily, codeFields, code] of CODE_FAMILIES)
      for (const [messageFamily, messageKey] of MESSAGE_FAMILIES) {
        // `error` as a message key names the container itself below the top: arguable, left out.
        if (messageKey === 'error' && nesting !== 'top') continue;
        // AIP-193's `{code, message, status}` sits under `error`; in a list item it reads as JSON:API's `code`.
        if (codeFamily === 'status:UPPER+code:http' && nesting.includes('[0]')) continue;
        // The status is taken in turn, not multiplied in: the verdict of each is grid 1's subject.
        const [statusName, status, beside] = ERROR_STATUSES[turn++ % ERROR_STATUSES.length];
        // `status: "error"` beside a Google-style `status` token would overwrite it.
        if ('status' in beside && 'status' in codeFields && nesting === 'top') continue;
        // AIP-193's `code` is the HTTP status the error is sent with (400 when the transport said 200).
        const fields = 'status' in codeFields ? { ...codeFields, code: status >= 400 ? status : 400 } : codeFields;
        cells.push({
          dims: { grid: 'extract', nesting, codeFamily, messageFamily, status: statusName },
          status,
          body: { ...beside, ...(nest({ ...fields, [messageKey]: MESSAGE_TEXT }) as object) },
          failure: true,
          code,
          messageHas: MESSAGE_TEXT,
        });
      }
  return cells;
}

// ---------------------------------------------------------------------------------------------------------
// Grid 3: the support ID. Key family × where it sits × value shape.

const ID_KEYS = [
  'request_id',
  'requestId',
  'RequestId',
  'x-request-id',
  'trace_id',
  'traceId',
  'correlation_id',
  'correlationId',
  'debug_id',
  'incident_id',
  'error_id',
  'support_id',
  'tracking_id',
  'log_id',
];

const ID_SHAPES: Array<[string, string]> = [
  ['uuid', '3f2b8c1e-9d4a-4e6b-8f0c-2a1d5e7b9c3f'],
  ['hex32', '7c9e6679f4a54b3c8d2e1f0a9b8c7d6e'],
  ['ulid', '01HV3K9Q2ZB7X4N8M6T5R0W1YC'],
  ['prefixed', 'req_8KfT2mQ9xLp4Zr7V'],
  // W3C traceparent (ASP.NET Core 5+ `traceId`) and .NET's hierarchical Request-Id (ASP.NET Core 2.2–3.x `traceId`).
  ['traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00'],
  ['hierarchical', '|8e6ef0c8-4e46ba1c2c5c95b2.'],
];

const ID_PLACES: Array<[string, (key: string, id: string, error: Record<string, unknown>) => unknown]> = [
  ['top', (k, id, e) => ({ error: e, [k]: id })],
  ['in-error', (k, id, e) => ({ error: { ...e, [k]: id } })],
  ['meta', (k, id, e) => ({ error: e, meta: { [k]: id } })],
  ['errors[0]', (k, id, e) => ({ errors: [{ ...e, [k]: id }] })],
  ['top-flat', (k, id, e) => ({ ...e, [k]: id })],
];

function idCells(): Cell[] {
  const cells: Cell[] = [];
  const error = { code: 'invalid_parameter', message: MESSAGE_TEXT };
  for (const key of ID_KEYS)
    for (const [shape, id] of ID_SHAPES)
      for (const [place, put] of ID_PLACES)
        for (const status of [400, 500]) {
          cells.push({
            dims: { grid: 'id', key, shape, place, status: String(status) },
            status,
            body: put(key, id, error),
            failure: true,
            code: 'invalid_parameter',
            messageHas: MESSAGE_TEXT,
            id,
          });
        }
  return cells;
}

// ---------------------------------------------------------------------------------------------------------
// Grid 4: a generic wrapper message beside the specific one (issue 13 class 3: "the specific message over a
// generic wrapper"). Wrapper wording × where the specific message sits × its key.

const WRAPPERS = [
  'Validation Failed',
  'Bad Request',
  'Invalid request',
  'An error occurred',
  'Unprocessable Entity',
  'Bad input',
  'Invalid values',
];

const SPECIFIC = 'email must be a valid address';

const SPECIFIC_PLACES: Array<[string, (wrapper: string, key: string) => unknown]> = [
  ['errors[0]', (w, k) => ({ message: w, errors: [{ field: 'email', [k]: SPECIFIC }] })],
  ['error.details[0]', (w, k) => ({ error: { code: 'invalid_input', message: w, details: [{ [k]: SPECIFIC }] } })],
  ['error.errors[0]', (w, k) => ({ error: { code: 400, message: w, errors: [{ reason: 'invalid', [k]: SPECIFIC }] } })],
  ['details[0]', (w, k) => ({ code: 'invalid_input', message: w, details: [{ [k]: SPECIFIC }] })],
  ['error-beside', (w, k) => ({ error: w, [k === 'message' ? 'error_description' : k]: SPECIFIC })],
  // zod / Joi issues: a field path as a list, as GraphQL's `path` is, below a REST envelope's own code.
  ['issues-path', (w, k) => ({ code: 'VALIDATION_ERROR', message: w, errors: [{ path: ['email'], [k]: SPECIFIC }] })],
];

function wrapperCells(): Cell[] {
  const cells: Cell[] = [];
  for (const wrapper of WRAPPERS)
    for (const [place, build] of SPECIFIC_PLACES)
      for (const key of ['message', 'msg', 'detail', 'description'])
        for (const status of [400, 422])
          cells.push({
            dims: { grid: 'wrapper', wrapper, place, key, status: String(status) },
            status,
            body: build(wrapper, key),
            failure: true,
            messageHas: SPECIFIC,
            code: place === 'issues-path' ? 'VALIDATION_ERROR' : undefined,
          });
  return cells;
}

// ---------------------------------------------------------------------------------------------------------
// Grid 5: key casing. The same envelopes as grid 1 with their keys in the other casings APIs use (.NET and
// SOAP-born APIs send `Success`, `ErrorCode`; older gateways `STATUS`, `ERROR_MSG`).

const CASINGS: Array<[string, (key: string) => string]> = [
  ['Pascal', (k) => k.replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase())],
  ['UPPER_SNAKE', (k) => k.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()],
];

function recase(o: Record<string, unknown>, casing: (key: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[casing(k)] = v;
  return out;
}

function casingCells(): Cell[] {
  const cells: Cell[] = [];
  for (const [casingName, casing] of CASINGS)
    for (const [payload, payloadFields] of PAYLOADS.slice(0, 2)) {
      for (const [signal, fields] of FAILURE_SIGNALS)
        for (const [message, messageFields, text] of FAILURE_MESSAGES) {
          if (message === 'none' && (codeOf(fields) !== undefined || httpSignal(fields))) continue;
          cells.push({
            dims: { grid: 'casing-fail', casing: casingName, payload, signal, message },
            status: 200,
            body: { ...recase({ ...fields, ...messageFields }, casing), ...payloadFields },
            failure: true,
            code: codeOf(fields),
            messageHas: text,
          });
        }
      for (const [signal, fields] of SUCCESS_SIGNALS)
        for (const [message, messageFields] of SUCCESS_MESSAGES)
          cells.push({
            dims: { grid: 'casing-ok', casing: casingName, payload, signal, message },
            status: 200,
            body: { ...recase({ ...fields, ...messageFields }, casing), ...payloadFields },
            failure: false,
          });
    }
  return cells;
}

// ---------------------------------------------------------------------------------------------------------
// Grid 6: everything at once. Code family × nesting × the fields real envelopes carry beside the error
// (framework noise) × status, with the message key and the support ID's key and place taken in turn.

/** Fields beside the error that are none of code, message or ID. */
const NOISE: Array<[string, Record<string, unknown>]> = [
  ['none', {}],
  // Spring Boot's default error attributes beside a custom error object.
  ['spring', { timestamp: '2026-12-06T10:00:00.000+00:00', path: '/v1/things' }],
  // A documentation link (GitHub's `documentation_url`, many `help`/`more_info` fields).
  ['doc-url', { documentation_url: 'https://docs.example.test/errors' }],
  // An empty payload and a pagination block (`data: null`, `meta`).
  ['data-null', { data: null }],
  ['success:false', { success: false }],
];

function combinedCells(): Cell[] {
  const cells: Cell[] = [];
  let turn = 0;
  for (const [nesting, nest] of NESTINGS)
    for (const [codeFamily, codeFields, code] of CODE_FAMILIES) {
      if (codeFamily === 'status:UPPER+code:http' && nesting.includes('[0]')) continue;
      for (const [noise, noiseFields] of NOISE)
        // `{data: null, errors: [...]}` is a GraphQL response, read by its protocol's code (src/core/protocols).
        if (!(noise === 'data-null' && nesting === 'errors[0]')) {
          // The status is taken in turn: 400 or 500, or, beside the noise's `success: false` flag, 200 or 400
          // (a 2xx says it failed only through that flag here; the other signals are grid 1's).
          turn++;
          const status = noise === 'success:false' ? [200, 400][turn % 2] : [400, 500][turn % 2];
          const messageKey = MESSAGE_FAMILIES[turn % (MESSAGE_FAMILIES.length - 1)][1];
          const idKey = ID_KEYS[turn % ID_KEYS.length];
          const [idShape, id] = ID_SHAPES[turn % ID_SHAPES.length];
          const fields = 'status' in codeFields ? { ...codeFields, code: status >= 400 ? status : 400 } : codeFields;
          const inner = { ...fields, [messageKey]: MESSAGE_TEXT, [idKey]: id };
          cells.push({
            dims: { grid: 'combined', nesting, codeFamily, noise, status: String(status), idKey, idShape },
            status,
            body: { ...noiseFields, ...(nest(inner) as object) },
            failure: true,
            code,
            messageHas: MESSAGE_TEXT,
            id,
          });
        }
    }
  return cells;
}

// ---------------------------------------------------------------------------------------------------------
// Grid 7: the payload slot of a failed envelope. Envelopes that keep `data` beside their status put the error
// there (`{success: false, data: {error: {…}}}`, JSend's `error` with `data`); the code and ID may stay outside.

const SLOT_SIGNALS: Array<[string, Record<string, unknown>]> = [
  ['success:false', { success: false }],
  ['ok:false', { ok: false }],
  ['status:"error"', { status: 'error' }],
  ['status:"failed"', { status: 'failed' }],
  ['result:"failure"', { result: 'failure' }],
];

const SLOT_ERRORS: Array<[string, (fields: Record<string, unknown>) => Record<string, unknown>]> = [
  ['data.error', (f) => ({ data: { error: f } })],
  ['data.errors[0]', (f) => ({ data: { errors: [f] } })],
  ['data', (f) => ({ data: f })],
];

function slotCells(): Cell[] {
  const cells: Cell[] = [];
  for (const [signal, signalFields] of SLOT_SIGNALS)
    for (const [slot, put] of SLOT_ERRORS)
      for (const messageKey of ['message', 'msg', 'reason', 'error_description'])
        for (const outside of [false, true])
          for (const status of [200, 400]) {
            const code = { code: 'AMOUNT_TOO_HIGH' };
            const id = { request_id: ID_SHAPES[0][1] };
            const inner = { ...(outside ? {} : { ...code, ...id }), [messageKey]: MESSAGE_TEXT };
            cells.push({
              dims: {
                grid: 'slot',
                signal,
                slot,
                messageKey,
                codeAndId: outside ? 'outside' : 'inside',
                status: String(status),
              },
              status,
              body: { ...signalFields, ...(outside ? { ...code, ...id } : {}), ...put(inner) },
              failure: true,
              code: 'AMOUNT_TOO_HIGH',
              messageHas: MESSAGE_TEXT,
              id: ID_SHAPES[0][1],
            });
          }
  return cells;
}

describe('JSON envelope grid', () => {
  it('the payload slot of a failed envelope', () => {
    expect(runGrid('slot', slotCells())).toEqual([]);
  });
  it('2xx verdicts in every key casing', () => {
    expect(runGrid('casing', casingCells())).toEqual([]);
  });
  it('code, message and ID together beside framework noise', () => {
    expect(runGrid('combined', combinedCells())).toEqual([]);
  });
  it('2xx verdicts: failure signals fail, success signals and empty error slots stay successes', () => {
    expect(runGrid('verdict', verdictCells())).toEqual([]);
  });
  it('code and message from any nesting and name family', () => {
    expect(runGrid('extract', extractionCells())).toEqual([]);
  });
  it('support ID from any key family, place and shape', () => {
    expect(runGrid('id', idCells())).toEqual([]);
  });
  it('the specific message over a generic wrapper', () => {
    expect(runGrid('wrapper', wrapperCells())).toEqual([]);
  });
});
