// Issue 13, round 2 (reach-f): two shapes from vendor error pages. RFC 9457 lets a problem's `type`
// be a relative reference (`/sso-config/error-responses/service-unavailable`); one whose last segment
// only restates the status is no code of the API's. And the ID a vendor asks its support for goes by more names than `requestId`:
// `problemId` (Akamai Edge Diagnostics), `ticket` (Wristband), `problem_id`.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const UUID = '4cd79250-cef5-41cc-a0c4-2dcca6faaaa8';
const PROBLEM = 'application/problem+json';

/** `type` as a URI reference is the code as written, unless its last segment only restates the status. */
const TYPE_REFERENCES: Variant[] = [
  {
    name: 'relative path type, 503 (Akamai SSO config)',
    status: 503,
    type: PROBLEM,
    body: {
      type: '/sso-config/error-responses/service-unavailable',
      title: 'Service Unavailable.',
      detail: 'Service temporarily unavailable. Please try again later.',
    },
    expect: { errorCode: null, message: 'Service temporarily unavailable', retryable: true },
  },
  {
    name: 'relative path type naming the error, 400, with instance',
    status: 400,
    type: PROBLEM,
    body: {
      type: '/billing/problems/invalid-currency',
      title: 'Invalid currency',
      status: 400,
      detail: 'Currency XYZ is not supported',
      instance: '/billing/invoices/17',
    },
    expect: { errorCode: '/billing/problems/invalid-currency', message: 'Currency XYZ is not supported' },
  },
  {
    name: 'relative type with a query string',
    status: 409,
    type: PROBLEM,
    body: { type: '/errors/conflict?lang=en', title: 'Conflict', detail: 'Version 3 was already published' },
    expect: { errorCode: null, message: 'Version 3 was already published' },
  },
  {
    name: 'absolute https type whose last segment restates the status',
    status: 404,
    type: PROBLEM,
    body: { type: 'https://example.com/probs/not-found', title: 'Not Found', detail: 'No order 17' },
    expect: { errorCode: null, message: 'No order 17' },
  },
  {
    name: 'absolute type whose last segment names the error',
    status: 402,
    type: PROBLEM,
    body: { type: 'https://api.example.com/errors/insufficient_funds', title: 'Payment required', status: 402 },
    expect: { errorCode: 'https://api.example.com/errors/insufficient_funds' },
  },
  {
    name: 'fragment naming the status is no code (#Conflict)',
    status: 409,
    type: PROBLEM,
    body: { type: 'https://www.example.com/messages/Errors#Conflict', title: 'Conflict', detail: 'Already linked' },
    expect: { errorCode: null, message: 'Already linked' },
  },
  {
    name: 'relative type beside a real code: the code wins',
    status: 422,
    type: PROBLEM,
    body: { type: '/problems/validation', code: 'amount_too_small', detail: 'amount must be at least 50' },
    expect: { errorCode: 'amount_too_small' },
  },
  // Counter-examples: tokens with slashes that are codes.
  {
    name: 'counter: Firebase-style code with a slash stays a code',
    status: 400,
    body: { error: { code: 'auth/invalid-email', message: 'The email address is badly formatted.' } },
    expect: { errorCode: 'auth/invalid-email' },
  },
  {
    name: 'counter: a type token without a leading slash stays a code',
    status: 400,
    body: { error: { type: 'invalid_request_error', message: 'Missing amount' } },
    expect: { errorCode: 'invalid_request_error' },
  },
];

/** Support IDs under names vendors document for them. */
const ID_NAMES: Variant[] = [
  {
    name: 'problemId at the top of a problem (Akamai Edge Diagnostics)',
    status: 409,
    type: PROBLEM,
    body: {
      type: 'request.conflict',
      title: 'Request already in progress.',
      errors: [{ type: 'duplicate.request.in.progress', detail: 'Already being processed.', problemId: 'x' }],
      problemId: UUID,
    },
    expect: { errorId: UUID },
  },
  {
    name: 'problem_id in snake case',
    status: 500,
    body: { error: 'internal', message: 'Something broke', problem_id: UUID },
    expect: { errorId: UUID },
  },
  {
    name: 'ticket beside code and message (Wristband base_error)',
    status: 404,
    body: {
      type: 'base_error',
      code: 'user_not_found',
      message: 'User [abc123] could not be found',
      ticket: 'v1c7nblicpvqia7fia8r5d2qeu',
    },
    expect: { errorId: 'v1c7nblicpvqia7fia8r5d2qeu', errorCode: 'user_not_found' },
  },
  {
    name: 'ticket inside an error object',
    status: 500,
    body: { error: { code: 'internal', message: 'Try again', ticket: 'T-20260101-000123' } },
    expect: { errorId: 'T-20260101-000123' },
  },
  {
    name: 'supportTicket id',
    status: 500,
    body: { message: 'Unexpected failure', supportTicket: 'ZX81-4471-AB' },
    expect: { errorId: 'ZX81-4471-AB' },
  },
  // Counter-examples: a ticket that is prose or a flag is not an ID; a requestId still wins over a ticket.
  {
    name: 'counter: ticket holding a sentence is not an ID',
    status: 400,
    body: { code: 'bad_input', message: 'Bad input', ticket: 'Please open a ticket with our support team' },
    expect: { errorId: null },
  },
  {
    name: 'counter: ticket as a boolean is not an ID',
    status: 400,
    body: { code: 'bad_input', message: 'Bad input', ticket: true },
    expect: { errorId: null },
  },
  {
    name: 'counter: requestId beside a ticket is the one to quote',
    status: 500,
    body: { message: 'Boom', requestId: UUID, ticket: 'T-1' },
    expect: { errorId: UUID },
  },
];

describe('problem references and support-ID names (issue 13, reach-f)', () => {
  it.each(rows(TYPE_REFERENCES))('type reference: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(ID_NAMES))('support ID name: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
