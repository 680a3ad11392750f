// Issue 13, session 20: shapes the fresh set (corpus/cases/fresh-s20.json, unseen real responses scored before any
// change) showed in its dev part; corpus/tools/fresh-s20-sources.md names the sources. "counter" rows must not be taken.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const VARIANTS: Variant[] = [
  {
    name: 'APNs: the apns-id header is the ID (410 Unregistered)',
    status: 410,
    headers: { 'apns-id': '1D3F5A7C-2B4E-4C6D-8E9F-0A1B2C3D4E5F' },
    body: { reason: 'Unregistered', timestamp: 1764979200000 },
    expect: { errorId: '1D3F5A7C-2B4E-4C6D-8E9F-0A1B2C3D4E5F', errorCode: 'Unregistered' },
  },
  {
    name: 'Imperva API: a 200 with res ≠ 0 and res_message fails',
    status: 200,
    body: { res: 9418, res_message: 'Disabled API Key', debug_info: { 'id-info': '999999' } },
    expect: { failure: true, errorCode: '9418', message: 'Disabled API Key' },
  },
  {
    name: 'a message named for its code (result_msg) beside a non-zero return code fails a 200',
    status: 200,
    body: { ret: 1002, result_msg: 'Signature mismatch' },
    expect: { failure: true, errorCode: '1002', message: 'Signature mismatch' },
  },
  {
    name: 'counter: res 0 with res_message is a success',
    status: 200,
    body: { res: 0, res_message: 'OK', data: [1] },
    expect: { failure: false },
  },
  {
    name: 'counter: a welcome_message beside an object res is a success',
    status: 200,
    body: { res: { items: [] }, welcome_message: 'hi' },
    expect: { failure: false },
  },
];

describe('fresh-set shapes (session 20)', () => {
  it.each(rows(VARIANTS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
