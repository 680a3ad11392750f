// Issue 13, round 3 (reach-h): GraphQL servers that name the error in `extensions.errorType`
// (Netflix DGS's TypedGraphQLError: NOT_FOUND, UNAUTHENTICATED, PERMISSION_DENIED, BAD_REQUEST,
// INTERNAL, UNAVAILABLE). Counter-examples: `extensions.code` still wins, an empty errorType is no code.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const gql = (errors: unknown[], data: unknown = null): Record<string, unknown> => ({ errors, data });

const ERROR_TYPES: Variant[] = [
  {
    name: 'errorType NOT_FOUND with an exception-prefixed message',
    status: 200,
    body: gql(
      [
        {
          message: 'com.example.ShowNotFoundException: Show not found',
          locations: [],
          path: ['show'],
          extensions: { errorType: 'NOT_FOUND' },
        },
      ],
      { show: null },
    ),
    expect: { failure: true, errorCode: 'NOT_FOUND', message: 'Show not found', retryable: false },
  },
  {
    name: 'errorType UNAUTHENTICATED',
    status: 200,
    body: gql([{ message: 'Not authenticated', path: ['me'], extensions: { errorType: 'UNAUTHENTICATED' } }], {
      me: null,
    }),
    expect: { failure: true, errorCode: 'UNAUTHENTICATED', retryable: false },
  },
  {
    name: 'errorType PERMISSION_DENIED beside errorDetail',
    status: 200,
    body: gql([
      {
        message: 'Access denied',
        path: ['admin'],
        extensions: { errorType: 'PERMISSION_DENIED', errorDetail: 'MISSING_ROLE' },
      },
    ]),
    expect: { failure: true, errorCode: 'PERMISSION_DENIED', message: 'Access denied' },
  },
  {
    name: 'errorType with a debugInfo object beside it',
    status: 200,
    body: gql([{ message: 'Bad title', path: ['addShow'], extensions: { errorType: 'BAD_REQUEST', debugInfo: {} } }]),
    expect: { failure: true, errorCode: 'BAD_REQUEST', message: 'Bad title' },
  },
  {
    name: 'counter: extensions.code wins over errorType',
    status: 200,
    body: gql([{ message: 'Nope', extensions: { code: 'FORBIDDEN', errorType: 'PERMISSION_DENIED' } }]),
    expect: { errorCode: 'FORBIDDEN' },
  },
  {
    name: 'counter: an empty errorType is no code',
    status: 200,
    body: gql([{ message: 'Something failed', extensions: { errorType: '' } }]),
    expect: { failure: true, errorCode: null },
  },
  {
    name: 'counter: classification still read when no errorType',
    status: 200,
    body: gql([
      { message: 'Validation error of type FieldUndefined', extensions: { classification: 'ValidationError' } },
    ]),
    expect: { errorCode: 'ValidationError' },
  },
];

describe('GraphQL extensions.errorType (issue 13, reach-h)', () => {
  it.each(rows(ERROR_TYPES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
