// The reconnecting port's logic, free of browser globals so it runs under vitest with a fake runtime.
// A runtime port that survives the background going away: Chrome stops its service worker when idle
// (or through CDP), Firefox suspends its event page. On disconnect it reconnects with backoff and
// buffers posts meanwhile; when the extension itself was reloaded or updated, this page is orphaned
// and can never reconnect, which it reports once through onContextInvalidated.
import type { Envelope } from '../protocol/messages';

export interface ReconnectingHandlers {
  onMessage(msg: unknown): void;
  /** On every (re)connect — the panel sends 'panel/hello' here. */
  onConnect?(): void;
  onDisconnect?(): void;
  /** Extension reloaded/updated: the page shows "reopen DevTools". */
  onContextInvalidated?(): void;
}

export interface ReconnectingPort {
  post(msg: Envelope): void;
  close(): void;
}

/** The slice of a runtime port this adapter uses. */
export interface ClientPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: (port: unknown) => void): void };
  /** Firefox: why the port closed. */
  error?: { message?: string } | null;
}

/** The slice of `runtime` this adapter uses; a fake in tests. */
export interface ClientRuntime {
  /** Undefined once the extension context is invalidated (Chrome). */
  readonly id: string | undefined;
  connect(info: { name: string }): ClientPort;
  /** Chrome's runtime.lastError message, read inside onDisconnect. */
  lastErrorMessage(): string | undefined;
}

export interface ReconnectOptions {
  /** Delays before reconnect attempts 1, 2, …; the last one repeats. */
  backoffMs?: readonly number[];
  /** Posts kept while disconnected; the oldest are dropped beyond this. */
  maxBuffer?: number;
  /** A connection that lived this long resets the backoff. */
  healthyAfterMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export const DEFAULT_BACKOFF_MS = [50, 100, 250, 500, 1000, 2000] as const;

const INVALIDATED = /context invalidated|extension context|Extension has been reloaded/i;

export function isContextInvalidatedError(message: string | undefined | null): boolean {
  return typeof message === 'string' && INVALIDATED.test(message);
}

/** The testable core of connectReconnecting. */
export function createReconnectingPort(
  runtime: ClientRuntime,
  name: string,
  handlers: ReconnectingHandlers,
  options: ReconnectOptions = {},
): ReconnectingPort & { readonly bufferedCount: number; readonly droppedCount: number } {
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const maxBuffer = options.maxBuffer ?? 5000;
  const healthyAfterMs = options.healthyAfterMs ?? 2000;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));

  let port: ClientPort | null = null;
  let closed = false;
  let invalidated = false;
  let attempt = 0;
  let retryTimer: unknown = null;
  let healthyTimer: unknown = null;
  const buffer: Envelope[] = [];
  let dropped = 0;
  let greeting = false;

  const contextValid = (): boolean => {
    try {
      return typeof runtime.id === 'string' && runtime.id !== '';
    } catch {
      return false;
    }
  };

  const invalidate = (): void => {
    if (invalidated) return;
    invalidated = true;
    port = null;
    handlers.onContextInvalidated?.();
  };

  const enqueue = (msg: Envelope): void => {
    buffer.push(msg);
    if (buffer.length > maxBuffer) {
      buffer.splice(0, buffer.length - maxBuffer);
      dropped++;
    }
  };

  const scheduleReconnect = (): void => {
    if (closed || invalidated || retryTimer !== null) return;
    const delay = backoff[Math.min(attempt, backoff.length - 1)] ?? 1000;
    attempt++;
    retryTimer = setTimer(() => {
      retryTimer = null;
      connect();
    }, delay);
  };

  const flush = (): void => {
    while (port && buffer.length) {
      const msg = buffer[0];
      try {
        port.postMessage(msg);
        buffer.shift();
      } catch (error) {
        lost(error);
        return;
      }
    }
  };

  /** The current port is unusable (disconnected or threw). */
  const lost = (error?: unknown): void => {
    const message = error instanceof Error ? error.message : typeof error === 'string' ? error : undefined;
    port = null;
    if (healthyTimer !== null) {
      clearTimer(healthyTimer);
      healthyTimer = null;
    }
    if (closed) return;
    if (!contextValid() || isContextInvalidatedError(message)) {
      invalidate();
      return;
    }
    handlers.onDisconnect?.();
    scheduleReconnect();
  };

  function connect(): void {
    if (closed || invalidated) return;
    if (!contextValid()) {
      invalidate();
      return;
    }
    let next: ClientPort;
    try {
      next = runtime.connect({ name });
    } catch (error) {
      lost(error);
      return;
    }
    port = next;
    next.onMessage.addListener((message) => {
      if (port !== next) return;
      attempt = 0;
      handlers.onMessage(message);
    });
    next.onDisconnect.addListener(() => {
      if (port !== next) return;
      const reason = runtime.lastErrorMessage() ?? next.error?.message ?? undefined;
      lost(reason);
    });
    healthyTimer = setTimer(() => {
      healthyTimer = null;
      if (port === next) attempt = 0;
    }, healthyAfterMs);
    // What onConnect posts (the panel's hello) goes ahead of what was buffered while disconnected.
    greeting = true;
    try {
      handlers.onConnect?.();
    } finally {
      greeting = false;
    }
    flush();
  }

  connect();

  return {
    post(msg: Envelope): void {
      if (closed || invalidated) return;
      if (!port) {
        enqueue(msg);
        return;
      }
      if (buffer.length && !greeting) {
        enqueue(msg);
        flush();
        return;
      }
      try {
        port.postMessage(msg);
      } catch (error) {
        enqueue(msg);
        lost(error);
      }
    },
    close(): void {
      closed = true;
      if (retryTimer !== null) clearTimer(retryTimer);
      if (healthyTimer !== null) clearTimer(healthyTimer);
      retryTimer = healthyTimer = null;
      const current = port;
      port = null;
      try {
        current?.disconnect();
      } catch {
        /* already gone */
      }
    },
    get bufferedCount() {
      return buffer.length;
    },
    get droppedCount() {
      return dropped;
    },
  };
}
