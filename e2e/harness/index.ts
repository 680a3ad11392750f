// One entry point for tests: the same PanelSession in either browser.
import type { BrowserName, LaunchOptions, PanelSession } from './types';

export type { BrowserName, LaunchOptions, PanelSession, RemoteFn } from './types';

export async function launchSession(browser: BrowserName, opts: LaunchOptions): Promise<PanelSession> {
  if (browser === 'chromium') {
    const { launchChromiumSession } = await import('./chromium');
    return launchChromiumSession(opts);
  }
  const { launchFirefoxSession } = await import('./firefox');
  return launchFirefoxSession(opts);
}

/**
 * The usual start of an e2e test: the built extension for `browser`, the demo page open, DevTools
 * showing the panel, and the panel connected with its first snapshot applied.
 */
export async function launchOnDemo(browser: BrowserName, demoUrl: string): Promise<PanelSession> {
  const { distPath } = await import('./common');
  const session = await launchSession(browser, { extensionPath: distPath(browser), url: `${demoUrl}/` });
  await session.waitForPanel(() => document.documentElement.dataset.faultlineReady === 'true', undefined, 30_000);
  return session;
}

/** Waits until the panel's status bar counts at least `count` failures. */
export async function waitForFailureCount(session: PanelSession, count: number, timeoutMs = 30_000): Promise<void> {
  await session.waitForPanel(
    (n: number) => Number(document.querySelector('[data-testid="counts"]')?.getAttribute('data-failures') ?? 0) >= n,
    count,
    timeoutMs,
  );
}
