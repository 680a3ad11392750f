import { describe, expect, it } from 'vitest';
import type { DevtoolsEntry } from '../protocol/messages';
import { createRecentEntries } from './recent-entries';

const entry = (url: string, body?: string): DevtoolsEntry => ({
  exchange: { method: 'GET', url, status: 500, ...(body !== undefined && { body }) },
  bodyState: body === undefined ? 'not-captured' : 'captured',
});

describe('createRecentEntries', () => {
  it('keeps the entries of the last window, oldest first', () => {
    let clock = 0;
    const recent = createRecentEntries({ windowMs: 1000, maxEntries: 100, maxBodyChars: 1000, now: () => clock });
    recent.add([entry('https://a.test/1'), entry('https://a.test/2')]);
    clock = 600;
    recent.add([entry('https://a.test/3')]);
    expect(recent.all().map((e) => e.exchange.url)).toEqual([
      'https://a.test/1',
      'https://a.test/2',
      'https://a.test/3',
    ]);
    clock = 1500;
    recent.add([entry('https://a.test/4')]);
    expect(recent.all().map((e) => e.exchange.url)).toEqual(['https://a.test/3', 'https://a.test/4']);
    clock = 2000; // nothing new: a reconnect now re-sends only what is still recent
    expect(recent.all().map((e) => e.exchange.url)).toEqual(['https://a.test/4']);
  });

  it('forgets the oldest beyond its entry and body bounds', () => {
    const recent = createRecentEntries({ windowMs: 10_000, maxEntries: 3, maxBodyChars: 10, now: () => 0 });
    recent.add([
      entry('https://a.test/1'),
      entry('https://a.test/2'),
      entry('https://a.test/3'),
      entry('https://a.test/4'),
    ]);
    expect(recent.all().map((e) => e.exchange.url)).toEqual([
      'https://a.test/2',
      'https://a.test/3',
      'https://a.test/4',
    ]);
    recent.add([entry('https://a.test/5', '123456'), entry('https://a.test/6', '1234567')]);
    expect(recent.all().map((e) => e.exchange.url)).toEqual(['https://a.test/6']);
  });
});
