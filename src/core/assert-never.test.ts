import { describe, expect, it } from 'vitest';
import { assertNever } from './assert-never';

type Shape = { kind: 'circle'; r: number } | { kind: 'square'; side: number };

function area(shape: Shape): number {
  switch (shape.kind) {
    case 'circle':
      return Math.PI * shape.r ** 2;
    case 'square':
      return shape.side ** 2;
    default:
      return assertNever(shape, 'shape');
  }
}

describe('assertNever', () => {
  it('is never reached while every member is handled', () => {
    expect(area({ kind: 'square', side: 3 })).toBe(9);
  });

  it('throws, naming what and the value, when untyped input reaches the default branch', () => {
    const lying = { kind: 'triangle', base: 2 } as unknown as Shape;
    expect(() => area(lying)).toThrow('Unhandled shape: {"kind":"triangle","base":2}');
  });

  it('returns the fallback instead of throwing when one is given (stored data of an older build)', () => {
    const label = (shape: Shape): string => {
      switch (shape.kind) {
        case 'circle':
        case 'square':
          return shape.kind;
        default:
          return assertNever(shape, 'shape', '?');
      }
    };
    expect(label({ kind: 'circle', r: 1 })).toBe('circle');
    expect(label({ kind: 'hexagon' } as unknown as Shape)).toBe('?');
  });

  it('describes values JSON cannot write', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => assertNever(cyclic as never)).toThrow('Unhandled value: [object Object]');
    expect(() => assertNever(undefined as never)).toThrow('Unhandled value: undefined');
  });
});
