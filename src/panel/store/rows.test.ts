import { describe, expect, it } from 'vitest';
import { navigationRecord, requestRecord } from '../testing';
import { makeRow } from './rows';

describe('Row', () => {
  it('keeps what it works out on first use apart: a row made for the list holds 13 fields, whatever is read', () => {
    const row = makeRow(
      requestRecord({
        seq: 4,
        method: 'post',
        status: 422,
        code: 'InvalidTitle',
        errorId: 'REQ-1',
        message: 'Title Is Required',
        url: 'https://API.example.com/V2/Items/4',
      }),
    );
    // The opening makes 100,000 of these: every field is one more slot per row to copy (issue 18).
    expect(Object.keys(row)).toHaveLength(13);
    expect([row.method, row.status, row.failure, row.nav, row.at]).toEqual([
      'POST',
      422,
      true,
      false,
      1_700_000_004_000,
    ]);
    expect([row.host, row.path, row.code, row.id, row.message]).toEqual([
      'api.example.com',
      '/v2/items/4',
      'invalidtitle',
      'req-1',
      'title is required',
    ]);
    expect(row.endpoint).toBe('POST /V2/Items/:id');
    expect(row.codeGroup).toBe('invalidtitle');
    expect(row.hay).toContain('title is required');
    expect(Object.keys(row)).toHaveLength(13);
  });

  it('a navigation marker says when it happened and is no request', () => {
    const row = makeRow(navigationRecord(3, 'https://app.example.com/Home'));
    expect([row.nav, row.at, row.method, row.host, row.path, row.code]).toEqual([
      true,
      1_700_000_003_000,
      '',
      'app.example.com',
      '/home',
      '',
    ]);
  });
});
