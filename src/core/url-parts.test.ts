import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactParts, plainHost, urlParts } from './url-parts';

const whatwg = (url: string) => {
  try {
    const u = new URL(url);
    return { host: u.host.toLowerCase(), hostname: u.hostname, path: u.pathname };
  } catch {
    return null;
  }
};

// URLs assembled from pieces the WHATWG parser treats specially: ports, userinfo, IPv4 forms, IDNA,
// dot segments, escapes, backslashes, whitespace, non-ASCII.
const scheme = fc.constantFrom(
  'https://',
  'http://',
  'HTTPS://',
  'hTtP://',
  'ftp://',
  'https:/',
  ' https://',
  'https:\\\\',
);
const label = fc.constantFrom(
  'api',
  'GitHub',
  'x-1',
  '-a',
  'a-',
  'xn--nxasmq6b',
  'xn--a',
  '3com',
  '0x7f',
  '127',
  '1',
  '0',
  '09',
  'ex\u00e4mple',
  'a_b',
  '',
  'A',
  'com',
);
const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.'));
const tail = fc.constantFrom('', '.', ':443', ':80', ':8080', ':', '@h', 'user@', ':x');
const segment = fc.constantFrom(
  'v1',
  'Repos',
  '.',
  '..',
  '%2e',
  '%2E%2e',
  'a.json',
  'a%20b',
  'a b',
  'a\tb',
  '~x',
  "a!$&'()*+,;=:@",
  'é',
  '^',
  '|',
  '{x}',
  '`',
  '"',
  '<',
  'a\\b',
  '',
);
const path = fc.array(segment, { maxLength: 4 }).map((ss) => (ss.length ? `/${ss.join('/')}` : ''));
const after = fc.constantFrom('', '?', '?a=1/../b', '#f', '?x#y', '/');
const url = fc.tuple(scheme, host, tail, path, after).map((parts) => parts.join(''));

describe('url parts', () => {
  it('the cheap scans agree with new URL() whenever they answer', () => {
    fc.assert(
      fc.property(url, (u) => {
        const ref = whatwg(u);
        const exact = exactParts(u);
        if (exact !== null) expect(exact, u).toEqual(ref && { host: ref.host, path: ref.path });
        const host = plainHost(u);
        if (host !== null) expect(host, u).toBe(ref?.hostname.toLowerCase());
        expect(urlParts(u)).toEqual(ref ? { host: ref.host, path: ref.path } : { host: '', path: '' });
      }),
      { numRuns: 20000 },
    );
  });

  it('answers for ordinary API URLs without the parser', () => {
    expect(exactParts('https://API.GitHub.com/repos/o/r/issues?page=2#x')).toEqual({
      host: 'api.github.com',
      path: '/repos/o/r/issues',
    });
    expect(exactParts('http://slack.com?x')).toEqual({ host: 'slack.com', path: '/' });
    expect(exactParts('https://slack.com/api/chat:post@x')).toEqual({ host: 'slack.com', path: '/api/chat:post@x' });
  });

  it('finds a host with a trailing dot as the parser keeps it, but not an IPv4 form', () => {
    expect(plainHost('https://Core19.fabrik.nytimes.com./x.gif?a=b')).toBe('core19.fabrik.nytimes.com.');
    expect(new URL('https://Core19.fabrik.nytimes.com./x.gif?a=b').hostname).toBe('core19.fabrik.nytimes.com.');
    expect(plainHost('https://1.2.3.4./x')).toBeNull();
    expect(plainHost('https://a..com/x')).toBeNull();
    expect(plainHost('https://a.com../x')).toBeNull();
    expect(plainHost('https://./x')).toBeNull();
  });

  it('leaves to the parser what it may rewrite', () => {
    for (const u of [
      'https://api.github.com:443/x',
      'https://u@api.github.com/x',
      'https://0x7f.1/x',
      'https://example.1/',
      'https://xn--nxasmq6b.com/',
      'https://a.com/./b',
      'https://a.com/%2e%2e/b',
      'https://a.com/a b',
      'https://a.com./x',
      'https://a.com\\x',
    ]) {
      expect(exactParts(u), u).toBeNull();
    }
  });
});
