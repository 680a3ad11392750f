// Test harness for the panel store and its slices: a store with recorded messages and settings, and
// scheduled work that runs only when the test says so.
import { envelope, type CaptureRecord, type CaptureStats, type Envelope } from '../../protocol/messages';
import { manyFailures, stats } from '../testing';
import { createPanelStore } from './panel-store';
import type { PanelStoreDeps } from './panel-types';

export const TAB = 7;

export function setupStore(extra: Partial<PanelStoreDeps> = {}) {
  const sent: Envelope[] = [];
  const tasks: Array<() => void> = [];
  const audits: Array<() => void> = [];
  const saved: unknown[] = [];
  const store = createPanelStore({
    tabId: TAB,
    send: (m) => sent.push(m),
    schedule: (t) => tasks.push(t),
    scheduleAudit: (t) => audits.push(t),
    saveSettings: (s) => saved.push(s),
    ...extra,
  });
  const runTasks = (): void => {
    while (tasks.length) tasks.shift()!();
  };
  const runAudits = (): void => {
    while (audits.length) audits.shift()!();
  };
  return { store, sent, tasks, audits, saved, runTasks, runAudits, s: () => store.getState() };
}

export const snapshot = (
  records: CaptureRecord[] = manyFailures(3),
  st: CaptureStats = stats({ seen: 10 }),
  tabId = TAB,
) => envelope('bg/snapshot', { tabId, records, stats: st, preserve: true });
