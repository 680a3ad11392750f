// Session 27 (learn27b): "Permission Denied" and "Not authenticated" say no more than the 401/403 reason phrases they
// stand for; beside them the sentence that says why is the message (`{error: "Permission Denied", info: "…"}` of an
// IoT cloud, `{code, message: "Not authenticated", details: {header: "…"}}` of a survey SaaS: two dev APIs). Alone,
// they stay the message; written as a token beside a numeric code they are a category, as `NotFound` is.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const GIVE_WAY: Variant[] = [
  {
    name: 'permission denied beside an explaining sentence under another key',
    status: 403,
    body: { error: 'Permission Denied', info: 'No device with that name or ID belongs to this account' },
    expect: { failure: true, message: 'No device with that name or ID belongs to this account' },
  },
  {
    name: 'not authenticated above the credential that failed',
    status: 401,
    body: {
      code: 'not_authenticated',
      message: 'Not authenticated',
      details: { authorization: 'The bearer token has expired' },
    },
    expect: { failure: true, errorCode: 'not_authenticated', message: 'The bearer token has expired' },
  },
];

const STAY: Variant[] = [
  {
    name: 'not authenticated alone is the message',
    status: 401,
    body: { detail: 'Not authenticated' },
    expect: { failure: true, errorCode: null, message: 'Not authenticated' },
  },
  {
    name: 'permission denied alone is the message',
    status: 403,
    body: { message: 'Permission denied.' },
    expect: { failure: true, message: 'Permission denied' },
  },
  {
    name: 'a permission-denied token beside a numeric code is its category',
    status: 403,
    body: { error: { code: 1403, type: 'permission_denied', message: 'This key may only read' } },
    expect: { failure: true, errorCode: '1403', message: 'This key may only read' },
  },
];

describe('401/403 phrases in other words give way to the sentence beside them', () => {
  it.each(rows(GIVE_WAY))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('401/403 phrases in other words where nothing says more', () => {
  it.each(rows(STAY))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
