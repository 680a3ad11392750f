import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  isSecretHeaderName,
  REDACTED,
  redactBody,
  redactClassification,
  redactExchange,
  redactHeaderList,
  redactHeaders,
  redactParams,
  redactText,
  redactUrl,
} from './redact';
import { classify } from './classify';
import type { Exchange } from './types';

const SECRET_HEADERS = [
  'Authorization',
  'Proxy-Authorization',
  'Cookie',
  'Set-Cookie',
  'api_token',
  'X-API-Key',
  'api-key',
  'apikey',
  'x-auth-token',
  'X-Amz-Security-Token',
  'Private-Token',
  'X-CSRF-Token',
  'x-csrftoken',
  'X-Goog-Api-Key',
  'Ocp-Apim-Subscription-Key',
  'x-functions-key',
  'DD-Application-Key',
  'X-Shopify-Access-Token',
  'X-Vault-Token',
  'Stripe-Signature',
  'x-hub-signature-256',
  'x-session-id',
  'x-client-secret',
  'X-Refresh-Token',
  'accessToken',
];

const SAFE_HEADERS = [
  'Content-Type',
  'x-request-id',
  'request-id',
  'x-amz-request-id',
  'cf-ray',
  'WWW-Authenticate',
  'Retry-After',
  'Access-Control-Allow-Credentials',
  'x-ratelimit-remaining-tokens',
  'Date',
  'Idempotency-Key',
  'x-amzn-ErrorType',
];

describe('redactHeaders', () => {
  it.each(SECRET_HEADERS)('replaces the value of %s', (name) => {
    expect(redactHeaders([{ name, value: 'v4lue-s3cret' }])).toEqual([{ name, value: REDACTED }]);
  });

  it.each(SAFE_HEADERS)('keeps %s, which support needs', (name) => {
    expect(redactHeaders([{ name, value: 'abc-123' }])).toEqual([{ name, value: 'abc-123' }]);
  });

  it('keeps the record shape, order and duplicates', () => {
    expect(redactHeaders({ cookie: 'a=1', accept: '*/*' })).toEqual({ cookie: REDACTED, accept: '*/*' });
    expect(
      redactHeaders([
        { name: 'set-cookie', value: 'a=1' },
        { name: 'set-cookie', value: 'b=2' },
        { name: 'x-request-id', value: 'r1' },
      ]),
    ).toEqual([
      { name: 'set-cookie', value: REDACTED },
      { name: 'set-cookie', value: REDACTED },
      { name: 'x-request-id', value: 'r1' },
    ]);
  });

  it('redacts credentials and token parameters inside other header values', () => {
    const out = redactHeaders([
      { name: 'Location', value: 'https://app.test/cb?code=abc123&state=xyz' },
      { name: 'X-Debug', value: 'sent Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature' },
    ]);
    expect(out).toEqual([
      { name: 'Location', value: `https://app.test/cb?code=${REDACTED}&state=xyz` },
      { name: 'X-Debug', value: `sent Bearer ${REDACTED}` },
    ]);
  });

  it('does not let a __proto__ header name touch the prototype', () => {
    const input = JSON.parse('{"__proto__":"x","cookie":"c"}') as Record<string, string>;
    const out = redactHeaders(input);
    expect(Object.keys(out)).toEqual(['__proto__', 'cookie']);
    expect(out.cookie).toBe(REDACTED);
  });
});

describe('redactHeaderList', () => {
  it('redacts header lists like redactHeaders, sharing the entries of repeated headers', () => {
    const list = () => [
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Authorization', value: 'Bearer tok_cccccccccccc' },
      { name: 'X-Note', value: 'see https://a.test/?access_token=abcdef0123456789' },
      { name: 'X-Request-Id', value: 'req_1' },
    ];
    const first = redactHeaderList(list());
    const second = redactHeaderList(list());
    expect(first).toEqual(redactHeaders(list()));
    expect(second).toEqual(first);
    expect(second[0]).toBe(first[0]);
    expect(second[3]).toBe(first[3]);
    // Shared between records, so no record can change another's header.
    expect(Object.isFrozen(second[0])).toBe(true);
    expect(JSON.stringify(second)).not.toContain('tok_');
    expect(JSON.stringify(second)).not.toContain('abcdef0123456789');
  });
});

describe('redactUrl', () => {
  const PARAMS = [
    'token',
    'access_token',
    'api_key',
    'apikey',
    'key',
    'secret',
    'password',
    'sig',
    'signature',
    'code',
    'client_secret',
    'id_token',
    'refresh_token',
    'auth',
    'session',
    'X-Amz-Signature',
    'X-Amz-Security-Token',
    'X-Goog-Credential',
    'jwt',
    'oauth_token',
    'sessionid',
    'apiKey',
    'private_key',
  ];
  it.each(PARAMS)('redacts the %s parameter and keeps the others', (name) => {
    expect(redactUrl(`https://api.test/v1/x?page=2&${name}=s3cr3t-value&q=a%20b#top`)).toBe(
      `https://api.test/v1/x?page=2&${name}=${REDACTED}&q=a%20b#top`,
    );
  });

  it.each([
    ['https://api.test/a?limit=10&offset=20&sort=name', 'plain parameters'],
    ['https://api.test/users/42/keys', 'a path that says keys'],
    ['https://api.test/a?errorCode=E1&request_id=r-1', 'ids and codes that are not secrets'],
    ['/relative/path?x=1', 'a relative URL'],
    ['not a url at all', 'junk'],
  ])('leaves %s alone (%s)', (url) => {
    expect(redactUrl(url)).toBe(url);
  });

  it('redacts fragments (OAuth implicit flow), userinfo passwords and encoded names', () => {
    expect(redactUrl('https://app.test/cb#access_token=abc&token_type=bearer&expires_in=3600')).toBe(
      `https://app.test/cb#access_token=${REDACTED}&token_type=bearer&expires_in=3600`,
    );
    expect(redactUrl('https://user:hunter2@db.test:5432/x')).toBe(`https://user:${REDACTED}@db.test:5432/x`);
    expect(redactUrl('https://api.test/?api%5Fkey=abc')).toBe(`https://api.test/?api%5Fkey=${REDACTED}`);
  });

  it('redacts JWTs wherever they are in the URL', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl';
    expect(redactUrl(`https://api.test/verify/${jwt}?next=${jwt}`)).not.toContain('eyJ');
  });
});

describe('redactBody', () => {
  it('redacts secret JSON fields at any depth, keeping the JSON valid and the rest intact', () => {
    const body = JSON.stringify({
      user: 'me',
      password: 'p@ss',
      nested: { client_secret: 'cs', list: [{ apiKey: 'k', id: 7 }], access_token: 'at', expires_in: 3600 },
      pin: 1234,
      privateKey: true,
    });
    expect(JSON.parse(redactBody(body, 'application/json')!)).toEqual({
      user: 'me',
      password: REDACTED,
      nested: {
        client_secret: REDACTED,
        list: [{ apiKey: REDACTED, id: 7 }],
        access_token: REDACTED,
        expires_in: 3600,
      },
      pin: 1234,
      privateKey: REDACTED,
    });
  });

  it('keeps error codes, ids and messages that the ticket needs', () => {
    const body =
      '{"code":"invalid_grant","error_code":401,"request_id":"req_1","message":"The token expired","max_tokens":100}';
    expect(redactBody(body, 'application/json')).toBe(body);
  });

  it('redacts form-encoded bodies by parameter name, including OAuth codes', () => {
    expect(
      redactBody(
        'grant_type=authorization_code&code=abc&client_id=app&client_secret=xyz',
        'application/x-www-form-urlencoded',
      ),
    ).toBe(`grant_type=authorization_code&code=${REDACTED}&client_id=app&client_secret=${REDACTED}`);
    expect(redactBody('username=me&password=hunter2')).toBe(`username=me&password=${REDACTED}`);
  });

  it('redacts bearer tokens and vendor keys in text bodies', () => {
    const text =
      'auth failed for Bearer abcdef1234567890 using key sk_live_4eC39HqLyjWDarjtT1zdp7dc and ghp_16C7e42F292c6912E7710c838347Ae178B4a';
    const out = redactBody(text, 'text/plain')!;
    expect(out).toBe(`auth failed for Bearer ${REDACTED} using key ${REDACTED} and ${REDACTED}`);
  });

  it('leaves base64 bodies, empty and missing bodies alone', () => {
    expect(redactBody('eyJwYXNzd29yZCI6InAifQ==', 'application/json', 'base64')).toBe('eyJwYXNzd29yZCI6InAifQ==');
    expect(redactBody('', 'application/json')).toBe('');
    expect(redactBody(undefined)).toBeUndefined();
  });

  it('handles invalid and deeply nested JSON without throwing', () => {
    expect(redactBody('{"password": "a", oops', 'application/json')).toBe(`{"password": "${REDACTED}", oops`);
    const deep = '['.repeat(100_000) + '{"token":"t"}' + ']'.repeat(100_000);
    const out = redactBody(deep, 'application/json')!;
    expect(out).toContain(`{"token":"${REDACTED}"}`);
    expect(out).toHaveLength(deep.length - 1 + REDACTED.length);
  });

  it('reads member names and values as JSON strings: escaped quotes, quotes inside values, names that are values', () => {
    const body = JSON.stringify({
      note: 'say "password": "x"',
      'we\"ird': 'v',
      token: 'a"b\\c',
      list: ['secret', 'shown'],
      secret: { nested: 'kept' },
    });
    const parsed = JSON.parse(redactBody(body, 'application/json')!);
    expect(parsed).toEqual({
      note: 'say "password": "x"',
      'we\"ird': 'v',
      token: REDACTED,
      list: ['secret', 'shown'],
      secret: { nested: 'kept' },
    });
  });

  it('redacts a member after a string of millions of escapes, and stops cleanly at an unterminated string', () => {
    const escaped = JSON.stringify({ message: '\\"'.repeat(2_000_000), api_token: 'tok3n-value' });
    expect(redactBody(escaped, 'application/json')!.endsWith(`"api_token":"${REDACTED}"}`)).toBe(true);
    const unterminated = '{"password":"p1","message":"never \\" ends';
    expect(redactBody(unterminated, 'application/json')).toBe(`{"password":"${REDACTED}","message":"never \\" ends`);
  });

  it('redacts a form body of many parameters, each secret name wherever it repeats', () => {
    const pairs = Array.from({ length: 200_000 }, (_, i) =>
      i % 1000 === 7 ? `access_token=t0k${i}` : `f${i % 30}=v${i}`,
    );
    const out = redactBody(pairs.join('&'))!.split('&');
    expect(out).toHaveLength(pairs.length);
    out.forEach((pair, i) => expect(pair).toBe(i % 1000 === 7 ? `access_token=${REDACTED}` : pairs[i]));
  });
});

describe('redactParams', () => {
  it('redacts credential-looking values under harmless names, and keeps short plain values', () => {
    expect(redactParams('a=1&note=Bearer%20abcdef1234567890&b=xyz&empty=&flag')).toBe(
      `a=1&note=${REDACTED}&b=xyz&empty=&flag`,
    );
    expect(redactParams('id=ghp_16C7e42F292c6912E7710c838347Ae178B4a&page=2')).toBe(`id=${REDACTED}&page=2`);
  });
});

describe('isSecretHeaderName', () => {
  it('is case-insensitive, also where odd casing would split a camelCase word', () => {
    for (const name of ['proxy-authorizatiOn', 'api_tokeN', 'X-API-KEY', 'cOOKIE', 'x-Api-kEy'])
      expect(isSecretHeaderName(name), name).toBe(true);
    for (const name of ['Content-TYPE', 'x-Request-ID', 'WWW-AuthenticatE'])
      expect(isSecretHeaderName(name), name).toBe(false);
  });
});

describe('redactClassification', () => {
  it('redacts credentials the server echoes in code, message, ID, field errors and request-ID headers; keeps the rest', () => {
    const secret = 'Zx81Echo0123456789abcdef';
    const base = classify({ method: 'GET', url: 'https://api.test/', status: 401, body: '' });
    const c = {
      ...base,
      errorCode: `Bearer ${secret}`,
      errorId: `token=${secret}`,
      message: `Authorization: Bearer ${secret} rejected`,
      action: `Send a new key instead of api_key=${secret}.`,
      notes: [...base.notes, `echoed x-api-key=${secret}`],
      fieldErrors: [{ field: 'email', message: `invalid, sig=${secret}` }],
      requestIdHeaders: [
        { name: 'x-request-id', value: `api_key=${secret}` },
        { name: 'cf-ray', value: '8a1b2c3d4e5f-CDG' },
      ],
    };
    const r = redactClassification(c);
    expect(JSON.stringify(r)).not.toContain(secret);
    expect(r.errorCode).toBe(`Bearer ${REDACTED}`);
    expect(r.errorId).toBe(`token=${REDACTED}`);
    expect(r.message).toBe(`Authorization: Bearer ${REDACTED} rejected`);
    expect(r.fieldErrors).toEqual([{ field: 'email', message: `invalid, sig=${REDACTED}` }]);
    expect(r.requestIdHeaders).toEqual([
      { name: 'x-request-id', value: `api_key=${REDACTED}` },
      { name: 'cf-ray', value: '8a1b2c3d4e5f-CDG' },
    ]);
    expect({
      ...r,
      errorCode: 0,
      errorId: 0,
      message: 0,
      action: 0,
      notes: 0,
      fieldErrors: 0,
      requestIdHeaders: 0,
    }).toEqual({
      ...c,
      errorCode: 0,
      errorId: 0,
      message: 0,
      action: 0,
      notes: 0,
      fieldErrors: 0,
      requestIdHeaders: 0,
    });
    // The input is not changed: the classifier's own result keeps the server's words.
    expect(c.message).toContain(secret);
  });
});

describe('redactText', () => {
  it.each([
    ['Bearer authentication is required', 'Bearer authentication is required'],
    ['Use basic auth', 'Use basic auth'],
    ['Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b', `Token ${REDACTED}`],
    // A sentence's last word is prose even with its full stop; a credential with a symbol stays redacted.
    [
      'Token expired. (See https://help.ably.io/error/40142 for help.)',
      'Token expired. (See https://help.ably.io/error/40142 for help.)',
    ],
    ['Token abc.defgh', `Token ${REDACTED}`],
    ['Authorization: Basic dXNlcjpwYXNzd29yZA==', `Authorization: Basic ${REDACTED}`],
    ['request id 93aa74d5-8caf-473f-af2f-42cf806ddfdc', 'request id 93aa74d5-8caf-473f-af2f-42cf806ddfdc'],
    ['failed: api_key=abc123 was rejected', `failed: api_key=${REDACTED} was rejected`],
    ['AKIAIOSFODNN7EXAMPLE is not authorized', `${REDACTED} is not authorized`],
  ])('%s', (input, output) => {
    expect(redactText(input)).toBe(output);
  });
});

describe('redactExchange', () => {
  const secret = fc.stringMatching(/^[A-Za-z0-9]{12,24}$/).map((s) => `S3CR3T${s}`);
  const secretHeader = fc.constantFrom(...SECRET_HEADERS);
  const secretParam = fc.constantFrom('token', 'access_token', 'api_key', 'client_secret', 'sig', 'code', 'password');
  const secretField = fc.constantFrom(
    'password',
    'access_token',
    'refresh_token',
    'apiKey',
    'client_secret',
    'id_token',
    'secret',
  );

  it('never lets a planted secret through, wherever it was planted', () => {
    fc.assert(
      fc.property(secret, secretHeader, secretParam, secretField, fc.boolean(), (s, header, param, field, asRecord) => {
        const headers = [
          { name: header, value: s },
          { name: 'accept', value: 'application/json' },
        ];
        const exchange: Exchange = {
          method: 'POST',
          url: `https://api.test/v1/things?page=1&${param}=${s}#${param}=${s}`,
          requestHeaders: asRecord ? Object.fromEntries(headers.map((h) => [h.name, h.value])) : headers,
          requestBody: JSON.stringify({ name: 'x', [field]: s, nested: [{ [field]: s }] }),
          status: 400,
          responseHeaders: [
            { name: 'set-cookie', value: `sid=${s}` },
            { name: 'location', value: `/cb?${param}=${s}` },
          ],
          body: JSON.stringify({ error: 'bad', [field]: s }),
          mimeType: 'application/json',
          error: `net::ERR_FAILED Bearer ${s}`,
        };
        const out = redactExchange(exchange);
        expect(JSON.stringify(out)).not.toContain(s);
        expect(out.status).toBe(400);
        expect(out.method).toBe('POST');
        expect(JSON.parse(out.body!)).toMatchObject({ error: 'bad' });
      }),
      { numRuns: 300 },
    );
  });

  it('does not change the input exchange', () => {
    const exchange: Exchange = {
      method: 'GET',
      url: 'https://a.test/?token=t1',
      requestHeaders: [{ name: 'cookie', value: 'c' }],
      status: 500,
    };
    const copy = structuredClone(exchange);
    redactExchange(exchange);
    expect(exchange).toEqual(copy);
  });
});
