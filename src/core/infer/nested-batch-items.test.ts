// Issue 13, verdict28: a 2xx whose per-operation results sit below the top level, or whose envelope says the call
// succeeded while one operation says it failed. Registrar APIs answer a command with `result: "success"` and a
// per-domain `result`/`error_code`/`error_text` inside `answer.domains[]`; device clouds answer `{code: 0}` with a list
// of records, each carrying its operation's own `ret` object; batch services group results by entity under a record.
// Any failed operation makes the exchange a failure (fixtures README); an envelope that says it succeeded is
// overruled only by an item that says so in so many words. Shapes follow the public docs and issue pastes listed in
// corpus/tools/learn-s28c-sources.md; values here are made up.
import { describe, expect, it } from 'vitest';
import { batchItemFailure } from './batch-items';
import { partialRowMismatches, type PartialRow } from '../testing/partial-rows';

const run = (rows: PartialRow[]): void =>
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_n, r) =>
    expect(partialRowMismatches(r, 'https://api.example.test/v2/command')).toEqual([]),
  );

describe('per-operation results one or two records below the top', () => {
  run([
    {
      name: 'success envelope, the one domain result under answer.domains says error',
      body: {
        answer: {
          domains: [
            { dname: 'example-one.test', result: 'error', error_code: 'NO_SUCH_DOMAIN', error_text: 'No such domain' },
          ],
        },
        charset: 'utf-8',
        result: 'success',
      },
      code: 'NO_SUCH_DOMAIN',
      messageHas: 'No such domain',
    },
    {
      name: 'success envelope, the second domain of two says error',
      body: {
        answer: {
          domains: [
            { dname: 'a.test', result: 'success', service_id: 11 },
            { dname: 'b.test', result: 'error', error_code: 'ACCESS_DENIED', error_text: 'Access to domain denied' },
          ],
        },
        result: 'success',
      },
      code: 'ACCESS_DENIED',
      messageHas: 'Access to domain denied',
    },
    {
      name: 'results grouped by entity under a record: an item with an error status code and message',
      body: {
        jobId: 7,
        jobStatus: 'Done',
        jobResults: { rows: { '3': [{ code: 409, message: 'Row is locked.', id: 12 }] } },
      },
      messageHas: 'Row is locked.',
    },
    {
      name: 'code 0 envelope, a record whose own ret object says result false',
      body: {
        code: 0,
        message: 'ok',
        result: [
          { did: 'd-1', key: 'power', time: '1700000000', ret: { code: -7, message: 'device offline', result: false } },
        ],
      },
      code: '-7',
      messageHas: 'device offline',
    },
    {
      name: 'the same envelope sent as a one-element list',
      body: [
        {
          code: 0,
          message: 'ok',
          result: [{ did: 'd-2', ret: { code: -7, message: 'device offline', result: false } }],
        },
      ],
      messageHas: 'device offline',
    },
    {
      name: 'PascalCase keys and an ErrorMessage beside an error status code',
      body: { JobId: 7, JobResults: { Rows: { '3': [{ Code: 409, ErrorMessage: 'Row is locked.', Id: 12 }] } } },
      messageHas: 'Row is locked.',
    },
    // Counter-examples: successes that must stay successes.
    {
      name: 'every domain result success',
      body: { answer: { domains: [{ dname: 'a.test', result: 'success' }] }, result: 'success' },
      failure: false,
    },
    {
      name: 'code 0 envelope, records whose ret says result true',
      body: { code: 0, message: 'ok', result: [{ did: 'd-1', ret: { code: 0, message: 'ok', result: true } }] },
      failure: false,
    },
    {
      name: 'success envelope, a record with an id whose status reads failed (data, not an operation)',
      body: { status: 'ok', data: { jobs: [{ id: 41, status: 'failed', message: 'Build failed at step 3' }] } },
      failure: false,
    },
    {
      name: 'success envelope, an item with result false but no text (a check result, not an error)',
      body: { result: 'success', answer: { checks: [{ name: 'dns', result: false }] } },
      failure: false,
    },
    {
      name: 'code 0 envelope, a nested code without any failure word or flag stays data',
      body: { code: 0, message: 'ok', result: [{ did: 'd-1', ret: { code: 3, message: 'three items' } }] },
      failure: false,
    },
  ]);
});

describe('bounds', () => {
  it('looks no deeper than two records below the top', () => {
    const deep = { a: { b: { c: { list: [{ result: 'error', error_text: 'too deep' }] } } } };
    expect(batchItemFailure(deep)).toBeUndefined();
    expect(batchItemFailure({ a: { b: { list: [{ result: 'error', error_text: 'found' }] } } })?.path).toBe(
      'a.b.list[0]',
    );
  });
  it('under a success envelope keeps only items that say they failed', () => {
    const looksLikeError = { answer: { items: [{ code: 1208, message: 'Quantity adjusted' }] } };
    expect(batchItemFailure(looksLikeError)).toBeDefined();
    expect(batchItemFailure(looksLikeError, true)).toBeUndefined();
  });
});
