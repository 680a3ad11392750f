import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PositionList } from './positions';

describe('PositionList', () => {
  it('grows at both ends and stays sorted', () => {
    const list = new PositionList(2);
    for (let i = 50; i < 100; i++) list.push(i);
    for (let i = 49; i >= 0; i--) list.unshift(i);
    expect(list.length).toBe(100);
    expect(list.toArray()).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(list.first()).toBe(0);
    expect(list.last()).toBe(99);
  });

  it('matches a sorted-array model under any mix of operations (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), value: fc.integer({ min: 0, max: 200 }) }),
      fc.record({ kind: fc.constant('remove' as const), value: fc.integer({ min: 0, max: 200 }) }),
      fc.record({ kind: fc.constant('pop' as const) }),
      fc.record({ kind: fc.constant('shift' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const list = new PositionList(1);
        let model: number[] = [];
        for (const o of ops) {
          if (o.kind === 'insert') {
            list.insert(o.value);
            if (!model.includes(o.value)) model = [...model, o.value].sort((a, b) => a - b);
          } else if (o.kind === 'remove') {
            expect(list.remove(o.value)).toBe(model.includes(o.value));
            model = model.filter((v) => v !== o.value);
          } else if (o.kind === 'pop') {
            expect(list.pop()).toBe(model.pop());
          } else {
            expect(list.shift()).toBe(model.shift());
          }
        }
        expect(list.toArray()).toEqual(model);
        for (let v = 0; v <= 200; v += 7) expect(list.has(v)).toBe(model.includes(v));
      }),
      { numRuns: 200 },
    );
  });
});
