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
