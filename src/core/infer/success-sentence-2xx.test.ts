// Issue 13, session 27: a 2xx `{code, msg}` envelope whose message says in a short sentence that the call went through
// ("Command completed successfully", "Request processed successfully") is a success whatever its result code, as a
// bare success word already was; a sentence that negates it, qualifies it or names a failure beside it is not one.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';
import { SUCCESS_NOTE } from './dictionaries';

const SUCCESS: Variant[] = [
  {
    name: '{code: 1000, msg: "Command completed successfully", resData}',
    status: 200,
    body: { code: 1000, msg: 'Command completed successfully', resData: { id: 7 }, runtime: 0.02 },
    expect: { failure: false },
  },
  {
    name: '{code: 2, message: "Request processed successfully."}',
    status: 200,
    body: { code: 2, message: 'Request processed successfully.' },
    expect: { failure: false },
  },
];

const FAILURE: Variant[] = [
  {
    name: '{code: 2001, msg: "Command was not completed successfully"}',
    status: 200,
    body: { code: 2001, msg: 'Command was not completed successfully' },
    expect: { failure: true },
  },
  {
    name: '{code: 2400, msg: "Command failed"}',
    status: 200,
    body: { code: 2400, msg: 'Command failed' },
    expect: { failure: true },
  },
];

describe('a 2xx message that says success in a sentence', () => {
  it.each(rows(SUCCESS))('success: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(FAILURE))('failure: %s', (_n, v) => expect(variantMismatches(v)).toEqual([]));

  it('reads short sentences, never a negated or qualified one', () => {
    for (const t of [
      'Operation successful',
      'The operation was successful',
      'Item successfully deleted',
      'Data saved successfully!',
    ])
      expect(SUCCESS_NOTE.test(t)).toBe(true);
    for (const t of [
      'Not successful',
      'Partially successful',
      'unsuccessful',
      'Upload failed, but cleanup completed successfully',
    ])
      expect(SUCCESS_NOTE.test(t)).toBe(false);
  });
});
