// Chrome's own network log of one tab, read over CDP: the Network domain on the page and, through
// Target.setAutoAttach with flatten, on every worker and out-of-process iframe it starts. Playwright's
// CDPSession drops the events of flattened child sessions, so this speaks CDP itself over a
// WebSocket to the browser's --remote-debugging-port.
import { createServer } from 'node:net';
import WebSocket from 'ws';

/** One row of Chrome's Network panel: each redirect hop is its own row, as there. */
export interface ChromeRequest {
  requestId: string;
  method: string;
  url: string;
  /** Chrome's resource type (Fetch, Document, Stylesheet, Font, Ping, EventSource, WebSocket, Preflight…). */
  type: string;
  /** The response status; 0 when none arrived. */
  status: number;
  /** loadingFailed's errorText (net::ERR_…), when it failed. */
  errorText?: string;
  canceled?: boolean;
  /** loadingFailed's corsErrorStatus.corsError (MissingAllowOriginHeader, PreflightInvalidStatus…). */
  corsError?: string;
  /** responseReceivedExtraInfo's status, which the Network panel shows (304 for a revalidation). */
  wireStatus?: number;
  /** Whether Chrome saw it end (loadingFinished, loadingFailed, a redirect, a WebSocket handshake). */
  done: boolean;
  /** The CDP target type whose session reported it (page, iframe, worker). */
  target: string;
}

export interface ChromeNetworkLog {
  /** Every row so far, in the order Chrome started them. */
  requests(): ChromeRequest[];
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1, for --remote-debugging-port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

interface Message {
  id?: number;
  method?: string;
  params?: any;
  sessionId?: string;
  result?: any;
  error?: { message: string };
}

/**
 * Attaches to the page target `targetId` on the browser at `port` and records its network log from
 * now on (attach before the page loads what is to be compared).
 */
export async function recordChromeNetwork(port: number, targetId: string): Promise<ChromeNetworkLog> {
  const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
    webSocketDebuggerUrl: string;
  };
  const socket = new WebSocket(version.webSocketDebuggerUrl, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });

  let lastId = 0;
  const pending = new Map<number, { resolve(v: any): void; reject(e: Error): void; method: string }>();
  const sessionTargets = new Map<string, string>();
  const rows: ChromeRequest[] = [];
  /** The open (latest) hop of each request id. */
  const open = new Map<string, ChromeRequest>();

  const send = (method: string, params: object = {}, sessionId?: string): Promise<any> => {
    const id = ++lastId;
    socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise((resolve, reject) => pending.set(id, { resolve, reject, method }));
  };

  const instrument = async (sessionId: string): Promise<void> => {
    await send('Network.enable', {}, sessionId);
    await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, sessionId);
    // Harmless for a target that is not waiting.
    await send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => {});
  };

  const start = (requestId: string, method: string, url: string, type: string, sessionId: string): void => {
    const row: ChromeRequest = {
      requestId,
      method,
      url,
      type,
      status: 0,
      done: false,
      target: sessionTargets.get(sessionId) ?? '?',
    };
    rows.push(row);
    open.set(requestId, row);
  };

  const onEvent = (message: Message): void => {
    const { method = '', params, sessionId = '' } = message;
    switch (method) {
      case 'Target.attachedToTarget': {
        sessionTargets.set(params.sessionId, params.targetInfo.type);
        void instrument(params.sessionId).catch(() => {});
        break;
      }
      case 'Network.requestWillBeSent': {
        const previous = open.get(params.requestId);
        if (previous && params.redirectResponse) {
          // The same request id goes on: the hop before it ends with its 3xx.
          previous.status = params.redirectResponse.status;
          previous.done = true;
        } else if (previous) {
          // Reported by a second session (a worker's request seen by the page too): one row.
          break;
        }
        start(params.requestId, params.request.method, params.request.url, params.type ?? 'Other', sessionId);
        break;
      }
      case 'Network.responseReceived': {
        const row = open.get(params.requestId);
        if (row) {
          row.status = params.response.status;
          row.type = params.type ?? row.type;
        }
        break;
      }
      case 'Network.responseReceivedExtraInfo': {
        // The status on the wire: a revalidated response is 304 here and 200 in responseReceived, and
        // the Network panel shows 304. Redirect hops already have theirs (redirectResponse).
        const row = open.get(params.requestId);
        if (row && params.statusCode && !REDIRECTS.has(params.statusCode)) row.wireStatus = params.statusCode;
        break;
      }
      case 'Network.loadingFinished': {
        const row = open.get(params.requestId);
        if (row) row.done = true;
        break;
      }
      case 'Network.loadingFailed': {
        const row = open.get(params.requestId);
        if (row) {
          row.done = true;
          row.errorText = params.errorText;
          if (params.canceled) row.canceled = true;
          if (params.corsErrorStatus?.corsError) row.corsError = params.corsErrorStatus.corsError;
          row.type = params.type ?? row.type;
        }
        break;
      }
      case 'Network.webSocketCreated': {
        start(params.requestId, 'GET', params.url, 'WebSocket', sessionId);
        break;
      }
      case 'Network.webSocketHandshakeResponseReceived': {
        const row = open.get(params.requestId);
        if (row) {
          row.status = params.response.status;
          row.done = true;
        }
        break;
      }
      case 'Network.webSocketFrameError': {
        const row = open.get(params.requestId);
        if (row) row.errorText = params.errorMessage;
        break;
      }
      default:
        // Every other event (and a reply without a method) says nothing about the request list.
        break;
    }
  };

  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Message;
    if (message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(`${waiter.method}: ${message.error.message}`));
      else waiter?.resolve(message.result);
      return;
    }
    onEvent(message);
  });

  const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as {
    sessionId: string;
  };
  sessionTargets.set(sessionId, 'page');
  await instrument(sessionId);

  return {
    requests: () =>
      rows.map(({ wireStatus, ...r }) => ({ ...r, status: wireStatus && r.status ? wireStatus : r.status })),
    close: async () => {
      await send('Target.detachFromTarget', { sessionId }).catch(() => {});
      socket.close();
    },
  };
}
