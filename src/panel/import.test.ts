import { describe, expect, it } from 'vitest';
import { importHar } from './import';
import { harEntry, harText } from '../core/testing/har';

const har = (entries: unknown[]) => harText(entries);
const entry = (status: number, body: string, url = 'https://api.example.com/v2/Articles/5') =>
  harEntry(url, status, body, { time: 12 });

describe('importHar', () => {
  it('classifies each entry once into records in file order', () => {
    const result = importHar(
      'team.har',
      har([
        entry(200, '{"ok":true}'),
        entry(422, JSON.stringify({ error: { code: 'invalid_input', message: 'Title is required' } })),
      ]),
    );
    expect(result.fileName).toBe('team.har');
    expect(result.entries).toBe(2);
    expect(result.records.map((r) => [r.seq, r.exchange.status, r.classification.failure])).toEqual([
      [1, 200, false],
      [2, 422, true],
    ]);
    expect(result.records[1].classification.errorCode).toBe('invalid_input');
    expect(result.records[1].sources).toEqual(['har']);
    expect(result.records[1].bodyState).toBe('captured');
  });

  it('a file that is not a HAR throws one clear line naming the file', () => {
    expect(() => importHar('notes.txt', 'hello')).toThrow(/^notes\.txt is not a HAR file Faultline can read: not JSON/);
    expect(() => importHar('data.json', '{"foo":1}')).toThrow(/data\.json is not a HAR file.*log/);
  });

  it('skips broken entries and reports them', () => {
    const result = importHar('x.har', har([entry(500, '{}'), 42]));
    expect(result.records).toHaveLength(1);
    expect(result.problems.some((p) => p.skipped && p.index === 1)).toBe(true);
  });
});
