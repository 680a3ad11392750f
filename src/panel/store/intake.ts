// The order in which the port's messages reach the store (issue 18). A panel opening on a large
// store gets a small bg/snapshot of the newest rows and then large messages of older rows, already
// queued behind it. Taken in one after another, they could keep the first rows from being painted
// until all of them were in; so after a snapshot the rest wait for the next paint, and each queued
// message then runs in its own task, so the browser can paint between them. Order is kept, also
// while a message's packed rows are being inflated (asynchronously: `Prepare`).
import { inflateAhead, isPackedRecords } from '../../protocol/packed-records';

/** Runs `task` once the next frame has been painted. */
export type AfterPaint = (task: () => void) => void;

/**
 * Frame callbacks do not run while the panel is hidden (another DevTools tab selected): a timer takes
 * over after this long. Long enough that a visible panel on a busy machine paints first: the next
 * messages each take up to a second in, and at 100 ms they ran before the first rows were painted.
 */
const HIDDEN_PANEL_MS = 1000;

/** After the next frame's paint: a timer set in a frame callback runs after that frame. */
export const afterNextPaint: AfterPaint = (task) => {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    task();
  };
  const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
  if (!hidden && typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, hidden ? 0 : HIDDEN_PANEL_MS);
};

export const nextTask: AfterPaint = (task) => void setTimeout(task, 0);

/**
 * User timing of the intake, for the bench and the Performance panel: per message, when it arrived
 * (`faultline:arrived`) and how long the store took it in (`faultline:intake`, from its turn: an
 * asynchronous inflate counts from then, a part of it done ahead does not count twice). Cleared now and
 * then, so a long-lived panel's timeline does not grow without end.
 */
const TIMING_ENTRIES = 512;
let timingEntries = 0;
function timing(name: 'faultline:arrived' | 'faultline:intake', start?: number): void {
  if (typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  if (++timingEntries > TIMING_ENTRIES) {
    performance.clearMeasures('faultline:arrived');
    performance.clearMeasures('faultline:intake');
    timingEntries = 1;
  }
  const now = performance.now();
  performance.measure(name, { start: start ?? now, end: now });
}

export interface Intake {
  push(message: unknown): void;
}

/**
 * Work a message needs before it is delivered that does not have to block the panel: its packed rows'
 * body inflated by the runtime (packed-records.ts), or null when there is none.
 */
export type Prepare = (message: unknown) => Promise<void> | null;

/** The packed rows of a bg/snapshot or bg/upsert inflated ahead by the runtime's own inflate. */
export const inflatePackedAhead: Prepare = (message) => {
  const packed = (message as { payload?: { packed?: unknown } } | null)?.payload?.packed;
  return isPackedRecords(packed) ? inflateAhead(packed) : null;
};

/**
 * A delivery that threw after an asynchronous preparation is reported as the synchronous path's
 * throw would be (an uncaught error in the console), not as an unhandled rejection.
 */
function reportUncaught(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else
    setTimeout(() => {
      throw error;
    }, 0);
}

export function createIntake(
  deliver: (message: unknown) => void,
  afterPaint: AfterPaint = afterNextPaint,
  later: AfterPaint = nextTask,
  prepare: Prepare = () => null,
): Intake {
  const queue: unknown[] = [];
  /** The preparation of queue[0], started ahead (see `prepareNext`). */
  let ahead: { message: unknown; pending: Promise<void> | null } | null = null;
  let waiting = false;
  const isSnapshot = (message: unknown): boolean => (message as { type?: unknown } | null)?.type === 'bg/snapshot';
  const now = (): number => (typeof performance === 'undefined' ? 0 : performance.now());

  /**
   * Starts preparing the next queued message while the one before it is taken in and rendered: its
   * inflate's waits (the runtime's stream hands over its chunks asynchronously) then overlap that
   * work instead of leaving the panel idle between two messages. Never before a snapshot's paint.
   */
  const prepareNext = (): void => {
    if (ahead !== null || queue.length === 0) return;
    const pending = prepare(queue[0]);
    // Its failure is handled when its turn comes (take); not an unhandled rejection meanwhile.
    pending?.catch(() => undefined);
    ahead = { message: queue[0], pending };
  };

  /** Prepares one message (the next wait until it is delivered, so the order holds), then delivers it. */
  const take = (message: unknown): void => {
    const early = ahead !== null && ahead.message === message ? ahead : null;
    ahead = null;
    // Measured from its turn: a preparation started ahead overlapped the message before it.
    const start = now();
    const pending = early ? early.pending : prepare(message);
    if (!pending) return deliverNow(message, start);
    waiting = true;
    pending
      .then(
        () => deliverNow(message, start),
        () => deliverNow(message, start),
      )
      .catch(reportUncaught);
  };

  /** Delivers one message, then waits before the next when there is more or it was a snapshot. */
  const deliverNow = (message: unknown, start: number): void => {
    waiting = false;
    try {
      deliver(message);
    } finally {
      timing('faultline:intake', start);
      if (!isSnapshot(message)) prepareNext();
      if (isSnapshot(message)) {
        waiting = true;
        afterPaint(drain);
      } else if (queue.length > 0) {
        waiting = true;
        later(drain);
      }
    }
  };

  const drain = (): void => {
    waiting = false;
    if (queue.length > 0) take(queue.shift());
  };

  return {
    push(message) {
      timing('faultline:arrived');
      if (waiting) queue.push(message);
      else take(message);
    },
  };
}
