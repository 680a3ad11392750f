// The generic inference: what it reads from envelopes nobody wrote a recognizer for, and what it must not invent.
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import { indexEntries } from '../headers';
import { pickErrorId } from '../ids';
import { waitInMessage } from '../retry';
import { inferJson, statusVerdict } from './json';
import { htmlMessage, supportIdInText } from './markup';
import { retryableFromCode } from './semantics';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  classify({
    method: 'POST',
    url: 'https://api.example.test/v1/x',
    status,
    responseHeaders: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('inferJson', () => {
  it('finds code, message and ID under names and nestings no recognizer lists', () => {
    expect(
      inferJson({ errorcode: 'E_QUOTA', errormsg: 'Quota used up', meta: { request_id: 'req_8f2a91' } }, 400),
    ).toMatchObject({
      errorCode: 'E_QUOTA',
      message: 'Quota used up',
      errorId: 'req_8f2a91',
      errorIdField: 'meta.request_id',
    });
    expect(
      inferJson({ fault: { faultstring: 'Invalid ApiKey', detail: { errorcode: 'oauth.v2.InvalidApiKey' } } }, 401),
    ).toMatchObject({ errorCode: 'oauth.v2.InvalidApiKey', message: 'Invalid ApiKey' });
    expect(inferJson({ details: { vendorErrorCode: 412306 }, message: 'Precondition not met' }, 412).errorCode).toBe(
      412306,
    );
  });

  it('prefers the specific message beside a generic wrapper, keeping both', () => {
    const got = inferJson(
      { message: 'Validation Failed', errors: [{ field: 'email', message: 'Email has already been taken' }] },
      422,
    );
    expect(got.message).toBe('Validation Failed: Email has already been taken');
  });

  it('reads a field → messages dictionary when no field holds a message, at the top or under data/error', () => {
    expect(
      inferJson({ message: { name: ['has already been taken'], path: ['has already been taken'] } }, 400).message,
    ).toBe('name: has already been taken');
    expect(
      inferJson(
        {
          statusCode: 400,
          error: 'Bad Request',
          message: 'ValidationError',
          data: { errors: { members: ['members must be at least 1'] } },
        },
        400,
      ).message,
    ).toBe('members: members must be at least 1');
    // A dictionary of records is not one of messages.
    expect(inferJson({ errors: { item: { id: 3 } } }, 400).message).toBeUndefined();
  });

  it('takes the list of strings beside a wrapper phrase as the specific message', () => {
    expect(
      inferJson(
        { error: { message: 'Invalid Input Provided', code: 2001, errors: ['Status must be one of a, b'] } },
        400,
      ).message,
    ).toBe('Invalid Input Provided: Status must be one of a, b');
  });

  it('reads an error identifier as the support ID', () => {
    expect(
      inferJson(
        {
          Messages: [
            {
              Status: 'error',
              Errors: [
                {
                  ErrorIdentifier: 'd9424b68-9366-46dd-9d59-f7f5fcf113bc',
                  ErrorCode: 'mj-0013',
                  ErrorMessage: 'bad address',
                },
              ],
            },
          ],
        },
        400,
      ).errorId,
    ).toBe('d9424b68-9366-46dd-9d59-f7f5fcf113bc');
  });

  it('moves a class-name message (`ValidationError`) to the code and finds the human message', () => {
    const got = json(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'ValidationError',
      data: { errors: { title: ['title is required'] } },
    });
    expect(got.message).toContain('title is required');
  });

  it('does not call a limit retryable when the message says only upgrading raises it', () => {
    expect(
      json(429, {
        errors: [
          {
            code: 'TOOMANYREQUESTS',
            message:
              'You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://example.test/x',
          },
        ],
      }).retryable,
    ).toBe(false);
    expect(
      json(429, { errors: [{ code: 'TOOMANYREQUESTS', message: 'Slow down, try again in a minute' }] }).retryable,
    ).toBe(true);
  });

  it('reads "buying power is insufficient" as exhausted funds, in either word order', () => {
    expect(
      json(200, {
        success: false,
        code: 'trade.DAY_BUYING_POWER_INSUFFICIENT',
        msg: 'Buying power is insufficient, cancel open orders and try again',
      }).retryable,
    ).toBe(false);
    expect(json(403, { code: 40310000, message: 'insufficient buying power' }).retryable).toBe(false);
  });

  it('does not take the reason phrase in `error` beside a message as a code', () => {
    expect(
      json(401, { error: 'Unauthorized', status: 401, message: 'Invalid OAuth token' }).errorCode ?? null,
    ).toBeNull();
    expect(json(403, { error: 'forbidden', message: 'No access' }).errorCode).toBe('forbidden');
  });

  it('does not take a status echo, a reason phrase or a record type as a code', () => {
    expect(inferJson({ code: 404, message: 'No such thing' }, 404).errorCode).toBeUndefined();
    expect(inferJson({ error: 'Unauthorized', message: 'Bad token' }, 401).errorCode).toBeUndefined();
    expect(inferJson({ message: 'Conflicts', details: { type: 'DOMAIN' } }, 409).errorCode).toBeUndefined();
    // A key that names itself the error code keeps a number equal to the status.
    expect(inferJson({ status: { error_code: 429, error_message: 'Slow down' } }, 429).errorCode).toBe(429);
  });

  it('reads waits and retry flags from body fields, in milliseconds where the name says so', () => {
    expect(inferJson({ error: 'busy', retry_after_ms: 2500 }, 503)).toMatchObject({
      retryAfterSeconds: 2.5,
      retryAfterField: 'retry_after_ms',
    });
    expect(inferJson({ error: { message: 'later', retryAfter: 30, retryable: true } }, 503)).toMatchObject({
      retryAfterSeconds: 30,
      retryable: true,
    });
  });
});

describe('statusVerdict (2xx envelopes)', () => {
  it.each([
    [{ status: 'NOTOK', message: 'Invalid key' }, true],
    [{ status: 'REQUEST_DENIED', error_message: 'The provided API key is invalid.' }, true],
    [{ ok: false, reason: 'no' }, true],
    [{ success: false }, true],
    [{ result: false, message: 'x' }, true],
    [{ retcode: 3, msg: 'bad sign' }, true],
    [{ retcode: 0, msg: 'ok' }, false],
    [{ error: null, data: [] }, undefined],
    [{ errors: [], data: { a: 1 } }, undefined],
    [{ errors: false }, undefined],
    [{ status: 'ZERO_RESULTS', results: [] }, false],
    [{ status: 'OK', results: [] }, false],
  ])('%j → %s', (body, verdict) => {
    expect(statusVerdict(body)).toBe(verdict);
  });

  it('reads the first failed item of a bulk response', () => {
    const c = json(200, {
      took: 3,
      errors: true,
      items: [
        { index: { status: 201 } },
        { index: { status: 400, error: { type: 'mapper_parsing_exception', reason: 'failed to parse field [age]' } } },
      ],
    });
    expect(c.failure).toBe(true);
    expect(c.errorCode).toBe('mapper_parsing_exception');
    expect(c.message).toContain('failed to parse field');
  });

  it('keeps a record whose own state reads "failed" a success', () => {
    const c = json(200, {
      id: 'job_1',
      object: 'job',
      status: 'failed',
      created: 1,
      name: 'n',
      a: 1,
      b: 2,
      c: 3,
      d: 4,
    });
    expect(c.failure).toBe(false);
  });

  it('leaves error:null, errors:[] and errors:false bodies successes with nothing invented', () => {
    for (const body of [
      { error: null, data: { id: 1 } },
      { errors: [], data: [] },
      { errors: false, took: 1 },
    ]) {
      const c = json(200, body);
      expect(c.failure).toBe(false);
      expect(c.errorCode).toBeNull();
    }
  });
});

describe('markup', () => {
  it('gives the page text, not only the status heading', () => {
    expect(
      htmlMessage('<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>'),
    ).toBe('403 Forbidden: Request forbidden by administrative rules.');
    expect(
      htmlMessage(
        '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
      ),
    ).toBe('502 Bad Gateway');
  });

  it.each([
    ['Reference #18.6a3d1502.1733000000.2f1e0a', '18.6a3d1502.1733000000.2f1e0a'],
    ['Cloudflare Ray ID: 8a1b2c3d4e5f6071', '8a1b2c3d4e5f6071'],
    ['Your support ID is: 11223344556677889900', '11223344556677889900'],
    ['Request ID: AbC-123_xyz==', 'AbC-123_xyz=='],
    ['Incident ID : X39p6JpB3449QZ0x', 'X39p6JpB3449QZ0x'],
  ])('finds the support ID in %j', (text, id) => {
    expect(supportIdInText(text)).toBe(id);
  });

  it('treats a 200 block page as a failure with its support ID', () => {
    const c = classify({
      method: 'GET',
      url: 'https://shop.example.test/',
      status: 200,
      responseHeaders: { 'content-type': 'text/html' },
      body: '<html><head><title>Request Rejected</title></head><body>The requested URL was rejected.<br>Your support ID is: 98765432109876543210</body></html>',
    });
    expect(c.failure).toBe(true);
    expect(c.errorId).toBe('98765432109876543210');
    expect(c.message).toContain('The requested URL was rejected');
  });
});

describe('support ID headers by family', () => {
  it('quotes an unlisted vendor request-ID header before a trace header', () => {
    const headers = indexEntries([
      { name: 'atl-traceid', value: 'trace123456' },
      { name: 'x-arequestid', value: 'a1b2c3d4-req' },
    ]);
    expect(pickErrorId(headers, null, undefined, null)).toMatchObject({
      errorId: 'a1b2c3d4-req',
      errorIdSource: 'header x-arequestid',
    });
    const tracking = indexEntries([{ name: 'x-zm-trackingid', value: 'v=2.0;rid=WEB_1' }]);
    expect(pickErrorId(tracking, null, undefined, null).errorId).toBe('v=2.0;rid=WEB_1');
  });

  it("does not quote the echo of the client's own request ID", () => {
    expect(
      pickErrorId(indexEntries([{ name: 'x-client-request-id', value: 'mine-123456' }]), null, undefined, null).errorId,
    ).toBeNull();
  });
});

describe('waits and code semantics', () => {
  it.each([
    ['For security purposes, you can only request this after 45 seconds.', 45],
    ['Please retry in 47.4s', 47.4],
    ['Expected available in 831 seconds.', 831],
    ['The limit resets in 2 minutes', 120],
  ])('%j → %s s', (message, seconds) => {
    expect(waitInMessage(message)).toBeCloseTo(seconds, 3);
  });

  it('reports a multi-day wait as given and says it is long', () => {
    const c = json(429, { message: 'Rate limit exceeded' }, { 'retry-after': String(3 * 86_400) });
    expect(c.retryAfterSeconds).toBe(3 * 86_400);
    expect(c.action).toMatch(/long wait/);
  });

  it.each([
    ['TOO_MANY_ATTEMPTS_TRY_LATER', true],
    ['ServerBusy', true],
    ['storageQuotaExceeded', false],
    ['insufficient_funds', false],
    ['billing_not_active', false],
    ['invalid_timeout', undefined],
    ['rate_limit_quota', true],
    ['not_found', undefined],
    ['ValidationError', false],
    ['INVALID_API_KEY', false],
    ['bad_request', false],
    ['validation_error_count', undefined],
    ['invalid_request_try_later', undefined],
  ])('%s → %s', (code, retryable) => {
    expect(retryableFromCode(code)).toBe(retryable);
  });

  it('a 500 whose code blames the request is not retried; a JSend placeholder code gives way to the name', () => {
    const c = json(500, {
      status: 'error',
      code: -1,
      name: 'ValidationError',
      message: 'You must specify a key value',
    });
    expect(c.errorCode).toBe('ValidationError');
    expect(c.retryable).toBe(false);
    const d = json(500, {
      status: 'error',
      code: 12,
      name: 'ValidationError',
      message: 'You must specify a key value',
    });
    expect(d.errorCode).toBe('12');
    expect(json(500, { status: 'error', code: -1, name: 'GeneralError', message: 'Boom' }).retryable).toBe(true);
  });

  it('a 400 whose code says try later is retryable; a 429 or 403 whose code says quota or storage is not', () => {
    expect(json(400, { error: { code: 'TEMPORARILY_UNAVAILABLE_TRY_LATER', message: 'Busy' } }).retryable).toBe(true);
    expect(
      json(429, { error: { code: 'monthly_quota_exceeded', message: 'No more calls this month' } }).retryable,
    ).toBe(false);
    expect(json(403, { error: { code: 'storage_full', message: 'Storage is full' } }).retryable).toBe(false);
  });
});

describe('shapes from responses users paste into issues', () => {
  const page = (status: number, contentType: string, body: string, headers: Record<string, string> = {}) =>
    classify({
      method: 'GET',
      url: 'https://app.example.test/api/x',
      status,
      responseHeaders: { 'content-type': contentType, ...headers },
      body,
    });

  it('reads a field → message map that holds no dictionary key at all', () => {
    const c = json(400, { data: null, errors: { vmid: 'invalid format - value does not look like a valid VM ID' } });
    expect(c.message).toContain('invalid format - value does not look like a valid VM ID');
    expect(inferJson({ errors: { vmid: 'invalid format' } }, 400).messageField).toBe('errors.vmid');
  });

  it('reads an error envelope wrapped in one key of any name as a 2xx failure', () => {
    const c = json(200, {
      'subsonic-response': {
        status: 'failed',
        version: '1.15.0',
        error: { code: 0, message: 'For input string: "1"' },
      },
    });
    expect(c.failure).toBe(true);
    expect(c.message).toContain('For input string');
    // The same wrapper around data with an empty error is a success.
    expect(json(200, { 'subsonic-response': { status: 'ok', error: null, artist: { id: 1 } } }).failure).toBe(false);
    expect(json(200, { user: { id: 7, name: 'x' } }).failure).toBe(false);
  });

  it('reads keys that end in a message word (`response_details`) and prefers a developer message', () => {
    expect(inferJson({ response: null, response_details: 'Delay between downloads is too short' }, 503).message).toBe(
      'Delay between downloads is too short',
    );
    const c = json(401, {
      error: 'Something strange occurred. Please contact the app owners.',
      developer_message: 'No user credentials were provided.',
      error_code: 8003,
    });
    expect(c.message).toBe('No user credentials were provided.');
    expect(c.errorCode).toBe('8003');
  });

  it('drops a JSON-LD prefix from keys (`hydra:description`)', () => {
    const got = inferJson(
      { '@type': 'hydra:Error', 'hydra:title': 'An error occurred', 'hydra:description': 'Syntax error' },
      400,
    );
    expect(got.message).toContain('Syntax error');
    expect(got.messageField).toBe('hydra:description');
  });

  it('takes a lone reason phrase in `error` as the message, never as the code', () => {
    const c = json(401, { error: 'Unauthorized' });
    expect(c.errorCode).toBeNull();
    expect(c.message).toBe('Unauthorized');
    expect(json(401, { error: 'invalid_token' }).errorCode).toBe('invalid_token');
  });

  it('reads an XML envelope: <statuscode> is the code, <status>failure</status> makes a 200 a failure', () => {
    const ocs = (statuscode: string, status: string, message: string) =>
      `<?xml version="1.0"?>\n<ocs>\n <meta>\n  <status>${status}</status>\n  <statuscode>${statuscode}</statuscode>\n  <message>${message}</message>\n </meta>\n <data/>\n</ocs>\n`;
    const failed = page(200, 'text/xml; charset=UTF-8', ocs('101', 'failure', 'Bad request'));
    expect(failed).toMatchObject({ failure: true, errorCode: '101', message: 'Bad request' });
    expect(page(200, 'text/xml', ocs('100', 'ok', 'OK')).failure).toBe(false);
    expect(page(401, 'text/xml', ocs('997', 'failure', 'Current user is not logged in')).errorCode).toBe('997');
  });

  it('reads an `ID:` line of a platform error text as the support ID, and no `ID` inside a sentence', () => {
    expect(
      supportIdInText(
        '504: GATEWAY_TIMEOUT\nCode: FUNCTION_INVOCATION_TIMEOUT\nID: cdg1::sr6rx-1695582672275-03be1404db59\n',
      ),
    ).toBe('cdg1::sr6rx-1695582672275-03be1404db59');
    expect(supportIdInText('The user ID: is required for 2 fields')).toBeUndefined();
  });

  it("quotes the vendor's request-ID header before the CDN's, and never joins two headers into one ID", () => {
    const headers = indexEntries([
      { name: 'cf-request-id', value: '07fb13cdef00007b1bd7350000000001' },
      { name: 'sib-request-id', value: '18b07ba8-b8c5-97bc-b7f1-fc60515b3d20' },
      { name: 'cf-ray', value: '61a5225ca9c07b1b-DME' },
    ]);
    expect(pickErrorId(headers, null, undefined, null)).toMatchObject({
      errorId: '18b07ba8-b8c5-97bc-b7f1-fc60515b3d20',
      errorIdSource: 'header sib-request-id',
    });
    const cdnOnly = indexEntries([
      { name: 'cf-auditlog-id', value: '01936f1c-4b5a-7d2e' },
      { name: 'cf-ray', value: '8e2f1a0b9c8d7e6f-AMS' },
    ]);
    expect(pickErrorId(cdnOnly, null, undefined, null).errorId).toBe('8e2f1a0b9c8d7e6f-AMS');
  });
  it('advises a 2xx that names its own HTTP error status as that status, but not a bare API `status`', () => {
    const budget = json(200, {
      error_code: 'ComplexityException',
      status_code: 429,
      error_message: 'Complexity budget exhausted, reset in 16 seconds',
      errors: ['Complexity budget exhausted, reset in 16 seconds'],
    });
    expect(budget).toMatchObject({ failure: true, retryable: true, retryAfterSeconds: 16 });
    // Withings numbers its own statuses in `status`: 503 there means invalid parameters, not a server outage.
    expect(json(200, { status: 503, error: 'Invalid Params: invalid code' })).toMatchObject({
      failure: true,
      retryable: false,
    });
  });

  it('takes problem+json `error_type` as the code before the `type` URI, and JSON:API `code: 0` as no code', () => {
    const problem = json(
      401,
      {
        status: 401,
        title: 'invalid_token',
        error_type: 'invalid_token',
        detail: 'Requires authentication',
        type: 'https://api.example.test/error/invalid_token',
      },
      { 'content-type': 'application/problem+json' },
    );
    expect(problem.errorCode).toBe('invalid_token');
    const jsonApi = json(401, { errors: [{ title: 'Unauthorized', code: 0, detail: 'Got an error.' }] });
    expect(jsonApi.errorCode).toBeNull();
    expect(json(422, { errors: [{ code: 'blank', detail: 'Name is required' }] }).errorCode).toBe('blank');
  });
  it('reads name/value pairs (`{url: "requestId", valueUuid}`) under the name they carry, and no pair named by a URL', () => {
    const outcome = {
      resourceType: 'OperationOutcome',
      extension: [
        {
          url: 'https://example.test/fhir/StructureDefinition/tracing',
          extension: [{ url: 'requestId', valueUuid: '6bf2cf1d-9b75-4547-b0a9-61cc2c7aa99f' }],
        },
      ],
      issue: [{ code: 'not-found', details: { text: 'Not found' }, severity: 'error' }],
    };
    expect(inferJson(outcome, 404).errorId).toBe('6bf2cf1d-9b75-4547-b0a9-61cc2c7aa99f');
    expect(inferJson({ error: { metadata: [{ name: 'traceId', value: 'abc123def456' }] } }, 500).errorId).toBe(
      'abc123def456',
    );
    expect(
      inferJson({ tags: [{ url: 'https://x.test/requestId', value: 'abc123def456' }] }, 500).errorId,
    ).toBeUndefined();
  });
  it('does not read an error object (`{error: {message: "Not found"}}`) as a field named "message"', () => {
    const got = inferJson({ error: { message: 'Not found' }, meta: { request_id: 'req_7f3a9c2e' } }, 404);
    expect(got.message).toBe('Not found');
    // A real field map keeps its field names, `name` included.
    expect(inferJson({ message: { name: ['has already been taken'] } }, 400).message).toBe(
      'name: has already been taken',
    );
  });
});
