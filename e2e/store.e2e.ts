// The persisted store under sustained traffic, in both browsers (issue 19): 12,000 requests past the
// 10,000-record cap with the worker stopped mid-traffic, then every request made is either held or
// counted as dropped, exactly, and the records committed before the stop are all back with their
// bodies. A closed tab's rows leave IndexedDB within a minute; a new browser session starts empty.
// FAULTLINE_STORE_BURST / _STEADY / _RATE / _MAX_BODY change the traffic (defaults below).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './demo/server.mjs';
import { waitFor } from './harness/common';
import type { ChromiumPanelSession } from './harness/chromium';
import type { StopReport } from './harness/firefox-agent';
import { launchSession, type BrowserName, type PanelSession } from './harness/index';
import { startTraffic, trafficState, trafficTimes, type TrafficPlan } from './harness/traffic';

const envInt = (name: string, fallback: number) => Math.max(0, Number(process.env[name] ?? fallback) || fallback);
const BURST = envInt('FAULTLINE_STORE_BURST', 10_500);
const STEADY = envInt('FAULTLINE_STORE_STEADY', 1_500);
// 1,500 at 50/s: the steady phase lasts 30 s, and the stop (a fifth in) leaves 24 s of traffic after it
// starts, longer than a stop takes (Firefox's forced suspension 0.02-10 s, Chromium's 0.3-3.5 s under
// load: docs/storage.md), so it lands mid-traffic; the test fails if it does not. At 25/s (60 s) each
// browser's test took 30 s longer.
const RATE = envInt('FAULTLINE_STORE_RATE', 50);
const MAX_BODY = envInt('FAULTLINE_STORE_MAX_BODY', 8_000);

interface Counts {
  /** Request records held (shown and in flight). */
  held: number;
  seen: number;
  droppedRecords: number;
  droppedBodies: number;
  pending: number;
  outcomesLost: number;
  settled: boolean;
}

interface Held {
  id: string;
  seq: number;
  url: string;
  bodyState: string;
  bodyLength: number | null;
  /** Ended as "outcome lost" (restored in flight, its end gone with the stopped background). */
  outcomeLost: boolean;
}

/** Evaluated in the background: the tab's counts. */
function countsIn(tabId: number): Counts | null {
  const debug = (globalThis as any).faultlineDebug;
  if (!debug?.ready) return null;
  const s = debug.stats(tabId);
  if (!s) return null;
  // Counted in the worker: a JSON copy of 10,000 records (with bodies) each second while settling was a cost of its own.
  const held = debug.counts(tabId).requests + s.pending;
  return {
    held,
    seen: s.seen,
    droppedRecords: s.droppedRecords,
    droppedBodies: s.droppedBodies,
    pending: s.pending,
    outcomesLost: s.outcomesLost ?? 0,
    settled: debug.settled(),
  };
}

/** Evaluated in the background: the tab's shown requests whose rows are committed now (no flush: the queue stays as it is). */
function committedIn(tabId: number): Held[] {
  return (globalThis as any).faultlineDebug.committed(tabId);
}

/** Evaluated in the background: the tab's shown requests, small. `flush` first commits everything queued. */
async function heldIn(arg: { tabId: number; flush: boolean }): Promise<Held[]> {
  const debug = (globalThis as any).faultlineDebug;
  if (arg.flush) await debug.flush();
  return debug
    .records(arg.tabId)
    .filter((r: any) => r.kind === 'request')
    .map((r: any) => ({
      id: r.id,
      seq: r.seq,
      url: r.exchange.url,
      bodyState: r.bodyState,
      bodyLength: typeof r.exchange.body === 'string' ? r.exchange.body.length : null,
      outcomeLost: r.exchange.outcomeLost !== undefined,
    }));
}

/** Evaluated in the background: the shown records of these URLs, with what says how each was made. */
function recordsOf(arg: { tabId: number; urls: string[] }): unknown[] {
  const debug = (globalThis as any).faultlineDebug;
  return debug
    .records(arg.tabId)
    .filter((r: any) => r.kind === 'request' && arg.urls.includes(r.exchange.url))
    .map((r: any) => ({
      id: r.id,
      seq: r.seq,
      url: r.exchange.url,
      sources: r.sources,
      startedAt: r.exchange.startedAt,
      startIsUpperBound: r.startIsUpperBound ?? false,
      status: r.exchange.status,
      devtoolsKey: r.devtoolsKey ?? null,
      webRequestId: r.webRequestId ?? null,
      webRequestDone: r.webRequestDone ?? false,
      durationMs: r.exchange.durationMs ?? null,
    }));
}

/**
 * Evaluated in the background: the webRequest ids (numbers, increasing per request in both browsers) that
 * no held request of the tab has, between the held ones started since `since` (epoch ms): each gap with
 * the URLs and starts of the requests around it. An id the tab never saw is a request of any tab or none.
 */
function requestIdGapsIn(arg: { tabId: number; since: number }): unknown {
  const held = (globalThis as any).faultlineDebug
    .records(arg.tabId)
    .filter((r: any) => r.kind === 'request' && r.webRequestId !== undefined && r.exchange.startedAt >= arg.since)
    .map((r: any) => ({
      id: Number(r.webRequestId),
      url: r.exchange.url as string,
      at: r.exchange.startedAt as number,
    }))
    .filter((r: { id: number }) => Number.isSafeInteger(r.id))
    .sort((a: { id: number }, b: { id: number }) => a.id - b.id);
  const gaps: unknown[] = [];
  let missing = 0;
  for (let i = 1; i < held.length; i++) {
    const skipped = held[i].id - held[i - 1].id - 1;
    if (skipped <= 0) continue;
    missing += skipped;
    if (gaps.length < 20)
      gaps.push({
        skipped,
        after: [held[i - 1].id, held[i - 1].url.replace(/^https?:\/\/[^/]+/, ''), held[i - 1].at],
        before: [held[i].id, held[i].url.replace(/^https?:\/\/[^/]+/, ''), held[i].at],
      });
  }
  return { ids: held.length, first: held[0]?.id ?? null, last: held.at(-1)?.id ?? null, missing, gaps };
}

/** Evaluated in the background: whether it started, the tabs it holds, how its store is doing (a settle that times out says this). */
function backgroundStateIn(): unknown {
  const debug = (globalThis as any).faultlineDebug;
  if (!debug) return { debug: false };
  return {
    ready: debug.ready,
    start: debug.start?.() ?? null,
    tabs: debug.tabs().map((t: { tabId: number; records: number }) => [t.tabId, t.records]),
    persist: debug.persistStats(),
    errors: debug.persistErrors(),
  };
}

/** Evaluated in the background: rows IndexedDB holds for a tab (raw API: the page has no idb). */
async function rowsIn(tabId: number): Promise<{ meta: number; records: number; bodies: number }> {
  const db: IDBDatabase = await new Promise((resolve, reject) => {
    const open = indexedDB.open('faultline-capture');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    const tx = db.transaction(['meta', 'records', 'bodies']);
    const count = (store: string, query: IDBValidKey | IDBKeyRange) =>
      new Promise<number>((resolve, reject) => {
        const request = tx.objectStore(store).count(query);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const range = IDBKeyRange.bound([tabId], [tabId, []]);
    return {
      meta: await count('meta', tabId),
      records: await count('records', range),
      bodies: await count('bodies', range),
    };
  } finally {
    db.close();
  }
}

describe.each(['chromium', 'firefox'] as BrowserName[])('%s: store', (browser) => {
  // Chromium runs with DevTools and the panel open: its response bodies come from the devtools page.
  // Firefox runs with the toolbox closed: its background captures on its own (webRequest, and the
  // bodies copied by filterResponseData). With the toolbox open, Firefox's parent process (network
  // stack, webRequest dispatch, body copy and the toolbox's network monitor, not separated) was the
  // bound, 19-26 ms CPU per request (docs/storage.md); closing it takes the monitor out. The counts,
  // records and bodies checked are the extension's own capture and store either way.
  const withDevTools = browser === 'chromium';
  let demo: DemoServer;
  let session: PanelSession;
  let tabId: number;
  const counts = () => session.backgroundEval(countsIn, tabId);

  /** Waits until nothing is in flight or queued and the counts stopped moving. */
  async function settledCounts(timeoutMs = 180_000): Promise<Counts> {
    let previous = '';
    return waitFor(
      async () => {
        const c = await counts();
        const key = JSON.stringify(c);
        const stable = key === previous;
        previous = key;
        return c && c.settled && c.pending === 0 && stable ? c : null;
      },
      { timeoutMs, intervalMs: 1_000, what: 'the store to settle' },
    ).catch(async (error: Error) => {
      // What the background was doing instead (a start that never finished, a tab it does not hold).
      const state = await session.backgroundEval(backgroundStateIn).catch((e: Error) => `unreadable: ${e.message}`);
      throw new Error(`${error.message}; last counts ${previous}; background ${JSON.stringify(state)}`);
    });
  }

  /**
   * The refused-URL requests (the steady phase's n % 20 == 4, all one URL) around the stop: when the page
   * made each (ms from its start) and the starts of those held, on the page's clock as the soak requests
   * made within 2 s place them. Raw, to be aligned by eye: the browser's start trails the page's making
   * by a delay that varies with load (a matcher with a 150 ms window saw 7-13 "missing" in passing runs).
   */
  async function refusedAroundStop(refusedUrl: string, stopAt: number): Promise<string> {
    const times = await session.pageEval(trafficTimes, { from: BURST, to: BURST + STEADY - 1 });
    const madeAt = new Map(times.map(([n, made]) => [n, made]));
    type Shown = { url: string; startedAt: number };
    const all = (await session.backgroundEval(
      (arg: { tabId: number }) =>
        (globalThis as any).faultlineDebug
          .records(arg.tabId)
          .filter((r: any) => r.kind === 'request')
          .map((r: any) => ({ url: r.exchange.url, startedAt: r.exchange.startedAt })),
      { tabId },
    )) as Shown[];
    const soak: Array<[made: number, offset: number]> = [];
    for (const r of all) {
      const n = Number(/\/api\/soak\/(\d+)$/.exec(new URL(r.url).pathname)?.[1]);
      if (madeAt.has(n)) soak.push([madeAt.get(n)!, r.startedAt - madeAt.get(n)!]);
    }
    const offsetNear = (at: number) => {
      const near = soak
        .filter(([m]) => Math.abs(m - at) < 2_000)
        .map(([, o]) => o)
        .sort((a, b) => a - b);
      return near[Math.floor(near.length / 2)] ?? 0;
    };
    const offset = offsetNear(stopAt);
    const near = (at: number) => Math.abs(at - stopAt) < 5_000;
    const made = times.filter(([n, at]) => n % 20 === 4 && near(at)).map(([n, at, settled]) => [n, at, settled]);
    const held = all
      .filter((r) => r.url === refusedUrl)
      .map((r) => Math.round(r.startedAt - offset))
      .filter(near)
      .sort((a, b) => a - b);
    return `refused-URL requests within 5 s of the stop (${stopAt} ms): made [n, made, settled] ${JSON.stringify(made)}; held, started at ${JSON.stringify(held)} (offset ${offset} ms)`;
  }

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchSession(browser, {
      extensionPath: (await import('./harness/common')).distPath(browser),
      url: `${demo.url}/`,
      openPanel: withDevTools,
    });
    if (withDevTools)
      await session.waitForPanel(() => document.documentElement.dataset.faultlineReady === 'true', undefined, 30_000);
    const tabs = await waitFor(
      () =>
        session.backgroundEval(
          (origin: string) =>
            ((globalThis as any).faultlineDebug?.tabs?.() ?? []).filter((t: { urls: string[] }) =>
              t.urls.some((u) => u.startsWith(origin)),
            ),
          demo.url,
        ),
      { what: 'the demo tab in faultlineDebug.tabs()', timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(tabs).toHaveLength(1);
    tabId = tabs[0].tabId;
  });

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  // Chromium stops its worker over CDP. Firefox's stop asks for the plain suspension its idle timer
  // makes; an event reaching the page while it suspends cancels it (docs/storage.md), so the harness
  // asks again until Firefox unloads the page by its own rules in a gap between events, and forces the
  // unload only when 12 s of attempts did not get there. The log line says which (attempts,
  // cancellations, forced or not). Firefox's own unload and Chromium's stop must keep the exact count;
  // a forced one (the harness unloads a page an event just reached, which real Firefox never does, and
  // that event's listener may never run) is said so plainly and may lose requests made during the stop,
  // no more. Either way the test fails unless the page was still making requests when the stop ended.
  // FAULTLINE_STORE_SKIP_STOP=1 skips it in both browsers (quick local runs of the other two tests).
  // A request restored in flight whose end went with the stopped background is ended as "outcome lost"
  // after RESTORED_IN_FLIGHT_WAIT_MS, and counted; the log line says how many.
  it.skipIf(process.env.FAULTLINE_STORE_SKIP_STOP === '1')(
    `holds or counts every one of ${BURST + STEADY} requests past the cap across a worker stop mid-traffic`,
    async () => {
      const before = await settledCounts();
      expect(before.held + before.droppedRecords).toBe(before.seen);
      const plan: TrafficPlan = {
        burst: BURST,
        burstConcurrency: 12,
        steady: STEADY,
        ratePerSecond: RATE,
        maxBodyBytes: MAX_BODY,
        refusedUrl: demo.refusedUrl,
      };
      await session.pageEval(startTraffic, plan);

      // Mid-traffic: a fifth of the way into the steady phase, past the cap.
      const stopAt = BURST + Math.floor(STEADY / 5);
      await waitFor(async () => ((await session.pageEval(trafficState))?.made ?? 0) >= stopAt, {
        what: `the page to make ${stopAt} requests`,
        timeoutMs: 900_000,
        intervalMs: 1_000,
      });
      // What is committed at the stop, taken without waiting for the write queue (a flush here took
      // long enough in Firefox for the traffic to end before the stop); the queue is stopped as it is.
      const committed = await session.backgroundEval(committedIn, tabId);
      const atStopCall = await session.pageEval(trafficState);
      const stopStarted = Date.now();
      const stopWallClock = stopStarted;
      await session.stopBackground();
      const stopMs = Date.now() - stopStarted;
      const stopReport = (session as { stopReports?: StopReport[] }).stopReports?.at(-1);
      const atStop = await session.pageEval(trafficState);
      // Firefox's own suspension, or the harness's forced unload after the attempts ran out.
      const forced = stopReport?.forced === true;
      const how = stopReport
        ? forced
          ? `FORCED by the harness after ${stopReport.attempts} plain suspensions in ${stopReport.plainMs} ms (${stopReport.canceled} canceled by an event, declined ${JSON.stringify(stopReport.declined)}), ${stopReport.resetsHeld} idle resets held back`
          : `Firefox's own suspension on attempt ${stopReport.attempts} (${stopReport.canceled} canceled by an event before it, declined ${JSON.stringify(stopReport.declined)}), ${stopReport.plainMs} ms`
        : 'CDP ServiceWorker.stopAllWorkers';
      console.log(
        `[store e2e ${browser}] stop called at request ${atStopCall?.made} (${atStopCall?.phase}), returned after ${stopMs} ms at request ${atStop?.made} (${atStop?.phase}) of ${BURST + STEADY}: ${how}`,
      );
      // The stop must land mid-traffic: past the cap when it began, the page still making requests when it ended.
      expect({
        calledPastCap: (atStopCall?.made ?? 0) >= stopAt,
        endedBeforeTheLastRequest: (atStop?.made ?? Infinity) < BURST + STEADY,
      }).toEqual({ calledPastCap: true, endedBeforeTheLastRequest: true });

      // What the restarted page recovered from the journal (Firefox only, where the page has one: requests
      // seen after the last committed meta). Read now: an idle Firefox page is suspended again before the end.
      // Not in Chromium: polling its worker while it reads 10,000 records back under load (over 60 s at
      // load 14) left the next tests' evaluations timing out.
      const journal = withDevTools
        ? null
        : await waitFor(
            () =>
              session.backgroundEval(() => {
                const debug = (globalThis as any).faultlineDebug;
                if (!debug?.ready) return null;
                const { journaled, journalRecovered, journalErrors } = debug.persistStats();
                // The events received before the restarted page was ready, and those an earlier start left unhandled.
                return { journaled, journalRecovered, journalErrors, earlyEvents: debug.start().earlyEvents };
              }),
            { what: 'the restarted background to be ready', timeoutMs: 180_000, intervalMs: 1_000 },
          );

      const done = await waitFor(
        async () => {
          const s = await session.pageEval(trafficState);
          return s && s.phase === 'done' && s.inFlight === 0 ? s : null;
        },
        { what: 'the traffic to finish', timeoutMs: 600_000, intervalMs: 1_000 },
      );
      expect(done.made).toBe(BURST + STEADY);
      const after = await settledCounts();
      const made = before.seen + done.made;
      const held = await session.backgroundEval(heldIn, { tabId, flush: false });
      // A request held twice would show here by its URL (each soak URL is unique; the refused one is shared).
      const byUrl = new Map<string, number>();
      for (const r of held) if (r.url.includes('/api/soak/')) byUrl.set(r.url, (byUrl.get(r.url) ?? 0) + 1);
      const heldTwice = [...byUrl].filter(([, n]) => n > 1).map(([url]) => url);
      // What each record of a request held twice is, so a failure names the path that made the second.
      if (heldTwice.length)
        console.log(
          `[store e2e ${browser}] held twice: ${JSON.stringify(await session.backgroundEval(recordsOf, { tabId, urls: heldTwice.slice(0, 5) }))}`,
        );
      // Before the exact check, so a count that fails it still says what the store did (store11: Firefox lost 1).
      if (after.held + after.droppedRecords !== made) {
        // Session 23's CI lost one of these (74 of 75 held): which one, against the stop.
        console.log(
          `[store e2e ${browser}] ${await refusedAroundStop(demo.refusedUrl, atStopCall?.elapsedMs ?? 0).catch((e: Error) => e.message)}`,
        );
        // The ids around the stop that the tab never saw (the steady phase: it makes only this tab's traffic).
        console.log(
          `[store e2e ${browser}] journal after the restart ${JSON.stringify(journal)}; webRequest ids not held since the stop less 20 s: ${JSON.stringify(await session.backgroundEval(requestIdGapsIn, { tabId, since: stopWallClock - 20_000 }).catch((e: Error) => e.message))}`,
        );
        // Which soak requests are neither held nor named as lost, and when the page made them against the stop.
        const heldN = new Set([...byUrl.keys()].map((u) => Number(/\/api\/soak\/(\d+)/.exec(u)![1])));
        const oldest = Math.min(...heldN);
        const absent: number[] = [];
        for (let n = oldest; n < BURST + STEADY && absent.length < 20; n++)
          if (!heldN.has(n) && (n < BURST || n % 20 !== 4)) absent.push(n);
        const refusedHeld = held.filter((r) => r.url === demo.refusedUrl).length;
        const times = absent.length
          ? await session.pageEval(trafficTimes, { from: absent[0], to: absent.at(-1)! })
          : [];
        console.log(
          `[store e2e ${browser}] absent soak requests ${JSON.stringify(absent)}, made/settled at ${JSON.stringify(times.filter(([n]) => absent.includes(n)))} ms; stop called at ${atStopCall?.elapsedMs} ms, returned at ${atStop?.elapsedMs} ms; refused-URL requests held ${refusedHeld}; orphans adopted ${await session.backgroundEval(() => (globalThis as any).faultlineDebug.adoptedOrphans?.() ?? null)}`,
        );
        console.log(
          `[store e2e ${browser}] count off by ${made - after.held - after.droppedRecords}: ${JSON.stringify(after)}; persist ${JSON.stringify(await session.backgroundEval(() => (globalThis as any).faultlineDebug.persistStats()))}; stop ${JSON.stringify(stopReport ?? null)}`,
        );
      }
      if (!forced) {
        // Exact: every request the page made is held or counted as dropped, none twice.
        expect({ heldPlusDropped: after.held + after.droppedRecords, seen: after.seen, heldTwice }).toEqual({
          heldPlusDropped: made,
          seen: made,
          heldTwice: [],
        });
      } else {
        // A forced unload can drop the events sent to the page as it went, so a request made during the
        // stop may reach no page: the counts agree with what the store saw, none is held twice, and at
        // most the requests made while the stop ran are missing.
        const madeDuringStop = (atStop?.made ?? 0) - (atStopCall?.made ?? 0);
        const unseen = made - after.seen;
        console.warn(
          `[store e2e ${browser}] the stop was FORCED (Firefox's own suspension did not happen in ${stopReport?.attempts} attempts): exact equality not asserted; ${unseen} of ${madeDuringStop} requests made during the stop reached no page`,
        );
        expect({
          heldPlusDropped: after.held + after.droppedRecords,
          heldTwice,
          unseenAtMostMadeDuringStop: unseen >= 0 && unseen <= madeDuringStop,
        }).toEqual({ heldPlusDropped: after.seen, heldTwice: [], unseenAtMostMadeDuringStop: true });
      }
      expect(after.held).toBeLessThanOrEqual(10_000);
      expect(after.droppedRecords).toBeGreaterThanOrEqual(made - 10_000);

      // Every record committed before the stop and not evicted since is back, with its body.
      const heldById = new Map(held.map((r) => [r.id, r]));
      const oldestSeq = Math.min(...held.map((r) => r.seq));
      const expected = committed.filter((r) => r.seq >= oldestSeq);
      const missing = expected.filter((r) => !heldById.has(r.id));
      expect(missing.slice(0, 5)).toEqual([]);
      const bodyChanged = expected.filter((r) => {
        const now = heldById.get(r.id)!;
        // A body may arrive after the commit, and the per-tab body budget may drop the oldest bodies
        // later (counted); otherwise a committed body is back, the same.
        return r.bodyLength !== null && now.bodyState !== 'dropped' && now.bodyLength !== r.bodyLength;
      });
      expect(bodyChanged.slice(0, 5)).toEqual([]);
      // And a body that is there is the one the server sent (its size is in the URL).
      const wrongSize = held.filter((r) => {
        const bytes = /[?&]bytes=(\d+)/.exec(r.url)?.[1];
        return (
          bytes !== undefined && r.bodyLength !== null && r.bodyState === 'captured' && r.bodyLength !== Number(bytes)
        );
      });
      expect(wrongSize.slice(0, 5)).toEqual([]);
      // Bodies are there: Chromium's from the devtools page, Firefox's (toolbox closed) only from the
      // background's filterResponseData copy, so a broken copy fails here.
      const capturedBodies = held.filter((r) => r.bodyState === 'captured' && r.bodyLength).length;
      expect(capturedBodies).toBeGreaterThan(100);
      // A request ended as outcome lost is counted: none is shown that the tab's count leaves out.
      const outcomesLostShown = held.filter((r) => r.outcomeLost).length;
      expect(outcomesLostShown).toBeLessThanOrEqual(after.outcomesLost);
      const droppedBodiesShown = held.filter((r) => r.bodyState === 'dropped').length;
      expect(droppedBodiesShown).toBeLessThanOrEqual(after.droppedBodies);
      const persist = await session.backgroundEval(() => (globalThis as any).faultlineDebug.persistStats());
      const adopted = await session.backgroundEval(() => (globalThis as any).faultlineDebug.adoptedOrphans?.() ?? null);
      const outcomesLost = await session.backgroundEval(
        () => (globalThis as any).faultlineDebug.outcomesLost?.() ?? null,
      );
      console.log(
        `[store e2e ${browser}] persist ${JSON.stringify(persist)}\n[store e2e ${browser}] made ${made} (page ${done.made}, before ${before.seen}), stop at ${atStopCall?.made}-${atStop?.made}; held ${after.held} + dropped ${after.droppedRecords}; ` +
          `committed before stop ${committed.length}, back after ${expected.length - missing.length}/${expected.length}; bodies held ${capturedBodies}, dropped ${after.droppedBodies}; ` +
          `orphan responses adopted after the stop ${adopted}; restored in flight and ended as outcome lost ${outcomesLost} (tab's count ${after.outcomesLost}, held ${outcomesLostShown}); journal after the restart ${JSON.stringify(journal)}; traffic ${done.elapsedMs} ms (burst ${done.burstEndedMs} ms)` +
          (stopReport ? `\n[store e2e ${browser}] stop ${JSON.stringify(stopReport)}` : ''),
      );
    },
    1_500_000,
  );

  it("deletes a closed tab's rows from IndexedDB within a minute", async () => {
    const url = `${demo.url}/?page=closing`;
    const opened = await session.backgroundEval(async (u: string) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      const tab = await api.tabs.create({ url: u, active: false });
      return tab.id as number;
    }, url);
    await waitFor(async () => (await session.backgroundEval(rowsIn, opened)).records > 0, {
      what: "the new tab's records in IndexedDB",
      timeoutMs: 30_000,
      intervalMs: 500,
    });
    await session.backgroundEval(async (id: number) => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.tabs.remove(id);
      return true;
    }, opened);
    const closedAt = Date.now();
    await waitFor(
      async () => {
        const rows = await session.backgroundEval(rowsIn, opened);
        return rows.meta + rows.records + rows.bodies === 0;
      },
      { what: "the closed tab's rows to go", timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(Date.now() - closedAt).toBeLessThan(60_000);
    expect((await session.backgroundEval(rowsIn, tabId)).records).toBeGreaterThan(0);
  }, 120_000);

  it('starts empty in a new browser session (storage.session emptied, as a browser restart does)', async () => {
    expect((await session.backgroundEval(rowsIn, tabId)).records).toBeGreaterThan(0);
    // A real restart closes DevTools too. Left open, the devtools page (Chromium's) would re-send what
    // it sent in the last 30 s after the reconnect (src/devtools/recent-entries.ts), which a restarted
    // browser has no devtools page to do; closing it replaces the 31 s wait for that window to pass.
    if (withDevTools) await (session as ChromiumPanelSession).closeDevTools();
    // A browser restart empties storage.session and keeps IndexedDB; the next worker start must wipe it.
    await session.backgroundEval(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.session.clear();
      return true;
    });
    await session.stopBackground();
    const rows = await waitFor(
      async () => {
        const ready = await session.backgroundEval(() => (globalThis as any).faultlineDebug?.ready === true);
        return ready ? session.backgroundEval(rowsIn, tabId) : null;
      },
      { what: 'the restarted worker', timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(rows.records).toBe(0);
    const c = await counts();
    expect(c === null || (c.held === 0 && c.seen === 0 && c.droppedRecords === 0)).toBe(true);
  }, 120_000);
});
