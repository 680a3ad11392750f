// bytesPerRecord: the background's retained heap per stored record, from real traffic.
// DevTools stays closed, so records hold no bodies (webRequest only). The figure is a slope between
// two points (after `first` and after `first + more` requests), so the store's fixed costs cancel.
import type { PanelSession } from '../harness/index';
import { workerCdp, type Cdp } from './cdp';
import { round } from './stats';

export interface MemoryFigures {
  bytesPerRecord: number;
  detail: {
    records: number;
    heapDeltaBytes: number;
    samples: number[];
    failuresShare: number;
    /** JSON length of a typical stored record's parts (the heap figure's main contributors). */
    recordJsonChars: Record<string, number>;
  };
}

/** Median JSON length per top-level part of the stored records (exchange, classification, …). */
function recordParts(arg: { fields: string[] }): Record<string, number> {
  const debug = (globalThis as any).faultlineDebug;
  const tab = debug.tabs().sort((a: any, b: any) => b.records - a.records)[0];
  const records = debug.records(tab.tabId).filter((r: any) => r.kind === 'request');
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1] ?? 0;
  const out: Record<string, number> = { whole: med(records.map((r: any) => JSON.stringify(r).length)) };
  for (const path of arg.fields) {
    const [a, b] = path.split('.');
    out[path] = med(records.map((r: any) => JSON.stringify(b ? (r[a]?.[b] ?? null) : (r[a] ?? null)).length));
  }
  return out;
}

async function settledHeap(cdp: Cdp, session: PanelSession): Promise<number> {
  await session.backgroundEval(async () => {
    const debug = (globalThis as any).faultlineDebug;
    if (debug?.flush) await debug.flush();
    return true;
  });
  // Two collections: the first may only schedule finalizers and weak callbacks.
  let used = Infinity;
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await new Promise((r) => setTimeout(r, 150));
    used = Math.min(used, (await cdp.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize);
  }
  return used;
}

async function storedRecords(session: PanelSession): Promise<{ records: number; failures: number }> {
  return session.backgroundEval(() => {
    const tabs = (globalThis as any).faultlineDebug.tabs() as Array<{ records: number; failures: number }>;
    return tabs.reduce((a, t) => ({ records: a.records + t.records, failures: a.failures + t.failures }), {
      records: 0,
      failures: 0,
    });
  });
}

async function burst(session: PanelSession, n: number): Promise<void> {
  const got = await session.pageEval(
    (count: number) => (window as any).faultlineDemo.burst(count) as Promise<number>,
    n,
  );
  if (got !== n) throw new Error(`burst answered ${got} of ${n}`);
}

export async function runMemoryBench(
  session: PanelSession,
  opts: { first?: number; more?: number; log?: (s: string) => void } = {},
): Promise<MemoryFigures> {
  const log = opts.log ?? (() => {});
  const first = opts.first ?? 1000;
  const more = opts.more ?? 4000;
  const cdp = await workerCdp(session);
  try {
    await burst(session, 200); // warm-up: the tab's store exists and the code is compiled
    await burst(session, first - 200);
    const a = await storedRecords(session);
    const heapA = await settledHeap(cdp, session);
    const samples: number[] = [];
    const step = more / 4;
    let last = { records: a.records, heap: heapA };
    for (let i = 0; i < 4; i++) {
      await burst(session, step);
      const r = await storedRecords(session);
      const h = await settledHeap(cdp, session);
      samples.push(round((h - last.heap) / Math.max(1, r.records - last.records), 0));
      last = { records: r.records, heap: h };
    }
    const b = await storedRecords(session);
    const records = b.records - a.records;
    const delta = last.heap - heapA;
    log(`memory: ${records} records added, heap +${(delta / 1024).toFixed(0)} KiB`);
    const recordJsonChars = await session.backgroundEval(recordParts, {
      fields: [
        'exchange',
        'classification',
        'exchange.requestHeaders',
        'exchange.responseHeaders',
        'exchange.url',
        'classification.status',
        'classification.backoff',
        'classification.action',
        'classification.notes',
        'classification.requestIdHeaders',
      ],
    });
    return {
      bytesPerRecord: Math.round(delta / Math.max(1, records)),
      detail: {
        records,
        heapDeltaBytes: delta,
        samples,
        failuresShare: round(b.failures / Math.max(1, b.records), 2),
        recordJsonChars,
      },
    };
  } finally {
    await cdp.detach();
  }
}
