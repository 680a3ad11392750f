// Work that waits for the panel's idle periods (the audit's backlog, the rows' search text): one
// wrapper around requestIdleCallback, which some hosts lack (tests, old browsers).

/** Runs a task in an idle period; the task gets the time left in it, ms. */
export type ScheduleIdle = (task: (timeLeft: () => number) => void) => void;

export interface IdleOptions {
  /** The task runs at the latest this long after it was asked for, idle or not. */
  timeoutMs: number;
  /** A task run at its timeout is given this much time: there is no idle period to measure. */
  timedOutMs: number;
}

/** Idle-period scheduling, or null where there is no requestIdleCallback. */
export function idleScheduler(options?: IdleOptions): ScheduleIdle | null {
  if (typeof requestIdleCallback !== 'function') return null;
  if (!options) return (task) => void requestIdleCallback((deadline) => task(() => deadline.timeRemaining()));
  const { timeoutMs, timedOutMs } = options;
  return (task) =>
    void requestIdleCallback((deadline) => task(() => (deadline.didTimeout ? timedOutMs : deadline.timeRemaining())), {
      timeout: timeoutMs,
    });
}
