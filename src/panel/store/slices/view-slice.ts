// What the panel shows: the live list, an imported file or the retry audit; which groups are open;
// the selection and whether its detail is open.
import type { StateCreator } from 'zustand/vanilla';
import type { Dataset } from '../dataset';
import type { Selection } from '../display';
import type { ListSource, PanelState, ViewSource } from '../panel-types';
import type { GetPanelState, StoreContext } from './context';

export interface ViewSlice {
  view: ViewSource;
  /** The list the audit view audits: the one shown before switching to it. */
  auditOf: ListSource;
  expandedGroups: ReadonlySet<string>;
  selection: Selection;
  detailOpen: boolean;
  setView(view: ViewSource): void;
  /** Leaves the audit view for the list and opens the record's detail. */
  showRecord(id: string): void;
  toggleGroup(key: string): void;
  select(selection: Selection): void;
  openDetail(): void;
  closeDetail(): void;
  /** The dataset behind the current view (for the audit view: the list it audits). */
  dataset(): Dataset;
}

/** Drops the selection (and closes the detail) when its record is gone from the current view. */
export function keptSelection(get: GetPanelState, current: () => Dataset): Partial<PanelState> {
  const sel = get().selection;
  if (sel && sel.kind === 'row' && !current().rowBySeq(sel.seq)) return { selection: null, detailOpen: false };
  return {};
}

export function createViewSlice(
  ctx: Pick<StoreContext, 'lists' | 'current' | 'currentAudit' | 'scans' | 'audits'>,
): StateCreator<PanelState, [], [], ViewSlice> {
  const { current, scans, audits } = ctx;
  return (set, get) => ({
    view: 'live',
    auditOf: 'live',
    expandedGroups: new Set<string>(),
    selection: null,
    detailOpen: false,

    setView(view) {
      if (view === get().view) return;
      if (view === 'imported' && !ctx.lists.imported) return;
      const from = get().view;
      const auditOf: ListSource = view === 'audit' ? (from === 'audit' ? get().auditOf : from) : view;
      scans.bump({ view, auditOf, selection: null, detailOpen: false });
      audits.publish();
    },

    showRecord(id) {
      const record = ctx.currentAudit().record(id);
      if (!record) return;
      const view = get().auditOf;
      if (get().view !== view) scans.bump({ view, selection: null, detailOpen: false });
      if (!current().rowBySeq(record.seq)) return;
      set({ selection: { kind: 'row', seq: record.seq }, detailOpen: true });
      audits.publish();
    },

    toggleGroup(key) {
      const expanded = new Set(get().expandedGroups);
      if (expanded.has(key)) expanded.delete(key);
      else expanded.add(key);
      set({ expandedGroups: expanded });
    },

    select(selection) {
      set({ selection, detailOpen: get().detailOpen && selection?.kind === 'row' });
    },

    openDetail() {
      const sel = get().selection;
      if (sel && sel.kind === 'row' && current().rowBySeq(sel.seq)) set({ detailOpen: true });
    },

    closeDetail() {
      set({ detailOpen: false });
    },

    dataset: current,
  });
}
