import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../settings';
import { requestRecord } from '../../testing';
import { setupStore as setup, snapshot, TAB } from '../store-harness';

describe('settings slice', () => {
  it('each change is saved; show-all filters again and grouping regroups', () => {
    const { s, saved } = setup();
    s().receive(snapshot([requestRecord({ seq: 1, status: 500 }), requestRecord({ seq: 2, status: 200 })]));
    expect(s().shown).toBe(1);
    s().setShowAll(true);
    expect(s().dataset().visibleRequestCount()).toBe(2);
    s().setGroupBy('endpoint');
    expect(s().dataset().groups()).not.toBeNull();
    s().setOrder('newest-first');
    s().setTheme('dark');
    s().setRedactCopies(false);
    s().setColumnPrefs({ hiddenColumns: ['method'] });
    expect(saved[saved.length - 1]).toEqual({
      ...DEFAULT_SETTINGS,
      showAll: true,
      groupBy: 'endpoint',
      order: 'newest-first',
      theme: 'dark',
      redactCopies: false,
      hiddenColumns: ['method'],
    });
    expect(s().settings).toEqual(saved[saved.length - 1]);
  });

  it('loaded settings apply grouping and show-all without saving them back', () => {
    const { s, saved } = setup();
    s().receive(snapshot([requestRecord({ seq: 1, status: 200 }), requestRecord({ seq: 2, status: 500 })]));
    s().loadSettings({ ...DEFAULT_SETTINGS, showAll: true, groupBy: 'code' });
    expect(s().dataset().visibleRequestCount()).toBe(2);
    expect(s().dataset().groups()).not.toBeNull();
    expect(saved).toEqual([]);
  });

  it('preserve log is a setting the background is told about, now and after the next snapshot', () => {
    const { s, sent } = setup();
    s().receive(snapshot());
    s().setPreserve(true);
    expect(s().preserve).toBe(true);
    expect(s().settings.preserveLog).toBe(true);
    // The snapshot says the tab's flag; the panel's setting wins.
    s().receive(snapshot());
    expect(s().preserve).toBe(true);
    s().loadSettings({ ...DEFAULT_SETTINGS, preserveLog: false });
    expect(s().preserve).toBe(false);
    expect(sent.map((m) => [m.type, m.payload])).toEqual([
      ['panel/set-preserve', { tabId: TAB, preserve: false }],
      ['panel/set-preserve', { tabId: TAB, preserve: true }],
      ['panel/set-preserve', { tabId: TAB, preserve: false }],
    ]);
  });
});
