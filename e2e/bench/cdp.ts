// CDP access beyond the PanelSession contract, for profiling and heap figures (Chromium only):
// the panel frame through Playwright, the service worker through the browser target
// (Target.sendMessageToTarget: Playwright gives no CDP session for workers).
import { createWriteStream } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { TRACE_CATEGORIES } from './trace-tasks';
import type { PanelSession } from '../harness/index';

export interface Cdp {
  send<T = any>(method: string, params?: Record<string, unknown>): Promise<T>;
  detach(): Promise<void>;
  /** CDP events (the worker channel only; e.g. HeapProfiler.addHeapSnapshotChunk). */
  on?(method: string, handler: (params: any) => void): void;
}

interface ChromiumInternals {
  page: Page;
  devtoolsPage: Page | undefined;
  panelFrame(): Promise<import('playwright-core').Frame>;
}

function internals(session: PanelSession): ChromiumInternals {
  const s = session as unknown as Partial<ChromiumInternals>;
  if (session.browser !== 'chromium' || !s.page || typeof s.panelFrame !== 'function')
    throw new Error('CDP needs the Chromium harness');
  return s as ChromiumInternals;
}

function wrap(cdp: CDPSession): Cdp {
  return {
    send: (method, params) => cdp.send(method as any, params as any) as Promise<any>,
    detach: () => cdp.detach().catch(() => {}),
  };
}

export async function panelCdp(session: PanelSession): Promise<Cdp> {
  const s = internals(session);
  return wrap(await s.page.context().newCDPSession(await s.panelFrame()));
}

/** The extension's devtools page (it forwards devtools.network entries), inside the open DevTools. */
export async function devtoolsPageCdp(session: PanelSession): Promise<Cdp | null> {
  const s = internals(session);
  const frame = s.devtoolsPage?.frames().find((f) => f.url().startsWith(`${session.extensionOrigin}/src/devtools/`));
  return frame ? wrap(await s.page.context().newCDPSession(frame)) : null;
}

/** A CDP channel to the extension's service worker. */
export async function workerCdp(session: PanelSession): Promise<Cdp> {
  const s = internals(session);
  const browser = s.page.context().browser();
  if (!browser) throw new Error('no browser handle');
  const root = await browser.newBrowserCDPSession();
  const { targetInfos } = (await root.send('Target.getTargets')) as {
    targetInfos: Array<{ targetId: string; type: string; url: string }>;
  };
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(session.extensionOrigin));
  if (!target) throw new Error('the extension service worker target was not found');
  const { sessionId } = (await root.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
    sessionId: string;
  };
  let nextId = 1;
  const waiting = new Map<number, { resolve(v: any): void; reject(e: Error): void }>();
  const handlers = new Map<string, Array<(params: any) => void>>();
  root.on('Target.receivedMessageFromTarget' as any, (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const msg = JSON.parse(event.message) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
      method?: string;
      params?: unknown;
    };
    if (msg.id === undefined) {
      for (const handler of handlers.get(msg.method ?? '') ?? []) handler(msg.params);
      return;
    }
    const w = waiting.get(msg.id);
    if (!w) return;
    waiting.delete(msg.id);
    if (msg.error) w.reject(new Error(msg.error.message));
    else w.resolve(msg.result);
  });
  return {
    send(method, params = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        root
          .send(
            'Target.sendMessageToTarget' as any,
            { sessionId, message: JSON.stringify({ id, method, params }) } as any,
          )
          .catch(reject);
      });
    },
    on(method, handler) {
      handlers.set(method, [...(handlers.get(method) ?? []), handler]);
    },
    async detach() {
      await root.send('Target.detachFromTarget' as any, { sessionId } as any).catch(() => {});
      await root.detach().catch(() => {});
    },
  };
}

/**
 * A Chrome trace of the whole browser (the Tracing domain over the inspected tab's session, as the
 * DevTools Performance panel does), written to a file when stopped.
 */
export async function startTrace(session: PanelSession): Promise<{ stop(file: string): Promise<void> }> {
  const page = (session as unknown as { page: import('playwright-core').Page }).page;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReturnAsStream' });
  return {
    async stop(file) {
      const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
      await cdp.send('Tracing.end');
      const handle = await complete;
      const out = createWriteStream(file);
      for (;;) {
        const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle, size: 1 << 20 });
        out.write(base64Encoded ? Buffer.from(data, 'base64') : data);
        if (eof) break;
      }
      await cdp.send('IO.close', { handle });
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      await cdp.detach();
    },
  };
}
