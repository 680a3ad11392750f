import { describe, expect, it } from 'vitest';
import { envelope, type Envelope } from '../../protocol/messages';
import { manyFailures, stats } from '../testing';
import { createPanelStore } from './panel-store';
import { setupStore as setup, snapshot, TAB } from './store-harness';

// Each concern is tested beside its slice (slices/*.test.ts); these test the composition.
describe('panel store', () => {
  it('starts empty and connecting, with every slice present', () => {
    const { s } = setup();
    expect(s()).toMatchObject({
      connection: 'connecting',
      ready: false,
      view: 'live',
      filterText: '',
      revision: 0,
      auditFindings: 0,
      imported: null,
      banner: null,
      toast: null,
    });
    expect(s().dataset().size).toBe(0);
  });

  it('posts nothing before a port is plugged in; then posts through it', () => {
    const store = createPanelStore({ tabId: TAB });
    store.getState().receive(snapshot());
    store.getState().clear(); // dropped: no port yet
    const sent: Envelope[] = [];
    store.setSender((m) => sent.push(m));
    store.getState().receive(envelope('bg/upsert', { tabId: TAB, records: manyFailures(1, 9), stats: stats() }));
    store.getState().clear();
    expect(sent.map((m) => m.type)).toEqual(['panel/clear']);
    store.setSender(null);
    store.getState().clear();
    expect(sent.length).toBe(1);
  });

  it('a change in one slice publishes the counts another reads', () => {
    const { s } = setup();
    s().receive(snapshot(manyFailures(10)));
    expect([s().shown, s().failures, s().total]).toEqual([10, 10, 10]);
    s().setFilterText('status:404');
    expect(s().shown).toBe(manyFailures(10).filter((r) => r.exchange.status === 404).length);
    expect(s().total).toBe(10);
  });
});
