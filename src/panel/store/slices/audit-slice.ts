// The retry audit's published counts, refreshed after a quiet moment so a burst of records costs
// one refresh.
import type { StateCreator } from 'zustand/vanilla';
import type { AuditIndex } from '../audit-index';
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

export function createAuditScheduler(
  set: SetPanelState,
  get: GetPanelState,
  ctx: Pick<StoreContext, 'deps' | 'lists' | 'currentAudit'>,
): AuditScheduler {
  const scheduleAudit = ctx.deps.scheduleAudit ?? ((task: () => void) => void setTimeout(task, 250));
  let scheduled = false;
  const publish = (): void => {
    const audit = ctx.currentAudit();
    set({
      auditRevision: get().auditRevision + 1,
      auditFindings: audit.findingCount(),
      auditSequences: audit.sequenceCount(),
    });
  };
  return {
    publish,
    soon() {
      if (scheduled) return;
      scheduled = true;
      scheduleAudit(() => {
        scheduled = false;
        let changed = false;
        for (const audit of ctx.lists.audits()) changed = audit.refresh() || changed;
        if (changed) publish();
      });
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
