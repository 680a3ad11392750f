import { describe, expect, it } from 'vitest';
import { IdIndex } from './id-index';

describe('IdIndex', () => {
  it('gets, moves and deletes ids as a map does', () => {
    const index = new IdIndex();
    index.set('wr:1', 5);
    index.set('wr:2', 6);
    expect(index.get('wr:1')).toBe(5);
    expect(index.has('wr:2')).toBe(true);
    expect(index.get('wr:3')).toBeUndefined();
    index.set('wr:1', 9); // moved, not added
    expect(index.size).toBe(2);
    expect(index.get('wr:1')).toBe(9);
    expect(index.delete('wr:1')).toBe(true);
    expect(index.delete('wr:1')).toBe(false);
    expect(index.has('wr:1')).toBe(false);
    expect(index.get('wr:2')).toBe(6);
    expect(index.size).toBe(1);
    index.clear();
    expect(index.size).toBe(0);
    expect(index.has('wr:2')).toBe(false);
  });

  it('keeps slots above 2^31 and the empty id', () => {
    const index = new IdIndex();
    index.set('', 2 ** 31 + 7);
    index.set('a', 0);
    expect(index.get('')).toBe(2 ** 31 + 7);
    expect(index.get('a')).toBe(0);
  });

  it('agrees with a Map through growth, evictions from the front and reuse of deleted entries', () => {
    const index = new IdIndex();
    const model = new Map<string, number>();
    let seed = 12345;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    let next = 0;
    let oldest = 0;
    for (let step = 0; step < 40_000; step++) {
      const op = random(10);
      if (op < 5) {
        const id = `wr:${next}`;
        index.set(id, next);
        model.set(id, next++);
      } else if (op < 7 && oldest < next) {
        const id = `wr:${oldest++}`;
        expect(index.delete(id)).toBe(model.delete(id));
      } else if (op < 8) {
        const id = `wr:${random(next + 10)}`;
        const slot = random(1000);
        index.set(id, slot);
        model.set(id, slot);
      } else if (op < 9) {
        index.reserve(random(300));
      } else {
        const id = `dt:${random(next + 10)}`;
        expect(index.get(id)).toBe(model.get(id));
      }
      if (step % 997 === 0) {
        expect(index.size).toBe(model.size);
        for (const [id, slot] of model) expect(index.get(id)).toBe(slot);
      }
    }
    expect(index.size).toBe(model.size);
    for (let i = 0; i < next + 10; i++) expect(index.get(`wr:${i}`)).toBe(model.get(`wr:${i}`));
  });
});
