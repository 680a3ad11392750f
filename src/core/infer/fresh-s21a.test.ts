// Issue 13, session 21: shapes the fresh set fresh-s21a (corpus/cases/fresh-s21a.json, responses users pasted into
// issues, scored before any change) showed in its dev part; corpus/tools/fresh-s21a-sources.md names the sources.
// "counter" rows must keep their verdict.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const SERVER_ERROR_IN_2XX: Variant[] = [
  {
    name: 'a 2xx body failure whose message says "Server error" is a server fault: retryable',
    status: 200,
    body: { code: '1000', message: 'Server error', traceId: '91ab29041c0be4123c28eeaaa744c595' },
    expect: { failure: true, errorCode: '1000', message: 'Server error', retryable: true },
  },
  {
    name: 'the same for "System error"',
    status: 200,
    body: { ret: -1, msg: 'System error' },
    expect: { failure: true, message: 'System error', retryable: true },
  },
  {
    name: 'counter: a server error that blames the key stays not retryable',
    status: 200,
    body: { code: 1001, message: 'Server error: invalid api key' },
    expect: { failure: true, retryable: false },
  },
];

describe('fresh-s21a: a 2xx failure that says the server erred', () => {
  it.each(rows(SERVER_ERROR_IN_2XX))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const EXCEPTION_SENTENCE: Variant[] = [
  {
    name: 'a sentence under `exception` beside success:false is the message',
    status: 200,
    body: {
      exception: 'There have been several violations in a row, and the system will prohibit calls within the next hour',
      code: 1,
      success: false,
    },
    expect: { failure: true, message: 'There have been several violations in a row' },
  },
  {
    name: 'the same on a 400',
    status: 400,
    body: { exception: 'Parameter sn must not be empty' },
    expect: { failure: true, message: 'Parameter sn must not be empty' },
  },
  {
    name: 'counter: a class name under `exception` is not the message; the message beside it is',
    status: 500,
    body: { exception: 'java.lang.IllegalStateException', message: 'Connection pool exhausted' },
    expect: { failure: true, message: 'Connection pool exhausted' },
  },
];

describe('fresh-s21a: `exception` holding a sentence', () => {
  it.each(rows(EXCEPTION_SENTENCE))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const LONE_WRAPPER_FLAG: Variant[] = [
  {
    name: 'a lone key of any name around success:false fails a 200',
    status: 200,
    body: { back: { msg: '507', success: false } },
    expect: { failure: true },
  },
  {
    name: 'the same with ok:"false" and a message',
    status: 200,
    body: { device: { ok: 'false', message: 'Device is offline' } },
    expect: { failure: true, message: 'Device is offline' },
  },
  {
    name: 'counter: a lone key around success:true is a success',
    status: 200,
    body: { back: { msg: '', success: true, data: { plantId: 1 } } },
    expect: { failure: false },
  },
  {
    name: 'counter: a lone resource whose `done` is false (a running job) is a success',
    status: 200,
    body: { job: { id: 'j-1', done: false, progress: 40 } },
    expect: { failure: false },
  },
];

describe('fresh-s21a: a lone wrapper around an explicit success flag', () => {
  it.each(rows(LONE_WRAPPER_FLAG))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const STATUS_TXT: Variant[] = [
  {
    name: 'a token under status_txt beside status_code is the code',
    status: 401,
    body: { status_txt: 'INVALID_API_TOKEN', data: null, status_code: 401 },
    expect: { failure: true, errorCode: 'INVALID_API_TOKEN', retryable: false },
  },
  {
    name: 'the same for a rate limit',
    status: 403,
    body: { status_code: 403, status_txt: 'RATE_LIMIT_EXCEEDED', data: null },
    expect: { failure: true, errorCode: 'RATE_LIMIT_EXCEEDED' },
  },
  {
    name: 'counter: a reason phrase under status_txt is no code',
    status: 500,
    body: { status_code: 500, status_txt: 'Internal Server Error', data: null },
    expect: { failure: true, errorCode: null },
  },
];

describe('fresh-s21a: status_txt', () => {
  it.each(rows(STATUS_TXT))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

const TEMPORARY_BLOCKS: Variant[] = [
  {
    name: 'calls prohibited "within the next hour" after violations: retryable after the wait',
    status: 200,
    body: {
      exception: 'There have been several violations in a row, and the system will prohibit calls within the next hour',
      code: 1,
      success: false,
    },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'an IP blocked for 15 minutes (a 400): retryable',
    status: 400,
    body: { error: 'Too many failed logins: your IP is blocked for 15 minutes' },
    expect: { failure: true, retryable: true },
  },
  {
    name: 'counter: an account suspended for 30 days is not',
    status: 403,
    body: { error: 'Your account is suspended for 30 days' },
    expect: { failure: true, retryable: false },
  },
  {
    name: 'counter: a token that is invalid stays a fix even with a stated block',
    status: 401,
    body: { error: 'Invalid token; access is blocked for 10 minutes' },
    expect: { failure: true, retryable: false },
  },
];

describe('fresh-s21a: calls blocked for a stated short time', () => {
  it.each(rows(TEMPORARY_BLOCKS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
