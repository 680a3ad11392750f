// Sustained traffic from the demo page, for the store's e2e and the soak bench: a burst as fast as
// the page can go, then a steady rate. Request n goes to /api/soak/<n>; its kind follows n:
//   n % 20 in 0..3  a failure (400, 404, 429, 500, 503 in turn) with a JSON body of 300 B to maxBodyBytes
//   n % 20 == 4     a network failure (a refused connection)
//   otherwise       a 200 with a tiny body
// In the burst every request is a failure with a body (as in issue 19's run). The page counts the
// requests it made; evaluate `startTraffic` once, then poll `trafficState`.
import type { RemoteFn } from './types';

export interface TrafficPlan {
  /** Requests fired as fast as `burstConcurrency` allows, all failures with bodies. */
  burst: number;
  burstConcurrency: number;
  /** Requests after the burst, at `ratePerSecond`. */
  steady: number;
  ratePerSecond: number;
  /** Failure bodies are 300 B up to this many characters. */
  maxBodyBytes: number;
  /** A URL whose connection is refused (the demo server's refusedUrl). */
  refusedUrl: string;
  /** Numbering starts here (a second run in the same page continues the numbers). */
  firstIndex?: number;
}

export interface TrafficState {
  made: number;
  answered: number;
  networkErrors: number;
  /** Requests still waiting for their response. */
  inFlight: number;
  phase: 'burst' | 'steady' | 'done';
  elapsedMs: number;
  /** ms since the start when the burst ended, or null. */
  burstEndedMs: number | null;
}

/** Starts the traffic in the page; resolves at once. */
export const startTraffic: RemoteFn<TrafficPlan, boolean> = (plan) => {
  const w = window as unknown as { __traffic?: TrafficState & { startedAt: number } };
  const state = {
    made: 0,
    answered: 0,
    networkErrors: 0,
    inFlight: 0,
    phase: 'burst' as TrafficState['phase'],
    elapsedMs: 0,
    burstEndedMs: null as number | null,
    startedAt: performance.now(),
  };
  w.__traffic = state;
  // When each request was made and settled (ms from the start, by n), so a test can place one it lost against a stop.
  const times: Array<[made: number, settled: number | null]> = [];
  (window as unknown as { __trafficTimes?: typeof times }).__trafficTimes = times;
  const statuses = [400, 404, 429, 500, 503];
  const urlOf = (n: number, failure: boolean): string => {
    const kind = n % 20;
    if (!failure && kind === 4) return plan.refusedUrl;
    if (!failure && kind > 4) return `/api/soak/${n}`;
    // 300 B to maxBodyBytes, spread by a multiplicative hash of n so sizes do not follow the order.
    const bytes = 300 + (((n * 2654435761) % 4294967296) % Math.max(1, plan.maxBodyBytes - 300));
    return `/api/soak/${n}?status=${statuses[n % statuses.length]}&bytes=${bytes}`;
  };
  const fire = async (n: number, failure: boolean): Promise<void> => {
    state.made++;
    state.inFlight++;
    const time: [number, number | null] = [Math.round(performance.now() - state.startedAt), null];
    times[n - (plan.firstIndex ?? 0)] = time;
    try {
      const response = await fetch(urlOf(n, failure), { cache: 'no-store' });
      await response.text();
      state.answered++;
    } catch {
      state.networkErrors++;
    } finally {
      time[1] = Math.round(performance.now() - state.startedAt);
      state.inFlight--;
    }
  };
  const first = plan.firstIndex ?? 0;
  void (async () => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < plan.burst) await fire(first + next++, true);
    };
    await Promise.all(Array.from({ length: Math.min(plan.burstConcurrency, plan.burst) }, worker));
    state.burstEndedMs = performance.now() - state.startedAt;
    state.phase = 'steady';
    const steadyStart = performance.now();
    const pending: Array<Promise<void>> = [];
    for (let i = 0; i < plan.steady; i++) {
      const due = steadyStart + (i * 1000) / plan.ratePerSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(fire(first + plan.burst + i, false));
    }
    await Promise.all(pending);
    state.phase = 'done';
  })();
  return true;
};

/** When requests `from`..`to` (by n from the first) were made and settled, ms from the start of the traffic. */
export const trafficTimes: RemoteFn<{ from: number; to: number }, Array<[number, number, number | null]>> = (arg) => {
  const times = (window as unknown as { __trafficTimes?: Array<[number, number | null]> }).__trafficTimes ?? [];
  const out: Array<[number, number, number | null]> = [];
  for (let n = arg.from; n <= arg.to && n < times.length; n++) if (times[n]) out.push([n, times[n][0], times[n][1]]);
  return out;
};

export const trafficState: RemoteFn<void, TrafficState | null> = () => {
  const state = (window as unknown as { __traffic?: TrafficState & { startedAt: number } }).__traffic;
  if (!state) return null;
  const { startedAt, ...rest } = state;
  return { ...rest, elapsedMs: Math.round(performance.now() - startedAt) };
};
