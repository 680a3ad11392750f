import { describe, expect, it } from 'vitest';
import { completeResultMs, type FrameSeen } from './complete-frame';

const frame = (at: number, afterPaint: boolean, beforePaint: boolean | null = afterPaint): FrameSeen => ({
  at,
  afterPaint,
  beforePaint,
});

describe('completeResultMs', () => {
  it('is the first paint when the keystroke frame painted the complete result', () => {
    expect(completeResultMs([frame(7.5, true, null)])).toBe(7.5);
  });

  it('is the first later frame complete on both sides of its paint, never shorter than the first paint', () => {
    const frames = [frame(9, false, null), frame(25, false), frame(41, true), frame(58, true)];
    const ms = completeResultMs(frames);
    expect(ms).toBe(41);
    expect(ms).toBeGreaterThanOrEqual(frames[0].at);
  });

  it('does not credit a frame whose DOM became complete only after its paint', () => {
    // Before the paint of the 25 ms frame the DOM was still partial: the idle scan finished after it.
    expect(completeResultMs([frame(9, false, null), frame(25, true, false), frame(42, true)])).toBe(42);
  });

  it('is NaN when no frame painted the complete result', () => {
    expect(completeResultMs([frame(9, false, null), frame(25, false)])).toBeNaN();
    expect(completeResultMs([])).toBeNaN();
  });

  it('rejects observations out of time order', () => {
    expect(() => completeResultMs([frame(12, false, null), frame(5, true)])).toThrow(/before an earlier frame/);
  });
});
