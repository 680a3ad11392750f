import { describe, expect, it } from 'vitest';
import type { DevtoolsEntry } from '../protocol/messages';
import { createEntryBatcher, type BatchOptions } from './batcher';

function entry(n: number, body?: string): DevtoolsEntry {
  return {
    exchange: { method: 'GET', url: `https://a.test/${n}`, status: 200, ...(body !== undefined && { body }) },
    bodyState: body === undefined ? 'not-captured' : 'captured',
  };
}

function setup(overrides: Partial<BatchOptions> = {}) {
  const timers: Array<{ fn: () => void; live: boolean }> = [];
  const sent: DevtoolsEntry[][] = [];
  const batcher = createEntryBatcher((entries) => sent.push(entries), {
    delayMs: 100,
    maxEntries: 3,
    maxBodyChars: 10,
    setTimer: (fn) => {
      const t = { fn, live: true };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => void ((t as { live: boolean }).live = false),
    ...overrides,
  });
  const fire = () => {
    for (const t of timers.splice(0)) if (t.live) t.fn();
  };
  const urls = () => sent.map((batch) => batch.map((e) => e.exchange.url.slice('https://a.test/'.length)));
  return { batcher, sent, fire, urls };
}

describe('entry batcher', () => {
  it('sends entries together once the delay has passed, in arrival order', () => {
    const { batcher, sent, fire, urls } = setup();
    batcher.add(entry(1));
    batcher.add(entry(2));
    expect(sent).toEqual([]);
    fire();
    expect(urls()).toEqual([['1', '2']]);
    fire();
    expect(sent).toHaveLength(1);
  });

  it('sends at once when a batch is full, by count or by body size, and never splits an entry', () => {
    const { batcher, fire, urls } = setup();
    for (let n = 1; n <= 4; n++) batcher.add(entry(n));
    expect(urls()).toEqual([['1', '2', '3']]);
    batcher.add(entry(5, '123456'));
    batcher.add(entry(6, '1234567'));
    expect(urls()).toEqual([
      ['1', '2', '3'],
      ['4', '5'],
    ]);
    batcher.add(entry(7, 'x'.repeat(50)));
    expect(urls()).toEqual([['1', '2', '3'], ['4', '5'], ['6'], ['7']]);
    fire();
    expect(urls()).toHaveLength(4);
  });

  it('flushes what is waiting on demand, and nothing when empty', () => {
    const { batcher, sent, fire, urls } = setup();
    batcher.flush();
    expect(sent).toEqual([]);
    batcher.add(entry(1));
    batcher.flush();
    fire();
    expect(urls()).toEqual([['1']]);
  });
});
