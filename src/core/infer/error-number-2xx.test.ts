// Issue 13, verdict28: a 2xx whose envelope names the error's number (ASCOM Alpaca `ErrorNumber`: its spec answers
// every call with 200, 0 meaning success and any other number the error; ArangoDB's `errorNum`). The number is the
// call's result code, as `error_code` is; the zero answers with an empty message stay successes.
import { describe, expect, it } from 'vitest';
import { partialRowMismatches, type PartialRow } from '../testing/partial-rows';

const run = (rows: PartialRow[]): void =>
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_n, r) =>
    expect(partialRowMismatches(r, 'http://alpaca.example.test:11111/api/v1/focuser/0/position')).toEqual([]),
  );

describe('error-number keys in a 2xx envelope', () => {
  run([
    {
      name: 'Alpaca device: non-zero ErrorNumber beside ErrorMessage and the transaction ids',
      body: {
        ClientTransactionID: 12,
        ServerTransactionID: 40,
        ErrorNumber: 1031,
        ErrorMessage: 'Focuser is not connected',
      },
      code: '1031',
      messageHas: 'not connected',
    },
    {
      name: 'Alpaca device: non-zero ErrorNumber beside a Value',
      body: {
        Value: 0,
        ClientTransactionID: 3,
        ServerTransactionID: 9,
        ErrorNumber: 1025,
        ErrorMessage: 'Position out of range',
      },
      code: '1025',
      messageHas: 'out of range',
    },
    {
      name: 'snake case error_num beside a message',
      body: { error_num: 7, message: 'Collection is locked' },
      messageHas: 'locked',
    },
    {
      name: 'counter: ErrorNumber 0 with an empty ErrorMessage is a success',
      body: { Value: 15000, ClientTransactionID: 3, ServerTransactionID: 10, ErrorNumber: 0, ErrorMessage: '' },
      failure: false,
    },
  ]);
});
