// A PanelPlatform without a browser extension: the panel is designed in a plain page (npm run
// dev:panel) against records made by the real classifier from the format fixtures. The port
// answers the panel's hello with a snapshot and, when asked, streams new failures.
import { classify } from '../../core/classify';
import type { Exchange } from '../../core/types';
import { envelope, parseEnvelope, type CaptureStats, type Envelope, type RequestRecord } from '../../protocol/messages';
import type { PanelPlatform, PortHandlers } from '../platform-types';

export const DEV_TAB_ID = 1;

export interface DevOptions {
  /** Records in the first snapshot: the fixtures, repeated as needed. */
  count: number;
  /** Milliseconds between streamed failures; 0 for none. */
  liveEveryMs: number;
  theme: 'dark' | 'default';
  browserName: 'chrome' | 'firefox';
}

export function devOptions(search: string): DevOptions {
  const q = new URLSearchParams(search);
  return {
    count: Math.max(0, Number(q.get('n') ?? 0) || 0),
    liveEveryMs: Math.max(0, Number(q.get('live') ?? 0) || 0),
    theme: q.get('theme') === 'dark' ? 'dark' : 'default',
    browserName: q.get('browser') === 'firefox' ? 'firefox' : 'chrome',
  };
}

/** Records of the given exchanges, classified for real, numbered from `startSeq`. */
export function recordsOf(exchanges: readonly Exchange[], count: number, startSeq: number): RequestRecord[] {
  const n = Math.max(count, exchanges.length);
  const records: RequestRecord[] = [];
  for (let i = 0; i < n; i++) {
    const seq = startSeq + i;
    const exchange: Exchange = {
      ...exchanges[i % exchanges.length],
      startedAt: Date.now() - (n - i) * 1000,
      durationMs: 40 + (i % 7) * 30,
    };
    records.push({
      kind: 'request',
      id: `dev:${seq}`,
      tabId: DEV_TAB_ID,
      seq,
      exchange,
      classification: classify(exchange),
      bodyState: exchange.body === undefined ? 'not-captured' : exchange.body === '' ? 'empty' : 'captured',
      sources: ['devtools'],
    });
  }
  return records;
}

export function createDevPlatform(exchanges: readonly Exchange[], options: DevOptions): PanelPlatform {
  let settings: unknown = JSON.parse(localStorage.getItem('faultline-dev-settings') ?? 'null') ?? undefined;
  let records = recordsOf(exchanges, options.count, 1);
  const stats = (): CaptureStats => ({
    seen: records.length,
    droppedRecords: 0,
    truncatedBodies: 0,
    droppedBodies: 0,
    bodiesArriving: true,
  });

  return {
    tabId: DEV_TAB_ID,
    browserName: options.browserName,
    version: 'dev',
    themeName: () => options.theme,
    onThemeChanged: () => () => undefined,
    loadSettings: async () => settings,
    async saveSettings(next) {
      settings = next;
      localStorage.setItem('faultline-dev-settings', JSON.stringify(next));
    },
    connect(handlers: PortHandlers) {
      let timer: ReturnType<typeof setInterval> | undefined;
      const send = (msg: Envelope): void => queueMicrotask(() => handlers.onMessage(msg));
      queueMicrotask(() => handlers.onConnect?.());
      if (options.liveEveryMs > 0) {
        timer = setInterval(() => {
          const next = recordsOf([exchanges[records.length % exchanges.length]], 1, records.length + 1);
          records = [...records, ...next];
          send(envelope('bg/upsert', { tabId: DEV_TAB_ID, records: next, stats: stats() }));
        }, options.liveEveryMs);
      }
      return {
        post(msg) {
          const parsed = parseEnvelope(msg);
          if (!parsed) return;
          if (parsed.type === 'panel/hello')
            send(envelope('bg/snapshot', { tabId: DEV_TAB_ID, records, stats: stats(), preserve: false }));
          if (parsed.type === 'panel/clear') {
            records = [];
            send(envelope('bg/cleared', { tabId: DEV_TAB_ID, stats: stats() }));
          }
        },
        close() {
          if (timer) clearInterval(timer);
        },
      };
    },
  };
}
