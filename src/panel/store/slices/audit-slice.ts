// The retry audit's published counts, refreshed after a quiet moment so a burst of records costs
// one refresh.
import type { StateCreator } from 'zustand/vanilla';
import type { AuditIndex } from '../audit-index';
import { idleScheduler } from '../idle';
import type { PanelState } from '../panel-types';
import type { GetPanelState, SetPanelState, StoreContext } from './context';

export interface AuditSlice {
  /** Bumped whenever the current audit's results change. */
  auditRevision: number;
  /** Of the current audit: findings and retry sequences. */
  auditFindings: number;
  auditSequences: number;
  /** The retry audit of the current view's records. */
  audit(): AuditIndex;
}

export interface AuditScheduler {
  /** Publishes the current audit's counts (after a refresh or a change of view). */
  publish(): void;
  /** Audits after a quiet moment, never inside an upsert. */
  soon(): void;
  /** Refreshes every audit now. */
  refreshAll(): void;
}

/** The default refresh runs once changes have paused this long… */
const AUDIT_QUIET_MS = 250;
/** …or this long after the first change, whichever comes first. */
const AUDIT_MAX_WAIT_MS = 3_000;
/** Bucketing per task before the refresh continues in another. */
const AUDIT_SLICE_MS = 8;
/** A continuation waits at most this long for an idle period. */
const AUDIT_IDLE_TIMEOUT_MS = 200;

export function createAuditScheduler(
  set: SetPanelState,
  get: GetPanelState,
  ctx: Pick<StoreContext, 'deps' | 'lists' | 'currentAudit'>,
): AuditScheduler {
  const scheduleAudit = ctx.deps.scheduleAudit ?? ((task: () => void) => void setTimeout(task, AUDIT_QUIET_MS));
  // With the default timer, the refresh waits for a quiet moment: while changes keep coming (an
  // opening panel's messages, a burst) it waits again, up to AUDIT_MAX_WAIT_MS, so bucketing 100,000
  // rows runs after the rows are shown, not between two of their messages.
  const quietMs = ctx.deps.scheduleAudit ? 0 : AUDIT_QUIET_MS;
  const now = ctx.deps.now ?? (() => performance.now());
  // Bucketing the backlog goes on in idle periods (time left in each, or a whole slice when the panel
  // is never idle for AUDIT_IDLE_TIMEOUT_MS): back-to-back 8 ms tasks right after an opening delayed
  // every frame of the first keystrokes (issue 18).
  const continueAudit: (task: (timeLeft?: () => number) => void) => void =
    ctx.deps.scheduleAudit ??
    idleScheduler({ timeoutMs: AUDIT_IDLE_TIMEOUT_MS, timedOutMs: AUDIT_SLICE_MS }) ??
    ((task) => void setTimeout(task, 0));
  let scheduled = false;
  let firstAsked = 0;
  let lastAsked = 0;
  const publish = (): void => {
    const audit = ctx.currentAudit();
    set({
      auditRevision: get().auditRevision + 1,
      auditFindings: audit.findingCount(),
      auditSequences: audit.sequenceCount(),
    });
  };
  const run = (timeLeft?: () => number): void => {
    const t = now();
    if (quietMs > 0 && t - lastAsked < quietMs && t - firstAsked < AUDIT_MAX_WAIT_MS) {
      scheduleAudit(run);
      return;
    }
    // The backlog is bucketed in slices (an import queues thousands of records between two
    // refreshes: bucketing them at once was one long task); the refresh follows once it is in.
    const deadline = t + Math.min(AUDIT_SLICE_MS, Math.max(1, timeLeft ? timeLeft() : AUDIT_SLICE_MS));
    for (const audit of ctx.lists.audits())
      if (!audit.ingestUntil(deadline, now)) {
        continueAudit(run);
        return;
      }
    scheduled = false;
    let changed = false;
    for (const audit of ctx.lists.audits()) changed = audit.refresh() || changed;
    if (changed) publish();
  };
  return {
    publish,
    soon() {
      lastAsked = now();
      if (scheduled) return;
      scheduled = true;
      firstAsked = lastAsked;
      scheduleAudit(run);
    },
    refreshAll() {
      for (const audit of ctx.lists.audits()) audit.refresh();
    },
  };
}

export function createAuditSlice(
  ctx: Pick<StoreContext, 'currentAudit'>,
): StateCreator<PanelState, [], [], AuditSlice> {
  return () => ({
    auditRevision: 0,
    auditFindings: 0,
    auditSequences: 0,
    audit: ctx.currentAudit,
  });
}
