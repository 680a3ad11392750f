import { describe, expect, it } from 'vitest';
import { createIntake } from './intake';

function setup() {
  const delivered: string[] = [];
  const painted: Array<() => void> = [];
  const tasks: Array<() => void> = [];
  const intake = createIntake(
    (m) => delivered.push((m as { type: string }).type),
    (t) => painted.push(t),
    (t) => tasks.push(t),
  );
  return { delivered, painted, tasks, push: (type: string) => intake.push({ type }) };
}

describe('createIntake', () => {
  it('holds what follows a snapshot until a paint, then takes the rest one task each, in order', () => {
    const { delivered, painted, tasks, push } = setup();
    push('bg/snapshot');
    push('bg/upsert');
    push('bg/upsert');
    push('bg/records');
    expect(delivered).toEqual(['bg/snapshot']);
    expect(painted).toHaveLength(1);
    painted.shift()!();
    expect(delivered).toEqual(['bg/snapshot', 'bg/upsert']);
    tasks.shift()!();
    expect(delivered).toEqual(['bg/snapshot', 'bg/upsert', 'bg/upsert']);
    tasks.shift()!();
    expect(delivered).toEqual(['bg/snapshot', 'bg/upsert', 'bg/upsert', 'bg/records']);
    expect(tasks).toHaveLength(0);
    // Nothing queued: a later message goes straight in.
    push('bg/upsert');
    expect(delivered).toHaveLength(5);
    expect(painted).toHaveLength(0);
  });

  it('delivers at once while no snapshot is waiting for its paint', () => {
    const { delivered, painted, tasks, push } = setup();
    push('bg/upsert');
    push('bg/cleared');
    expect(delivered).toEqual(['bg/upsert', 'bg/cleared']);
    expect(painted.length + tasks.length).toBe(0);
  });

  it('goes on after a message that threw', () => {
    const painted: Array<() => void> = [];
    const delivered: string[] = [];
    const intake = createIntake(
      (m) => {
        const type = (m as { type: string }).type;
        delivered.push(type);
        if (type === 'bg/snapshot') throw new Error('bad');
      },
      (t) => painted.push(t),
      (t) => t(),
    );
    expect(() => intake.push({ type: 'bg/snapshot' })).toThrow('bad');
    intake.push({ type: 'bg/upsert' });
    painted.shift()!();
    expect(delivered).toEqual(['bg/snapshot', 'bg/upsert']);
  });
});
