// The retry audit in the real panel of Chromium and Firefox: each client mistake the demo page can
// make shows up in the Audit view as its finding, with the one-sentence fix, and its rows carry the
// audit badge; the well-behaved ky-style client produces no finding. Every scenario run uses fresh
// `?run=` ids, so its calls (and findings) are told apart by URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './demo/server.mjs';
import { launchOnDemo, type BrowserName, type PanelSession } from './harness/index';

interface DemoAttempt {
  url: string;
  method: string;
  status: number;
}

interface FindingShown {
  rule: string;
  key: string;
  fix: string;
  marks: number;
  tableRows: number;
}

interface BadgeShown {
  status: string;
  rules: string | null;
}

const MISTAKES: Array<{ scenario: string; rule: string; fix: RegExp }> = [
  { scenario: '4xx-retried-unchanged', rule: 'unchanged-retry', fix: /A 422 was sent again unchanged/ },
  {
    scenario: '401-retried-same-credentials',
    rule: 'unchanged-retry',
    fix: /A 401 was retried with the same credentials/,
  },
  {
    scenario: 'retry-after-ignored',
    rule: 'retry-too-soon',
    fix: /^Honour Retry-After header: waited 0\.\d s of 2 s\.$/,
  },
  { scenario: 'no-backoff', rule: 'no-backoff', fix: /back off exponentially/ },
  { scenario: 'retry-storm', rule: 'retry-storm', fix: /attempts within 5 s: cap retries/ },
  {
    scenario: 'unsafe-post-retry',
    rule: 'unsafe-retry',
    fix: /POST was re-sent after a 500 without an Idempotency-Key/,
  },
  { scenario: '423-hammered', rule: 'hammered-lock', fix: /423 means the resource is busy/ },
];

const runIdOf = (url: string): string => /[?&]run=([^&#]+)/.exec(url)?.[1] ?? '';

// ---- evaluated in the panel (self-contained: sent as source) --------------------------------

/** Opens the Audit view and returns the findings whose call is one of the given runs. */
function findingsOfRuns(runs: string[]): FindingShown[] {
  const tab = document.querySelector<HTMLElement>('[data-testid="view-audit"]');
  if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
  const runOf = (key: string) => /[?&]run=([^&#]+)/.exec(key)?.[1] ?? '';
  return Array.from(document.querySelectorAll<HTMLElement>('[data-testid="audit-finding"]'))
    .filter((card) => runs.includes(runOf(card.dataset.key ?? '')))
    .map((card) => ({
      rule: card.dataset.rule ?? '',
      key: card.dataset.key ?? '',
      fix: card.querySelector('[data-testid="audit-fix"]')?.textContent ?? '',
      marks: card.querySelectorAll('[data-testid="attempt-mark"]').length,
      tableRows: card.querySelectorAll('[data-testid="audit-attempts"] tbody tr').length,
    }));
}

/** Polled: the finding of `rule` for `run`, once the audit shows it over all `attempts` of the run. */
function findingOfRun(arg: { run: string; rule: string; attempts: number }): FindingShown | null {
  const tab = document.querySelector<HTMLElement>('[data-testid="view-audit"]');
  if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
  const card = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="audit-finding"]')).find(
    (c) => c.dataset.rule === arg.rule && (/[?&]run=([^&#]+)/.exec(c.dataset.key ?? '')?.[1] ?? '') === arg.run,
  );
  if (!card || card.querySelectorAll('[data-testid="attempt-mark"]').length < arg.attempts) return null;
  return {
    rule: card.dataset.rule ?? '',
    key: card.dataset.key ?? '',
    fix: card.querySelector('[data-testid="audit-fix"]')?.textContent ?? '',
    marks: card.querySelectorAll('[data-testid="attempt-mark"]').length,
    tableRows: card.querySelectorAll('[data-testid="audit-attempts"] tbody tr').length,
  };
}

/** Back in the list, filtered to the run: each failure row and its audit badge. */
async function badgesOfRun(run: string): Promise<BadgeShown[]> {
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  (document.querySelector('[data-testid="view-live"]') as HTMLElement | null)?.click();
  await frame();
  const input = document.querySelector<HTMLInputElement>('[data-testid="filter"]')!;
  input.value = run;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  for (let i = 0; i < 100; i++) {
    await frame();
    if (document.querySelector('[data-testid="counts"]')?.getAttribute('data-scanning') !== 'true') break;
  }
  const rows = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="failure-row"]'))
    .filter((row) => (row.dataset.url ?? '').includes(`run=${run}`))
    .map((row) => ({
      status: row.dataset.status ?? '',
      rules: row.querySelector('[data-testid="audit-badge"]')?.getAttribute('data-audit-rules') ?? null,
    }));
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await frame();
  return rows;
}

// ---- the tests ------------------------------------------------------------------------------

describe.each(['chromium', 'firefox'] as BrowserName[])('%s: retry audit in the panel', (browser) => {
  let demo: DemoServer;
  let session: PanelSession;

  const runScenario = async (scenario: string): Promise<DemoAttempt[]> => {
    const result = await session.pageEval(
      (s: string) =>
        (
          window as unknown as { faultlineDemo: { audit(s: string): Promise<{ attempts: DemoAttempt[] }> } }
        ).faultlineDemo.audit(s),
      scenario,
    );
    return result.attempts;
  };

  beforeAll(async () => {
    demo = await startDemoServer();
    session = await launchOnDemo(browser, demo.url);
  });

  afterAll(async () => {
    await session?.close();
    await demo?.close();
  });

  it.each(MISTAKES)(
    '$scenario shows a $rule finding with its fix, and badges its rows',
    async ({ scenario, rule, fix }) => {
      const attempts = await runScenario(scenario);
      const run = runIdOf(attempts[0].url);
      expect(run, 'the scenario names its run').not.toBe('');
      // Records reach the panel after the page's calls resolve: wait for the sequence to be complete.
      const finding = (await session.waitForPanel(findingOfRun, { run, rule, attempts: attempts.length }, 20_000))!;
      expect(finding.fix).toMatch(fix);
      expect(finding.key.startsWith(`${attempts[0].method} ${demo.url}/api/audit/`)).toBe(true);
      // The timeline and the table show every attempt of the sequence.
      expect(finding.marks).toBe(attempts.length);
      expect(finding.tableRows).toBe(attempts.length);

      const badges = await session.panelEval(badgesOfRun, run);
      const failed = attempts.filter((a) => a.status >= 400);
      expect(badges.length).toBe(failed.length);
      expect(badges.some((b) => b.rules?.split(' ').includes(rule))).toBe(true);
    },
  );

  it('the well-behaved client gets no finding and no badge', async () => {
    const attempts = await runScenario('well-behaved');
    const runs = [...new Set(attempts.map((a) => runIdOf(a.url)))];
    expect(runs.length).toBeGreaterThanOrEqual(6);
    // A mistake made afterwards: once its finding shows, the audit has seen the good client's calls too.
    const sentinel = await runScenario('4xx-retried-unchanged');
    await session.waitForPanel(
      findingOfRun,
      { run: runIdOf(sentinel[0].url), rule: 'unchanged-retry', attempts: sentinel.length },
      20_000,
    );
    const findings = await session.panelEval(findingsOfRuns, runs);
    expect(findings).toEqual([]);
    for (const run of runs) {
      const badges = await session.panelEval(badgesOfRun, run);
      expect(
        badges.filter((b) => b.rules !== null),
        run,
      ).toEqual([]);
    }
  });
});
