// Host and path of request URLs for rule matching, without a WHATWG parse when a cheap scan gives the same answer.

/** Where the authority of an `http(s)://` URL starts (scheme letters in any case); -1 for other URLs. */
function authorityStart(url: string): number {
  // `|32` lower-cases exactly these ASCII letters.
  if (
    (url.charCodeAt(0) | 32) !== 104 ||
    (url.charCodeAt(1) | 32) !== 116 ||
    (url.charCodeAt(2) | 32) !== 116 ||
    (url.charCodeAt(3) | 32) !== 112
  )
    return -1;
  const i = (url.charCodeAt(4) | 32) === 115 ? 5 : 4;
  if (url.charCodeAt(i) !== 58 || url.charCodeAt(i + 1) !== 47 || url.charCodeAt(i + 2) !== 47) return -1;
  return i + 3;
}

/** Punycode labels are checked (and may be rejected) by the parser. */
function isIdna(host: string): boolean {
  return host.startsWith('xn--') || host.includes('.xn--');
}

/** Where `plainHostSpan` found the host; one object reused by every call, so read it before the next. */
export interface HostSpan {
  start: number;
  end: number;
  /** The host has no upper-case letter: `url.slice(start, end)` is already the host. */
  lowerCase: boolean;
}

const span: HostSpan = { start: 0, end: 0, lowerCase: true };

/**
 * Where the host of a plain `http(s)://[user@]host[:port]` URL lies, when the WHATWG parser would leave
 * it as it is (up to case); null for anything else (the caller then parses it properly).
 */
export function plainHostSpan(url: string): HostSpan | null {
  const n = url.length;
  const i = authorityStart(url);
  if (i === -1) return null;
  let end = i;
  let at = -1;
  for (; end < n; end++) {
    const c = url.charCodeAt(end);
    if (c === 47 || c === 63 || c === 35) break; // / ? #
    if (c === 92) return null; // a backslash ends the authority too, in the parser's own way
    if (c === 64) at = end; // the last @ ends the userinfo
  }
  const start = at === -1 ? i : at + 1;
  let hostEnd = start;
  let label = start;
  let lastLabel = start;
  let upper = false;
  let hyphen = false;
  for (; hostEnd < end; hostEnd++) {
    const c = url.charCodeAt(hostEnd);
    if (c === 46) {
      if (hostEnd === label) return null; // empty label: the parser decides
      lastLabel = label;
      label = hostEnd + 1;
    } else if (c >= 65 && c <= 90) upper = true;
    else if (c === 45) hyphen = true;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) break;
  }
  if (hostEnd === start) return null; // no host
  // One trailing dot (`example.com.`) stays in the host; the label before it decides IPv4 as below.
  if (hostEnd === label) label = lastLabel;
  // A last label that is a number (or 0x…) makes the host an IPv4 address, which the parser rewrites.
  const first = url.charCodeAt(label) | 32;
  if (first < 97 || first > 122) return null;
  if (hostEnd < end) {
    if (url.charCodeAt(hostEnd) !== 58) return null;
    for (let p = hostEnd + 1; p < end; p++) {
      const c = url.charCodeAt(p);
      if (c < 48 || c > 57) return null;
    }
  }
  if (hyphen && isIdna(url.slice(start, hostEnd).toLowerCase())) return null;
  span.start = start;
  span.end = hostEnd;
  span.lowerCase = !upper;
  return span;
}

/** The lower-cased host `plainHostSpan` finds, or null. */
export function plainHost(url: string): string | null {
  const found = plainHostSpan(url);
  if (!found) return null;
  const host = url.slice(found.start, found.end);
  return found.lowerCase ? host : host.toLowerCase();
}

/** 1 for the path characters the WHATWG parser keeps as they are ('.' and '%' excluded: dot segments and escapes are rewritten). */
const KEPT_PATH_CHAR = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~/!$&'()*+,;=:@")
  KEPT_PATH_CHAR[ch.charCodeAt(0)] = 1;

/**
 * `host` and `pathname` as `new URL()` gives them, for an `http(s)://host/path` URL without userinfo,
 * port or anything the parser rewrites; null otherwise. Host labels are [A-Za-z0-9-], the last one
 * starting with a letter (a number or 0x… makes it an IPv4 address), none IDNA (`xn--`).
 */
export function exactParts(url: string): { host: string; path: string } | null {
  const n = url.length;
  const start = authorityStart(url);
  if (start === -1) return null;
  let p = start;
  let label = start;
  for (; p < n; p++) {
    const c = url.charCodeAt(p);
    if (c === 46) {
      if (p === label) return null; // empty label
      label = p + 1;
    } else if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45)) break;
  }
  if (p === label) return null; // empty host or trailing dot
  const first = url.charCodeAt(label) | 32;
  if (first < 97 || first > 122) return null;
  if (p < n) {
    const c = url.charCodeAt(p);
    if (c !== 47 && c !== 63 && c !== 35) return null; // port, userinfo, backslash, …
  }
  const host = url.slice(start, p).toLowerCase();
  if (isIdna(host)) return null;
  if (p === n || url.charCodeAt(p) !== 47) return { host, path: '/' };
  const pathStart = p;
  for (; p < n; p++) {
    const c = url.charCodeAt(p);
    if (c === 63 || c === 35) break;
    if (c >= 128 || KEPT_PATH_CHAR[c] === 0) return null;
  }
  return { host, path: url.slice(pathStart, p) };
}

/** `host` (lower-cased) and `pathname` by the WHATWG parser; empty strings when the URL does not parse. */
export function urlParts(url: string): { host: string; path: string } {
  try {
    const u = new URL(url);
    return { host: u.host.toLowerCase(), path: u.pathname };
  } catch {
    return { host: '', path: '' };
  }
}
