// GraphQL over HTTP conformance, generated from the spec and the servers' documented error codes:
// every code × every framing the GraphQL-over-HTTP spec allows (legacy application/json: 200 for any
// well-formed request, data null or partial; application/graphql-response+json: 4xx without `data`
// for parse and validation failures, 2xx once execution started; batched operations), and the
// successes that must stay successes (no `errors`, an empty `errors` list).
// Sources: https://graphql.github.io/graphql-over-http/draft/ (§ "application/json" and
// "application/graphql-response+json" status codes), https://spec.graphql.org/October2021/#sec-Errors ,
// https://www.apollographql.com/docs/apollo-server/data/errors#built-in-error-codes ,
// https://hasura.io/docs/2.0/api-reference/graphql-api/overview/#error-codes ,
// https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api ,
// https://shopify.dev/docs/api/usage/rate-limits#graphql-admin-api-rate-limits
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import type { Exchange } from '../types';

/** code, where it sits, whether a re-send unchanged can succeed, and the status the new media type would use. */
const CODES: ReadonlyArray<[string, 'extensions.code' | 'type', boolean, number]> = [
  // Apollo Server built-in codes
  ['GRAPHQL_PARSE_FAILED', 'extensions.code', false, 400],
  ['GRAPHQL_VALIDATION_FAILED', 'extensions.code', false, 400],
  ['BAD_USER_INPUT', 'extensions.code', false, 400],
  ['PERSISTED_QUERY_NOT_FOUND', 'extensions.code', false, 200],
  ['PERSISTED_QUERY_NOT_SUPPORTED', 'extensions.code', false, 400],
  ['OPERATION_RESOLUTION_FAILURE', 'extensions.code', false, 400],
  ['BAD_REQUEST', 'extensions.code', false, 400],
  ['UNAUTHENTICATED', 'extensions.code', false, 200],
  ['FORBIDDEN', 'extensions.code', false, 200],
  ['INTERNAL_SERVER_ERROR', 'extensions.code', true, 200],
  // Hasura
  ['validation-failed', 'extensions.code', false, 200],
  ['access-denied', 'extensions.code', false, 200],
  ['invalid-jwt', 'extensions.code', false, 200],
  ['constraint-violation', 'extensions.code', false, 200],
  ['parse-failed', 'extensions.code', false, 200],
  // GitHub
  ['RATE_LIMITED', 'type', true, 200],
  ['NOT_FOUND', 'type', false, 200],
  // Shopify
  ['THROTTLED', 'extensions.code', true, 200],
  ['ACCESS_DENIED', 'extensions.code', false, 200],
];

const MESSAGE = 'Could not resolve to a Repository with the name acme/widgets.';

const error = (code: string, where: 'extensions.code' | 'type') => ({
  message: MESSAGE,
  locations: [{ line: 2, column: 3 }],
  path: ['repository'],
  ...(where === 'type' ? { type: code } : { extensions: { code } }),
});

const ex = (status: number, body: unknown, mime = 'application/json'): Exchange => ({
  method: 'POST',
  url: 'https://api.example.test/graphql',
  status,
  responseHeaders: { 'content-type': mime },
  body: JSON.stringify(body),
});

type Framing = {
  name: string;
  build: (code: string, where: 'extensions.code' | 'type', status: number) => Exchange;
  ops?: number;
};
const FRAMINGS: Framing[] = [
  { name: 'application/json, 200, data null', build: (c, w) => ex(200, { data: null, errors: [error(c, w)] }) },
  { name: 'application/json, 200, no data key', build: (c, w) => ex(200, { errors: [error(c, w)] }) },
  {
    name: 'application/json, 200, partial data',
    build: (c, w) => ex(200, { data: { viewer: { login: 'octocat' }, repository: null }, errors: [error(c, w)] }),
  },
  {
    name: 'application/graphql-response+json at the spec status',
    build: (c, w, status) =>
      ex(
        status,
        status >= 400 ? { errors: [error(c, w)] } : { data: null, errors: [error(c, w)] },
        'application/graphql-response+json',
      ),
  },
  {
    name: 'batched operations: success then failure',
    build: (c, w) => ex(200, [{ data: { viewer: { login: 'octocat' } } }, { data: null, errors: [error(c, w)] }]),
    ops: 2,
  },
];

describe('GraphQL over HTTP: every error code × every framing', () => {
  for (const framing of FRAMINGS) {
    describe(framing.name, () => {
      it.each(CODES)('%s (%s)', (code, where, retryable, status) => {
        const c = classify(framing.build(code, where, status));
        expect(c).toMatchObject({ failure: true, protocol: 'graphql', errorCode: code, retryable });
        expect(c.message).toContain(MESSAGE);
        if (framing.ops !== undefined) expect(c.operationCount).toBe(framing.ops);
      });
    });
  }
});

describe('GraphQL: gateway errors at their own HTTP status (Apollo Router)', () => {
  // https://www.apollographql.com/docs/graphos/routing/errors (REQUEST_RATE_LIMITED 429, REQUEST_TIMEOUT 504)
  const rows: Array<[string, number, boolean]> = [
    ['REQUEST_RATE_LIMITED', 429, true],
    ['REQUEST_TIMEOUT', 504, true],
    ['INVALID_GRAPHQL_REQUEST', 400, false],
    ['PARSING_ERROR', 400, false],
  ];
  it.each(rows)('%s on %i', (code, status, retryable) => {
    const c = classify(
      ex(
        status,
        { errors: [{ message: 'Your request has been rejected', extensions: { code } }] },
        'application/graphql-response+json',
      ),
    );
    expect(c).toMatchObject({ failure: true, protocol: 'graphql', errorCode: code, retryable });
  });
});

describe('GraphQL over HTTP: successes', () => {
  it('data without errors', () => {
    expect(classify(ex(200, { data: { viewer: { login: 'octocat' } } })).failure).toBe(false);
  });
  it('an empty errors list', () => {
    expect(classify(ex(200, { data: { viewer: { login: 'octocat' } }, errors: [] })).failure).toBe(false);
  });
  it('graphql-response+json data without errors', () => {
    expect(classify(ex(200, { data: { a: 1 } }, 'application/graphql-response+json')).failure).toBe(false);
  });
  it('a batch of successes', () => {
    expect(classify(ex(200, [{ data: { a: 1 } }, { data: { b: 2 } }])).failure).toBe(false);
  });
});

describe('GraphQL multipart/mixed: incremental delivery and Apollo multipart subscriptions', () => {
  const multipart = (contentType: string, boundary: string, parts: unknown[], eol = '\r\n'): Exchange => ({
    method: 'POST',
    url: 'https://api.example.test/graphql',
    status: 200,
    responseHeaders: { 'content-type': contentType },
    body:
      parts
        .map(
          (p) =>
            `--${boundary}${eol}content-type: application/json; charset=utf-8${eol}${eol}${JSON.stringify(p)}${eol}`,
        )
        .join('') + `--${boundary}--${eol}`,
  });
  const forbidden = {
    message: 'Not authorised to read the address',
    path: ['user', 'address'],
    extensions: { code: 'FORBIDDEN' },
  };
  const rows: Array<[string, Exchange]> = [
    [
      '@defer: errors in an incremental item',
      multipart('multipart/mixed; boundary="-"; deferSpec=20220824', '-', [
        { data: { user: { id: '1' } }, hasNext: true },
        { incremental: [{ data: null, path: ['user'], errors: [forbidden] }], hasNext: false },
      ]),
    ],
    [
      '@defer: errors in the initial result',
      multipart(
        'multipart/mixed;boundary=graphql;deferSpec=20220824',
        'graphql',
        [
          { data: { user: null }, errors: [forbidden], hasNext: true },
          { incremental: [{ data: { a: 1 }, path: ['x'] }], hasNext: false },
        ],
        '\n',
      ),
    ],
    [
      'Apollo subscription: errors in a payload',
      multipart('multipart/mixed;boundary="graphql";subscriptionSpec="1.0"', 'graphql', [
        {},
        { payload: { data: { onEvent: 1 } } },
        { payload: { data: null, errors: [forbidden] } },
      ]),
    ],
    [
      'Apollo subscription: a transport error ends it',
      multipart('multipart/mixed;boundary="graphql";subscriptionSpec="1.0"', 'graphql', [
        {},
        { payload: null, errors: [forbidden] },
      ]),
    ],
  ];
  it.each(rows)('%s', (_name, exchange) => {
    const c = classify(exchange);
    expect(c).toMatchObject({ failure: true, protocol: 'graphql', errorCode: 'FORBIDDEN', retryable: false });
    expect(c.message).toContain('Not authorised');
  });
  it('parts without errors are a success', () => {
    const c = classify(
      multipart('multipart/mixed; boundary="-"; deferSpec=20220824', '-', [
        { data: { user: { id: '1' } }, hasNext: true },
        { incremental: [{ data: { address: 'x' }, path: ['user'] }], hasNext: false },
      ]),
    );
    expect(c.failure).toBe(false);
  });
});
