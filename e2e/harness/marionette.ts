// A minimal Marionette client (Firefox's own remote protocol: TCP, packets `<bytes>:<json>`). On Firefox releases
// whose WebDriver BiDi has no chrome contexts (`moz:scope` arrived after ESR 140) it creates the session
// (with its BiDi WebSocket) and evaluates in the browser window's chrome scope. Commands: [0, id, name,
// params]; replies: [1, id, error, result].
import net from 'node:net';

interface Pending {
  resolve: (value: any) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class MarionetteClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private greeted!: () => void;
  private readonly hello = new Promise<void>((resolve) => (this.greeted = resolve));
  private sawHello = false;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('close', () => this.failAll(new Error('Marionette connection closed')));
    socket.on('error', (error) => this.failAll(error));
  }

  /** Connects to a Marionette server, retrying until it listens (it starts after the browser's window). */
  static async connect(port: number, timeoutMs: number): Promise<MarionetteClient> {
    const deadline = Date.now() + timeoutMs;
    let lastError: Error | undefined;
    while (Date.now() < deadline) {
      try {
        const socket = await new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect(port, '127.0.0.1', () => resolve(s));
          s.once('error', reject);
        });
        const client = new MarionetteClient(socket);
        await Promise.race([
          client.hello,
          new Promise((_, reject) => setTimeout(() => reject(new Error('no Marionette greeting')), 10_000)),
        ]);
        return client;
      } catch (error) {
        lastError = error as Error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    throw new Error(`Could not reach Marionette on port ${port}: ${lastError?.message ?? 'timeout'}`);
  }

  /** Sends one command and resolves with its result (rejects with the server's error). */
  send(name: string, params: object, timeoutMs = 60_000): Promise<any> {
    const id = this.nextId++;
    const json = Buffer.from(JSON.stringify([0, id, name, params]), 'utf8');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`Marionette ${name} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.socket.write(Buffer.concat([Buffer.from(`${json.length}:`, 'ascii'), json]));
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'));
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(colon + 1 + length);
      if (!this.sawHello) {
        this.sawHello = true;
        this.greeted();
        continue;
      }
      const [, id, error, result] = packet as [number, number, { error: string; message: string } | null, any];
      const waiter = this.pending.get(id);
      if (!waiter) continue;
      this.pending.delete(id);
      clearTimeout(waiter.timer);
      if (error) waiter.reject(new Error(`${error.error}: ${error.message}`));
      else waiter.resolve(result);
    }
  }

  private failAll(error: Error): void {
    for (const [id, waiter] of this.pending) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
      this.pending.delete(id);
    }
  }
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
