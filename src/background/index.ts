// Background worker (Chrome service worker / Firefox event page). Capture lives in ./capture.
import browser from 'webextension-polyfill';

browser.runtime.onInstalled.addListener(() => {
  /* first run: nothing to migrate yet */
});
