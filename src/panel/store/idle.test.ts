import { afterEach, describe, expect, it, vi } from 'vitest';
import { idleScheduler } from './idle';

type Callback = (deadline: { didTimeout: boolean; timeRemaining(): number }) => void;

function stubIdle(): { calls: { callback: Callback; options?: { timeout?: number } }[] } {
  const calls: { callback: Callback; options?: { timeout?: number } }[] = [];
  vi.stubGlobal('requestIdleCallback', (callback: Callback, options?: { timeout?: number }) => {
    calls.push({ callback, options });
    return calls.length;
  });
  return { calls };
}

describe('idleScheduler', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is null where the host has no idle callbacks', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    expect(idleScheduler()).toBeNull();
    expect(idleScheduler({ timeoutMs: 200, timedOutMs: 8 })).toBeNull();
  });

  it('gives the task the idle period’s time left', () => {
    const { calls } = stubIdle();
    const seen: number[] = [];
    idleScheduler()!((timeLeft) => seen.push(timeLeft()));
    expect(calls[0].options?.timeout).toBeUndefined();
    calls[0].callback({ didTimeout: false, timeRemaining: () => 12.5 });
    expect(seen).toEqual([12.5]);
  });

  it('with a timeout, asks for it and gives a task run at its timeout the fixed slice', () => {
    const { calls } = stubIdle();
    const seen: number[] = [];
    const schedule = idleScheduler({ timeoutMs: 200, timedOutMs: 8 })!;
    schedule((timeLeft) => seen.push(timeLeft()));
    schedule((timeLeft) => seen.push(timeLeft()));
    expect(calls.map((c) => c.options?.timeout)).toEqual([200, 200]);
    calls[0].callback({ didTimeout: true, timeRemaining: () => 0 });
    calls[1].callback({ didTimeout: false, timeRemaining: () => 3 });
    expect(seen).toEqual([8, 3]);
  });
});
