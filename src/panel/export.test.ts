import { describe, expect, it } from 'vitest';
import { parseHar } from '../core/har';
import { exportHar, exportJson } from './export';
import { requestRecord } from './testing';

const secretRecord = () =>
  requestRecord({
    seq: 3,
    status: 401,
    code: 'unauthorized',
    errorId: 'req-9',
    url: 'https://api.example.com/v2/me?api_token=TOPSECRET99&page=2',
    requestHeaders: [
      { name: 'Authorization', value: 'Bearer abcdefghijklmnop123456' },
      { name: 'Accept', value: 'application/json' },
    ],
  });

describe('exportJson', () => {
  it('lists the records with their classification, redacted, with the filter that produced them', () => {
    const text = exportJson([secretRecord()], {
      version: '1.0.0',
      view: 'live',
      filter: 'status:401',
      chips: ['4xx'],
      now: Date.UTC(2025, 0, 1),
    });
    const data = JSON.parse(text);
    expect(data).toMatchObject({
      faultline: '1.0.0',
      exportedAt: '2025-01-01T00:00:00.000Z',
      view: 'live',
      filter: 'status:401',
      chips: ['4xx'],
      count: 1,
    });
    expect(data.records[0]).toMatchObject({
      seq: 3,
      method: 'GET',
      status: 401,
      classification: { errorCode: 'unauthorized', errorId: 'req-9' },
    });
    expect(text).not.toContain('TOPSECRET99');
    expect(text).not.toContain('abcdefghijklmnop123456');
    expect(data.records[0].url).toContain('page=2');
  });
});

describe('exportHar', () => {
  it('writes a HAR that reads back, without secrets', () => {
    const text = exportHar([secretRecord()], '1.0.0');
    expect(text).not.toContain('TOPSECRET99');
    expect(text).not.toContain('abcdefghijklmnop123456');
    const back = parseHar(text);
    expect(back.exchanges).toHaveLength(1);
    expect(back.exchanges[0]!.status).toBe(401);
    expect(back.creator).toBe('Faultline 1.0.0');
  });
});
