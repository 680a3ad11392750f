// The toolbar action badge, per tab.
import browser from 'webextension-polyfill';

export const BADGE_COLOR = '#c5221f';

/** Shows `count` on the tab's badge ('' hides it). Errors (tab gone) are ignored. */
export async function setTabBadge(tabId: number, count: number): Promise<void> {
  const text = count <= 0 ? '' : count > 9999 ? '9999+' : String(count);
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    await browser.action.setBadgeText({ tabId, text });
  } catch {
    /* the tab closed meanwhile */
  }
}

export function getTabBadge(tabId: number): Promise<string> {
  return browser.action.getBadgeText({ tabId });
}
