// A 2xx envelope whose `status` is 0 reads either way in the wild: a success code (`{status: 0, result: {…}}`,
// `{status: 0, status_message: "ok"}`) or a false flag (`{status: 0, error_message: "…"}`, `{status: "0", message:
// "Unknown action", result: null}`). The text beside it decides: an error-named text or a message that alone says
// failure, with no payload, makes the 0 a failure; a payload, a success word or a neutral note keeps it a success.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const json = (name: string, body: unknown, expect: Variant['expect']): Variant => ({
  name,
  status: 200,
  type: 'application/json',
  body: JSON.stringify(body),
  expect,
});

const FAILURES: Variant[] = [
  json(
    'status 0 beside an error_message',
    { status: 0, createWebSiteStatus: 0, error_message: 'Administrator matching query does not exist.' },
    { failure: true, message: 'Administrator matching query does not exist.' },
  ),
  json(
    'status "0" beside an errmsg',
    { status: '0', errmsg: 'Token expired' },
    { failure: true, message: 'Token expired' },
  ),
  json(
    'status "0" beside a message that says failure and an empty result',
    { message: 'Unknown action', result: null, status: '0' },
    { failure: true, message: 'Unknown action' },
  ),
  json('status 0 beside a refusal in msg', { status: 0, msg: 'Invalid market or coin passed' }, { failure: true }),
];

const SUCCESSES: Variant[] = [
  json(
    'status 0 beside a payload',
    { status: 0, result: { location: { lng: 116.3, lat: 40.05 } } },
    { failure: false },
  ),
  json('status 0 beside a success word', { status: 0, status_message: 'ok', id: 'pa:1' }, { failure: false }),
  json(
    'status "0" beside a no-results note',
    { status: '0', message: 'No transactions found', result: [] },
    { failure: false },
  ),
  json('status 0 beside a neutral note', { status: 0, message: 'Queued for delivery' }, { failure: false }),
  json('code 0 beside an error_message slot left empty', { code: 0, error_message: '' }, { failure: false }),
];

describe('zero status beside failure text: the 0 is a false flag', () => {
  it.each(rows(FAILURES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('zero status beside a payload, a success word or a neutral note: the 0 is a success code', () => {
  it.each(rows(SUCCESSES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
