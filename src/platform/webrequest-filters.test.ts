import { describe, expect, it } from 'vitest';
import { PREFLIGHT_RESOURCE_TYPES, listenerFilters } from './webrequest-filters';

// chrome.webRequest.ResourceType's values (Chromium 156).
const CHROME_TYPES = [
  'main_frame',
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xmlhttprequest',
  'ping',
  'csp_report',
  'media',
  'websocket',
  'webbundle',
  'other',
];

describe('listenerFilters', () => {
  it('gives extraHeaders only to the types a CORS preflight can belong to, and covers every type exactly once', () => {
    const filters = listenerFilters(true, CHROME_TYPES);
    const withExtra = filters.filter((f) => f.extraHeaders).flatMap((f) => f.types ?? []);
    const without = filters.filter((f) => !f.extraHeaders).flatMap((f) => f.types ?? []);
    expect(withExtra.sort()).toEqual(['other', 'ping', 'xmlhttprequest']);
    expect(without).not.toContain('xmlhttprequest');
    expect(without).toContain('script');
    expect([...withExtra, ...without].sort()).toEqual([...CHROME_TYPES].sort());
    expect(filters.every((f) => f.types !== undefined)).toBe(true);
  });

  it('one listener for everything where extraHeaders does not exist (Firefox)', () => {
    expect(listenerFilters(false, CHROME_TYPES)).toEqual([{ extraHeaders: false }]);
    expect(listenerFilters(false, null)).toEqual([{ extraHeaders: false }]);
  });

  it('falls back to extraHeaders on every request when the browser does not list its types', () => {
    expect(listenerFilters(true, null)).toEqual([{ extraHeaders: true }]);
    expect(listenerFilters(true, ['main_frame', 'script'])).toEqual([{ extraHeaders: true }]);
  });

  it('needs no second listener when every type can carry a preflight', () => {
    expect(listenerFilters(true, [...PREFLIGHT_RESOURCE_TYPES])).toEqual([
      { types: [...PREFLIGHT_RESOURCE_TYPES], extraHeaders: true },
    ]);
  });
});
