import { describe, expect, it } from 'vitest';
import { isRecord } from './is-record';

describe('isRecord', () => {
  it('accepts plain and prototype-less objects', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
  });

  it('refuses null, arrays and primitives', () => {
    for (const value of [null, undefined, [], [1], 'x', 1, true, () => {}]) expect(isRecord(value)).toBe(false);
  });
});
