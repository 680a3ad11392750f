import { describe, expect, it } from 'vitest';
import { callSiteKey, callSiteOf, callStackOf, formatFrame, isLibraryUrl } from './callsite';

const APP = 'http://127.0.0.1:5173/cap/app.js';
const AXIOS = 'http://127.0.0.1:5173/node_modules/.vite/deps/axios.js?v=1';

describe('callStackOf', () => {
  it('flattens a Chrome HAR script initiator with async parents, innermost first', () => {
    const stack = callStackOf({
      type: 'script',
      stack: {
        callFrames: [
          { functionName: 'dispatchXhrRequest', scriptId: '9', url: AXIOS, lineNumber: 1600, columnNumber: 12 },
          { functionName: 'xhr', scriptId: '9', url: AXIOS, lineNumber: 1500, columnNumber: 3 },
        ],
        parent: {
          description: 'await',
          callFrames: [{ functionName: 'loadItems', scriptId: '7', url: APP, lineNumber: 41, columnNumber: 9 }],
          parent: {
            description: 'Promise.then',
            callFrames: [{ functionName: '', url: APP, lineNumber: 80, columnNumber: 1 }],
          },
        },
      },
    });
    expect(stack?.map((f) => f.functionName)).toEqual(['dispatchXhrRequest', 'xhr', 'loadItems', '']);
    expect(formatFrame(callSiteOf(stack)!)).toBe('loadItems (app.js:42)');
    expect(callSiteKey(callSiteOf(stack))).toBe(`loadItems ${APP}:42`);
  });

  it('gives a parser initiator its location, and nothing for other or malformed initiators', () => {
    expect(callStackOf({ type: 'parser', url: 'http://127.0.0.1:5173/cap/', lineNumber: 9 })).toEqual([
      { functionName: '', url: 'http://127.0.0.1:5173/cap/', lineNumber: 9, columnNumber: 0 },
    ]);
    expect(callStackOf({ type: 'other' })).toBeUndefined();
    expect(callStackOf('script')).toBeUndefined();
    expect(callStackOf({ type: 'script', stack: { callFrames: [{ url: 42 }, null] } })).toBeUndefined();
    // A cyclic parent chain ends.
    const cyclic: Record<string, unknown> = {
      callFrames: [{ functionName: 'f', url: APP, lineNumber: 1, columnNumber: 1 }],
    };
    cyclic.parent = cyclic;
    expect(callStackOf({ type: 'script', stack: cyclic })!.length).toBeLessThanOrEqual(40);
  });
});

describe('callSiteOf', () => {
  it('skips library frames (packages, vendor bundles, CDNs, HTTP clients) and falls back to the innermost frame', () => {
    for (const url of [
      AXIOS,
      'https://cdn.jsdelivr.net/npm/ky@1/index.js',
      'http://x/static/js/vendors~main.3f2a.js',
      'http://x/js/chunk-vendors.1a2b.js',
      'http://x/assets/jquery-3.7.1.min.js',
    ]) {
      expect(isLibraryUrl(url), url).toBe(true);
    }
    for (const url of [
      APP,
      'http://x/static/js/main.3f2a.js',
      'http://x/src/api/client.ts',
      'http://x/assets/library-page.js',
    ]) {
      expect(isLibraryUrl(url), url).toBe(false);
    }
    const onlyLib = [{ functionName: 'request', url: AXIOS, lineNumber: 3, columnNumber: 0 }];
    expect(callSiteOf(onlyLib)).toEqual(onlyLib[0]);
    expect(callSiteOf(undefined)).toBeNull();
  });
});
