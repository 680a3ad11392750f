import { describe, expect, it } from 'vitest';
import { envelope, type Envelope } from '../protocol/messages';
import {
  createReconnectingPort,
  isContextInvalidatedError,
  type ClientPort,
  type ClientRuntime,
} from './reconnecting-port';

class FakeClientPort implements ClientPort {
  readonly posted: unknown[] = [];
  private onMsg: Array<(m: unknown) => void> = [];
  private onDisc: Array<(p: unknown) => void> = [];
  broken = false;
  error: { message?: string } | null = null;
  postMessage(message: unknown): void {
    if (this.broken) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(message);
  }
  disconnect(): void {
    this.broken = true;
  }
  onMessage = { addListener: (cb: (m: unknown) => void) => void this.onMsg.push(cb) };
  onDisconnect = { addListener: (cb: (p: unknown) => void) => void this.onDisc.push(cb) };
  deliver(message: unknown): void {
    for (const cb of this.onMsg) cb(message);
  }
  /** The background went away (worker stopped). */
  drop(): void {
    this.broken = true;
    for (const cb of this.onDisc) cb(this);
  }
}

class FakeRuntime implements ClientRuntime {
  id: string | undefined = 'ext-id';
  ports: FakeClientPort[] = [];
  lastError: string | undefined;
  throwOnConnect: Error | null = null;
  connect(): ClientPort {
    if (this.throwOnConnect) throw this.throwOnConnect;
    const port = new FakeClientPort();
    this.ports.push(port);
    return port;
  }
  lastErrorMessage(): string | undefined {
    return this.lastError;
  }
  get current(): FakeClientPort {
    return this.ports[this.ports.length - 1];
  }
}

/** Timers run by hand, recording the delays asked for. */
function manualTimers() {
  const queue: Array<{ fn: () => void; ms: number; id: number }> = [];
  let id = 0;
  return {
    delays: [] as number[],
    setTimer(fn: () => void, ms: number) {
      this.delays.push(ms);
      queue.push({ fn, ms, id: ++id });
      return id;
    },
    clearTimer(handle: unknown) {
      const i = queue.findIndex((t) => t.id === handle);
      if (i >= 0) queue.splice(i, 1);
    },
    /** Runs the earliest-scheduled reconnect timer (the healthy timers are long). */
    fireShortest() {
      if (!queue.length) return false;
      const i = queue.reduce((best, t, j) => (t.ms < queue[best].ms ? j : best), 0);
      const [t] = queue.splice(i, 1);
      t.fn();
      return true;
    },
    fireAll() {
      while (queue.length) queue.shift()!.fn();
    },
  };
}

const hello = (n: number): Envelope => envelope('panel/hello', { tabId: n, protocol: 1 });
const clear = (n: number): Envelope => envelope('panel/clear', { tabId: n });

function setup(opts: { backoffMs?: number[]; maxBuffer?: number } = {}) {
  const runtime = new FakeRuntime();
  const timers = manualTimers();
  const log: string[] = [];
  const received: unknown[] = [];
  // Declared before it is assigned: the handlers below reach it once it is.
  let port!: ReturnType<typeof createReconnectingPort>;
  // eslint-disable-next-line prefer-const
  port = createReconnectingPort(
    runtime,
    'faultline-panel:1',
    {
      onMessage: (m) => received.push(m),
      onConnect: () => {
        log.push('connect');
        port?.post(hello(1));
      },
      onDisconnect: () => log.push('disconnect'),
      onContextInvalidated: () => log.push('invalidated'),
    },
    {
      backoffMs: opts.backoffMs ?? [10, 20, 40],
      healthyAfterMs: 10_000,
      maxBuffer: opts.maxBuffer,
      setTimer: timers.setTimer.bind(timers),
      clearTimer: timers.clearTimer.bind(timers),
    },
  );
  return { runtime, timers, log, received, port };
}

describe('createReconnectingPort', () => {
  it('connects at once and calls onConnect, where the panel says hello', () => {
    const { runtime, log } = setup();
    expect(runtime.ports).toHaveLength(1);
    expect(log).toEqual(['connect']);
  });

  it('delivers incoming messages to onMessage', () => {
    const { runtime, received } = setup();
    runtime.current.deliver({ type: 'x' });
    expect(received).toEqual([{ type: 'x' }]);
  });

  it('reconnects after the background goes away, says hello again, then sends what was buffered, in order', () => {
    const { runtime, timers, log, port } = setup();
    runtime.current.drop();
    expect(log).toEqual(['connect', 'disconnect']);
    port.post(clear(1));
    port.post(clear(2));
    expect(port.bufferedCount).toBe(2);
    timers.fireShortest();
    expect(runtime.ports).toHaveLength(2);
    expect(runtime.current.posted).toEqual([hello(1), clear(1), clear(2)]);
    expect(port.bufferedCount).toBe(0);
  });

  it('backs off between failed attempts and resets once messages flow', () => {
    const { runtime, timers, port } = setup({ backoffMs: [10, 20, 40] });
    timers.delays.length = 0;
    for (let i = 0; i < 4; i++) {
      runtime.current.drop();
      timers.fireShortest();
    }
    expect(timers.delays.filter((d) => d < 10_000)).toEqual([10, 20, 40, 40]);
    runtime.current.deliver('snapshot');
    timers.delays.length = 0;
    runtime.current.drop();
    expect(timers.delays.filter((d) => d < 10_000)).toEqual([10]);
    port.close();
  });

  it('buffers a post that hits a dead port and retries it on the next connection', () => {
    const { runtime, timers, port } = setup();
    runtime.current.broken = true; // died without onDisconnect yet
    port.post(clear(7));
    timers.fireShortest();
    expect(runtime.current.posted).toContainEqual(clear(7));
  });

  it('keeps at most maxBuffer posts, dropping the oldest', () => {
    const { runtime, timers, port } = setup({ maxBuffer: 2 });
    runtime.current.drop();
    port.post(clear(1));
    port.post(clear(2));
    port.post(clear(3));
    expect(port.droppedCount).toBe(1);
    timers.fireShortest();
    expect(runtime.current.posted).toEqual([hello(1), clear(2), clear(3)]);
  });

  it('reports an invalidated context once and stops reconnecting (extension reloaded)', () => {
    const { runtime, timers, log, port } = setup();
    runtime.id = undefined;
    runtime.current.drop();
    expect(log).toEqual(['connect', 'invalidated']);
    expect(timers.fireShortest()).toBe(false);
    port.post(clear(1));
    expect(runtime.ports).toHaveLength(1);
  });

  it('treats "Extension context invalidated" from connect as invalidation', () => {
    const { runtime, timers, log } = setup();
    runtime.current.drop();
    runtime.throwOnConnect = new Error('Extension context invalidated.');
    timers.fireShortest();
    expect(log).toEqual(['connect', 'disconnect', 'invalidated']);
  });

  it('treats an invalidated lastError on disconnect as invalidation', () => {
    const { runtime, log } = setup();
    runtime.lastError = 'Extension context invalidated.';
    runtime.current.drop();
    expect(log).toEqual(['connect', 'invalidated']);
  });

  it('close() stops everything', () => {
    const { runtime, timers, port } = setup();
    port.close();
    expect(runtime.current.broken).toBe(true);
    runtime.current.drop();
    timers.fireAll();
    expect(runtime.ports).toHaveLength(1);
  });

  it('recognizes invalidation messages', () => {
    expect(isContextInvalidatedError('Extension context invalidated.')).toBe(true);
    expect(isContextInvalidatedError('Could not establish connection. Receiving end does not exist.')).toBe(false);
    expect(isContextInvalidatedError(undefined)).toBe(false);
  });
});
