// Issue 13, class 1, second round: GraphQL errors whose code, specific message or real status sits in
// `extensions` under names the recognizer did not read: a `*Code` key (Braintree `legacyCode`, a
// `reasonCode`), a validation dictionary (Lighthouse `extensions.validation`, `extensions.errors`)
// under a wrapper message, and an HTTP status a server put in the error (Strapi v3's Boom output,
// Apollo's `extensions.http.status`, `extensions.statusCode`). Counter-examples: a specific message
// stays alone, an empty code is no code, a status-less INTERNAL_SERVER_ERROR stays as it was.
// Shapes from: Braintree GraphQL API errors, Lighthouse validation docs, graphql-exceptions
// (Lighthouse), Strapi v3/v4 GraphQL plugin issues, Apollo Server error docs, nautilus gateway.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const gql = (errors: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  data: null,
  errors,
  ...extra,
});

const CODES: Variant[] = [
  {
    name: 'Braintree: extensions.legacyCode beside errorClass, requestId in the top extensions',
    status: 200,
    body: gql(
      [
        {
          message: 'Amount is an invalid format.',
          locations: [{ line: 1, column: 74 }],
          path: ['chargePaymentMethod'],
          extensions: { errorClass: 'VALIDATION', legacyCode: '81503', inputPath: ['input', 'transaction', 'amount'] },
        },
      ],
      { extensions: { requestId: 'a1d6e9e1-4f4b-4c5c-9a8e-1b2c3d4e5f60' } },
    ),
    expect: { failure: true, errorCode: '81503', errorId: 'a1d6e9e1-4f4b-4c5c-9a8e-1b2c3d4e5f60' },
  },
  {
    name: 'extensions.reasonCode',
    status: 200,
    body: gql([
      { message: 'The coupon has expired.', path: ['applyCoupon'], extensions: { reasonCode: 'COUPON_EXPIRED' } },
    ]),
    expect: { failure: true, errorCode: 'COUPON_EXPIRED', message: 'The coupon has expired.' },
  },
  {
    name: 'extensions.error_code (snake case)',
    status: 200,
    body: gql([{ message: 'Seat is no longer available.', path: ['book'], extensions: { error_code: 'SEAT_TAKEN' } }]),
    expect: { failure: true, errorCode: 'SEAT_TAKEN' },
  },
  {
    name: 'an empty extensions.code (gateway that dropped it) is no code',
    status: 200,
    body: { data: null, errors: [{ extensions: { code: '' }, message: 'invalid credentials' }] },
    expect: { failure: true, errorCode: null, message: 'invalid credentials' },
  },
];

const MESSAGES: Variant[] = [
  {
    name: 'Lighthouse: "Validation failed for the field [x]." with extensions.validation',
    status: 200,
    body: {
      data: { createUser: null },
      errors: [
        {
          message: 'Validation failed for the field [createUser].',
          extensions: { validation: { name: ['The name field is required.'] }, category: 'validation' },
          locations: [{ line: 2, column: 13 }],
          path: ['createUser'],
        },
      ],
    },
    expect: { failure: true, message: 'The name field is required.' },
  },
  {
    name: 'Lighthouse with dotted input paths in extensions.validation',
    status: 200,
    body: {
      data: { createUser: null },
      errors: [
        {
          message: 'Validation failed for the field [createUser].',
          extensions: {
            validation: { 'input.email': ['The input.email must be a valid email address.'] },
            category: 'validation',
          },
        },
      ],
    },
    expect: { failure: true, message: 'must be a valid email address' },
  },
  {
    name: '"There was a validation error!" with extensions.errors dictionary and reason',
    status: 200,
    body: {
      errors: [
        {
          message: 'There was a validation error!',
          extensions: {
            reason: 'The given data was invalid.',
            errors: { foo: ['The selected foo is invalid.'] },
            category: 'validation',
          },
          path: ['someQuery'],
        },
      ],
      data: { someQuery: null },
    },
    expect: { failure: true, message: 'The selected foo is invalid.' },
  },
  {
    name: '"Bad user input" with extensions.validationErrors',
    status: 200,
    body: gql([
      {
        message: 'Bad user input',
        path: ['signup'],
        extensions: { code: 'BAD_USER_INPUT', validationErrors: { password: 'must be at least 8 characters' } },
      },
    ]),
    expect: { failure: true, errorCode: 'BAD_USER_INPUT', message: 'must be at least 8 characters' },
  },
  {
    name: 'a specific message stays alone beside a validation dictionary',
    status: 200,
    body: gql([
      {
        message: 'Email has already been taken.',
        path: ['signup'],
        extensions: { validation: { email: ['has already been taken'] } },
      },
    ]),
    expect: { failure: true, message: 'Email has already been taken.' },
  },
];

const STATUSES: Variant[] = [
  {
    name: 'Strapi v3: INTERNAL_SERVER_ERROR around a Boom 403 is not retried',
    status: 200,
    body: {
      errors: [
        {
          message: 'Forbidden',
          locations: [{ line: 2, column: 3 }],
          path: ['categories'],
          extensions: {
            code: 'INTERNAL_SERVER_ERROR',
            exception: {
              data: null,
              isBoom: true,
              isServer: false,
              output: {
                statusCode: 403,
                payload: { statusCode: 403, error: 'Forbidden', message: 'Forbidden' },
                headers: {},
              },
              message: 'Forbidden',
            },
          },
        },
      ],
      data: { categories: null },
    },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'Apollo: extensions.http.status 401',
    status: 200,
    body: gql([
      {
        message: 'You must be logged in.',
        path: ['me'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', http: { status: 401 } },
      },
    ]),
    expect: { failure: true, retryable: false },
  },
  {
    name: 'extensions.statusCode 503 is retried',
    status: 200,
    body: gql([
      {
        message: 'Upstream is down',
        path: ['orders'],
        extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', statusCode: 503 },
      },
    ]),
    expect: { failure: true, retryable: true },
  },
  {
    name: 'extensions.response.status 404 from a REST data source',
    status: 200,
    body: gql([
      {
        message: '404: Not Found',
        path: ['user'],
        extensions: {
          code: 'INTERNAL_SERVER_ERROR',
          response: {
            url: 'https://rest.example.test/users/9',
            status: 404,
            statusText: 'Not Found',
            body: { message: 'No such user' },
          },
        },
      },
    ]),
    expect: { failure: true, retryable: false },
  },
];

describe('class 1 (round 2): GraphQL codes under other extension names', () => {
  it.each(rows(CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('class 1 (round 2): GraphQL wrapper messages and the validation details in extensions', () => {
  it.each(rows(MESSAGES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('class 1 (round 2): an HTTP status inside a GraphQL error decides retrying', () => {
  it.each(rows(STATUSES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
