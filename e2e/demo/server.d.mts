// Types for server.mjs (plain JavaScript so it runs without a build step).

export interface DemoLogEntry {
  method: string;
  /** The request target as sent: pathname plus query string. */
  path: string;
  /** Date.now() when the request arrived. */
  at: number;
  /** Set once the response has been sent. */
  status?: number;
  origin?: string;
  referer?: string;
}

export interface DemoServer {
  /** e.g. http://127.0.0.1:5173 */
  url: string;
  port: number;
  /** A URL on 127.0.0.1 where nothing listens (a real "connection refused"). */
  refusedUrl: string;
  /** Every request served, in arrival order. The same array for the server's lifetime. */
  log: DemoLogEntry[];
  resetLog(): void;
  /** Requests to /api/xss-beacon: any hit means a hostile payload ran or was rendered as HTML. */
  xssBeaconHits(): number;
  close(): Promise<void>;
}

export interface DemoServerOptions {
  port?: number;
  /** Only 127.0.0.1 is accepted. */
  host?: string;
  /** Force the closed port used for the connection-refused case. */
  refusedPort?: number;
}

export function startDemoServer(options?: DemoServerOptions): Promise<DemoServer>;
export function findRefusedPort(): Promise<number>;
/** Status of /api/burst/<n>: 404 when n % 10 === 3, 500 when n % 10 === 7, otherwise 200. */
export function burstStatus(n: number): number;
export const SEED_CASES_URL: URL;
export const AUDIT_SCENARIOS: Readonly<
  Record<
    'rate-limited' | 'flaky' | 'validation' | 'unauthorized' | 'locked' | 'create',
    {
      failStatus: number;
      failures: number;
      successStatus: number;
      headers: Record<string, string>;
      method?: string;
    }
  >
>;
export const RETRY_GARBAGE_VALUES: Readonly<Record<'negative' | 'overflow' | 'word' | 'year-9999' | 'epoch', string>>;
