import { describe, expect, it } from 'vitest';
import { packRecords } from '../../protocol/packed-records';
import { createIntake, inflatePackedAhead } from './intake';

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

  it('reports a delivery that threw after its preparation as an uncaught error, and goes on', async () => {
    const reported: unknown[] = [];
    const original = globalThis.reportError;
    globalThis.reportError = (e: unknown) => void reported.push(e);
    try {
      const delivered: string[] = [];
      const tasks: Array<() => void> = [];
      const intake = createIntake(
        (m) => {
          const type = (m as { type: string }).type;
          delivered.push(type);
          if (type === 'bg/upsert') throw new Error('bad');
        },
        (t) => t(),
        (t) => tasks.push(t),
        () => Promise.resolve(),
      );
      intake.push({ type: 'bg/upsert' });
      intake.push({ type: 'bg/cleared' });
      await new Promise((r) => setTimeout(r, 0));
      expect(reported).toEqual([new Error('bad')]);
      tasks.shift()!();
      await new Promise((r) => setTimeout(r, 0));
      expect(delivered).toEqual(['bg/upsert', 'bg/cleared']);
    } finally {
      globalThis.reportError = original;
    }
  });

  it('keeps the order while a message is prepared: what arrives meanwhile waits, the snapshot still waits for its paint', async () => {
    const delivered: string[] = [];
    const painted: Array<() => void> = [];
    const tasks: Array<() => void> = [];
    const prepared: Array<() => void> = [];
    const intake = createIntake(
      (m) => delivered.push((m as { type: string }).type),
      (t) => painted.push(t),
      (t) => tasks.push(t),
      (m) => ((m as { packed?: boolean }).packed ? new Promise<void>((resolve) => prepared.push(resolve)) : null),
    );
    intake.push({ type: 'bg/snapshot', packed: true });
    intake.push({ type: 'bg/cleared' });
    expect(delivered).toEqual([]);
    prepared.shift()!();
    await Promise.resolve();
    expect(delivered).toEqual(['bg/snapshot']);
    expect(tasks).toHaveLength(0);
    painted.shift()!();
    expect(delivered).toEqual(['bg/snapshot', 'bg/cleared']);
    intake.push({ type: 'bg/upsert', packed: true });
    intake.push({ type: 'bg/records' });
    expect(delivered).toHaveLength(2);
    prepared.shift()!();
    await Promise.resolve();
    expect(delivered).toEqual(['bg/snapshot', 'bg/cleared', 'bg/upsert']);
    tasks.shift()!();
    expect(delivered).toEqual(['bg/snapshot', 'bg/cleared', 'bg/upsert', 'bg/records']);
  });

  it("prepares the next queued message while the one before it is taken in, never before the snapshot's paint", async () => {
    const delivered: string[] = [];
    const painted: Array<() => void> = [];
    const tasks: Array<() => void> = [];
    const prepared: Array<{ type: string; done: () => void }> = [];
    const intake = createIntake(
      (m) => delivered.push((m as { type: string }).type),
      (t) => painted.push(t),
      (t) => tasks.push(t),
      (m) => new Promise<void>((resolve) => prepared.push({ type: (m as { type: string }).type, done: resolve })),
    );
    const preparedTypes = () => prepared.map((p) => p.type);
    intake.push({ type: 'bg/snapshot' });
    intake.push({ type: 'bg/upsert', n: 1 });
    intake.push({ type: 'bg/upsert', n: 2 });
    prepared[0].done();
    await Promise.resolve();
    expect(delivered).toEqual(['bg/snapshot']);
    // The first rows paint before anything else is prepared.
    expect(preparedTypes()).toEqual(['bg/snapshot']);
    painted.shift()!();
    expect(preparedTypes()).toEqual(['bg/snapshot', 'bg/upsert']);
    prepared[1].done();
    await Promise.resolve();
    // The first upsert is delivered; the second is being prepared already, before its own turn.
    expect(delivered).toEqual(['bg/snapshot', 'bg/upsert']);
    expect(preparedTypes()).toEqual(['bg/snapshot', 'bg/upsert', 'bg/upsert']);
    expect(tasks).toHaveLength(1);
    prepared[2].done();
    tasks.shift()!();
    await Promise.resolve();
    // Its turn takes the preparation started ahead: prepared once, delivered in order.
    expect(prepared).toHaveLength(3);
    expect(delivered).toEqual(['bg/snapshot', 'bg/upsert', 'bg/upsert']);
    expect(tasks).toHaveLength(0);
  });

  it('inflates ahead only the packed rows of a message', async () => {
    const packed = packRecords([
      { kind: 'navigation', id: 'nav:1', tabId: 7, seq: 1, url: 'https://a.example/', at: 1 },
    ]);
    expect(inflatePackedAhead({ type: 'bg/records', payload: { records: [] } })).toBeNull();
    expect(inflatePackedAhead({ type: 'bg/upsert', payload: { packed: { format: 99 } } })).toBeNull();
    await expect(inflatePackedAhead({ type: 'bg/upsert', payload: { packed } })).resolves.toBeUndefined();
  });
});
