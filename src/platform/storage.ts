// A marker in storage.session for "this browser session": storage.session is emptied when the
// browser restarts (and when the extension is reloaded or updated), IndexedDB is not. A missing
// marker therefore means the captured data on disk belongs to an earlier session.
import browser from 'webextension-polyfill';

export interface SessionMarker {
  /** True when the marker was set earlier in this browser session. */
  present(): Promise<boolean>;
  set(): Promise<void>;
}

const MARKER_KEY = 'fl1:session';

export function sessionMarker(): SessionMarker {
  const area = browser.storage.session;
  return {
    present: async () => (await area.get(MARKER_KEY))[MARKER_KEY] !== undefined,
    set: () => area.set({ [MARKER_KEY]: Date.now() }),
  };
}
