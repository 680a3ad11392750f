// A number in the HTTP-status range that no registry lists as a status (issue 13): bodies repeat registered
// statuses, so 527 or 538 beside a 500 is the API's own code, not an echo. Registered numbers other than the
// status stay echoes where they were, and a number equal to the status stays an echo.
// Sources: corpus/tools/learn-s30c-sources.md (Zaptec `{Code, Details}` bodies).
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const API_CODES: Variant[] = [
  {
    name: 'a 5xx-range number no registry lists, under Pascal-case Code, on a 500',
    status: 500,
    body: { Code: 538, Details: 'Charger is offline', StackTrace: null },
    expect: { failure: true, errorCode: '538', message: 'Charger is offline' },
  },
  {
    name: 'the same under lower-case code with a message, on a 400',
    status: 400,
    body: { code: 472, message: 'Schedule overlaps an existing schedule' },
    expect: { failure: true, errorCode: '472', message: 'Schedule overlaps an existing schedule' },
  },
  {
    name: 'a vendor proxy status (Cloudflare 527) the app uses as its own number, on a 500',
    status: 500,
    body: { Code: 527, Details: 'Cannot change circuit while load balancing is on' },
    expect: { failure: true, errorCode: '527' },
  },
];

const COUNTER: Variant[] = [
  {
    name: 'counter: a registered 5xx under Code on another 5xx stays an echo',
    status: 500,
    body: { Code: 503, Details: 'Upstream busy' },
    expect: { failure: true, errorCode: null },
  },
  {
    name: 'counter: an unregistered number equal to the status is an echo',
    status: 520,
    body: { code: 520, message: 'Unknown error' },
    expect: { failure: true, errorCode: null },
  },
  {
    name: 'counter: an unregistered number under status is not a code',
    status: 500,
    body: { status: 528, message: 'Storage node failed' },
    expect: { failure: true, errorCode: null },
  },
];

describe('unregistered status-range numbers are API codes', () => {
  it.each(rows(API_CODES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('registered statuses and status keys stay echoes', () => {
  it.each(rows(COUNTER))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
